// Job 2: a unit's or a region's every round (GET /units/{id}/history): the index as a line chart and
// the same figures as a table, each round with its methodology and version, and its change (a
// change of method said beside it).
import { h, field, fill } from '../core/dom.js';
import { t, language } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { families, methodology } from '../core/methodologies.js';
import { number, roleName, kindName } from '../core/format.js';
import { trend } from '../core/chart.js';
import { showProblem, problemBox } from '../core/problems.js';
import { signed } from './figures.js';

export async function historyPage(page, unitId, params) {
  const byFamily = await families();
  const family = h('select', { name: 'family', id: 'history-family' },
    [...byFamily.keys()].sort().map((f) => h('option', { value: f }, f.toUpperCase())));
  if (byFamily.has(params.get('family'))) family.value = params.get('family');
  const heading = h('h1', {}, t('history.title'));
  const form = h('form', { class: 'card chooser' }, h('div', { class: 'row' }, field(t('assess.family'), family)),
    h('button', { type: 'submit', id: 'show-history' }, t('assess.show')));
  const view = h('div', { id: 'history', 'aria-live': 'polite' });
  page.append(h('p', { class: 'crumbs' }, h('a', { href: '#/monitor' }, t('history.back'))), heading, form, view);

  async function show() {
    const box = problemBox();
    fill(view, box);
    let history;
    try {
      history = await api('GET', `/units/${encodeURIComponent(unitId)}/history${query({ family: family.value })}`);
    } catch (e) {
      showProblem(box, e);
      return;
    }
    fill(heading, t('history.of', history.unit.name, history.family.toUpperCase()));
    document.title = `${heading.textContent} — Rapor`;
    const rounds = history.rounds.filter((r) => r.index !== null && r.index !== undefined);
    if (!rounds.length) {
      view.append(h('p', { class: 'notice', id: 'history-none' }, t('history.none', kindName(history.unit.kind))));
      return;
    }
    // A family's methodologies share a scale; the latest round's says how many decimals it prints.
    const decimals = (await methodology(rounds[rounds.length - 1].methodology, language())).scale.decimals;
    const index = (x) => number(x, decimals);
    const chart = h('div', { class: 'chart', id: 'history-chart', role: 'img', 'aria-label': t('history.chart') });
    view.append(h('section', { class: 'card' }, chart, h('div', { class: 'scroll' }, h('table', { id: 'history-rounds' },
      h('caption', {}, t('history.caption')),
      h('thead', {}, h('tr', {}, [t('col.year'), t('col.methodology'), t('col.index'), t('col.band'),
        history.region ? t('col.scored') : t('col.official'), t('col.change')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rounds.map((r) => h('tr', {},
        h('th', { scope: 'row' }, String(r.year)),
        h('td', {}, r.versions.map((m) => `${m.id} ${m.version}`).join(', ')),
        h('td', { class: 'num' }, index(r.index)),
        h('td', {}, `${r.band.code} — ${r.band.label || ''}`),
        h('td', {}, history.region ? String(r.scored) : (r.role ? roleName(r.role) : '')),
        h('td', { class: 'num' }, r.change ? [`${signed(r.change.points, index)} (${signed(r.change.percent, (x) => number(x, 2))}%)`,
          r.change.methodologyChanged ? h('span', { class: 'badge' }, t('monitor.methodChangedShort')) : null] : ''))))))));
    const box2 = problemBox();
    view.append(box2);
    trend(chart, rounds, index).catch((e) => showProblem(box2, e));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    window.history.replaceState(null, '', `#/monitor/unit/${encodeURIComponent(unitId)}${query({ family: family.value })}`);
    show().catch((err) => { const box = problemBox(); view.append(box); showProblem(box, err); });
  });
  await show();
}
