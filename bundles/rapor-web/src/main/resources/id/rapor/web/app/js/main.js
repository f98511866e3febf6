// The application: the header (menu, language, who is logged in), and a page per route
// (#/login, #/assess, #/assess/new, #/assessment/{id}, #/monitor, #/monitor/unit/{id}, #/units, #/users, #/rounds, #/policy,
// #/policy/{id}) drawn into <main>.
import { h, fill } from './core/dom.js';
import { t, language, setLanguage, translateStatic } from './core/i18n.js';
import { onLoggedOut } from './core/api.js';
import { who, restore, logout, ended, hasRole } from './core/session.js';
import { forget } from './core/methodologies.js';
import { showProblem, problemBox } from './core/problems.js';
import { loginPage } from './core/login.js';
import { roundPage } from './assess/round.js';
import { assessmentPage } from './assess/assessment.js';
import { unitsPage } from './admin/units.js';
import { usersPage } from './admin/users.js';
import { roundsPage } from './admin/rounds.js';
import './admin/words.js';
import { monitorPage } from './monitor/round.js';
import { historyPage } from './monitor/history.js';
import { policyPage } from './policy/list.js';
import { methodologyPage } from './policy/methodology.js';

const main = document.getElementById('main');

/** The route in the hash: {path: '/assess', params: URLSearchParams}. */
function route() {
  const hash = window.location.hash.startsWith('#/') ? window.location.hash.slice(1) : '/';
  const [path, q] = hash.split('?');
  return { path, params: new URLSearchParams(q || '') };
}

export function go(path) {
  if (window.location.hash === `#${path}`) render();
  else window.location.hash = path;
}

function nav() {
  const session = who();
  const links = [];
  if (session) {
    links.push(h('a', { href: '#/assess' }, t('nav.assess')));
    if (['admin', 'policy', 'evaluator', 'verifier'].some(hasRole)) links.push(h('a', { href: '#/monitor' }, t('nav.monitor')));
    if (hasRole('admin')) links.push(h('a', { href: '#/units' }, t('nav.units')));
    if (hasRole('admin')) links.push(h('a', { href: '#/users' }, t('nav.users')));
    if (hasRole('admin')) links.push(h('a', { href: '#/rounds' }, t('nav.rounds')));
    if (hasRole('policy') || hasRole('admin')) links.push(h('a', { href: '#/policy' }, t('nav.policy')));
  }
  const current = route().path;
  for (const a of links) if (current.startsWith(a.getAttribute('href').slice(1))) a.setAttribute('aria-current', 'page');
  fill(document.getElementById('nav'), links);
  fill(document.getElementById('who'), session ? t('who', session.user) : '');
  document.getElementById('logout').hidden = !session;
}

let rendering = 0;

async function render() {
  const mine = ++rendering;
  const { path, params } = route();
  nav();
  const page = h('div', { class: 'page' });
  try {
    if (!who() && path !== '/login') {
      go(`/login?next=${encodeURIComponent(path === '/' ? '/assess' : `${path}${params.toString() ? `?${params}` : ''}`)}`);
      return;
    }
    if (path === '/login') await loginPage(page, params, go);
    else if (path === '/' || path === '/assess') await roundPage(page, params, go);
    else if (path === '/assess/new') await assessmentPage(page, { params }, go);
    else if (path.startsWith('/assessment/')) await assessmentPage(page, { id: path.slice('/assessment/'.length) }, go);
    else if (path === '/units') await unitsPage(page, params, go);
    else if (path === '/users') await usersPage(page, params, go);
    else if (path === '/rounds') await roundsPage(page, params, go);
    else if (path === '/monitor') await monitorPage(page, params);
    else if (path.startsWith('/monitor/unit/')) await historyPage(page, decodeURIComponent(path.slice('/monitor/unit/'.length)), params);
    else if (path === '/policy') await policyPage(page, params, go);
    else if (path.startsWith('/policy/')) await methodologyPage(page, decodeURIComponent(path.slice('/policy/'.length)), params, go);
    else page.append(h('h1', { tabindex: '-1' }, t('notFound')));
  } catch (e) {
    const box = problemBox();
    page.append(box);
    showProblem(box, e);
  }
  if (mine !== rendering) return; // a later route is being drawn
  fill(main, page);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
  }
  document.title = heading ? `${heading.textContent} — Rapor` : 'Rapor';
}

async function start() {
  const select = document.getElementById('lang');
  select.value = language();
  translateStatic();
  select.addEventListener('change', () => {
    setLanguage(select.value);
    forget();
    translateStatic();
    render();
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try {
      await logout();
    } finally {
      go('/login');
    }
  });
  onLoggedOut(() => {
    if (!who()) return;
    ended();
    go(`/login?expired=1&next=${encodeURIComponent(route().path)}`);
  });
  document.getElementById('skip').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', render);
  await restore();
  await render();
}

start().catch((e) => {
  const box = problemBox();
  fill(main, box);
  showProblem(box, e);
});
