// Logging in: the user's name and password, sent once to POST /api/v1/session; the browser keeps
// only the session cookie (HttpOnly) and this page's memory the CSRF token.
import { h, field } from './dom.js';
import { t } from './i18n.js';
import { login } from './session.js';
import { showProblem, clearProblem, problemBox } from './problems.js';

export async function loginPage(page, params, go) {
  const user = h('input', { type: 'text', name: 'user', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const box = problemBox();
  const button = h('button', { type: 'submit', id: 'login' }, t('login.submit'));
  const form = h('form', { class: 'card narrow', novalidate: true },
    field(t('login.user'), user),
    field(t('login.password'), password),
    box,
    button);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box);
    button.disabled = true;
    try {
      await login(user.value.trim(), password.value);
      password.value = '';
      const next = params.get('next');
      go(next && next.startsWith('/') && next !== '/login' ? next : '/assess');
    } catch (err) {
      showProblem(box, err);
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  page.append(
    h('h1', {}, t('login.title')),
    params.get('expired') ? h('p', { class: 'notice', role: 'status' }, t('login.expired')) : null,
    h('p', {}, t('login.intro')),
    form);
  setTimeout(() => user.focus(), 0);
}
