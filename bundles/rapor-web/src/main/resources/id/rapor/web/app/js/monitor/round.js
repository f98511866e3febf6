// Job 2: the organisation bureau's view of a region's round (GET /monitoring): the region's index
// and band, the change since the previous round (a change of method said beside it, never passed
// off as a change in performance), the units as a sortable table with rank, self vs evaluator and
// change, the band distribution as a chart with its table, and the "not entered" and "at or
// below" lists. Every figure is the API's; the page only arranges and formats them.
import { h, field, fill } from '../core/dom.js';
import { t, language } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { visibleUnits } from '../core/units.js';
import { families, methodology } from '../core/methodologies.js';
import { number, roleName } from '../core/format.js';
import { bandCounts } from '../core/chart.js';
import { showProblem, problemBox } from '../core/problems.js';
import { signed, methodologyName, sortableTable } from './figures.js';

export async function monitorPage(page, params) {
  const [units, byFamily] = await Promise.all([visibleUnits(), families()]);
  page.append(h('h1', {}, t('monitor.title')));
  const regions = units.filter((u) => u.kind === 'region');
  if (!regions.length) {
    page.append(h('p', { class: 'notice' }, t('monitor.noRegions')));
    return;
  }
  const region = h('select', { name: 'region', id: 'monitor-region' },
    regions.map((u) => h('option', { value: u.id }, `${'\u2003'.repeat(u.depth)}${u.name}`)));
  const family = h('select', { name: 'family', id: 'monitor-family' },
    [...byFamily.keys()].sort().map((f) => h('option', { value: f }, f.toUpperCase())));
  const year = h('input', { type: 'number', name: 'year', id: 'monitor-year', min: '1900', max: '2200', step: '1', inputmode: 'numeric' });
  region.value = regions.some((u) => u.id === params.get('region')) ? params.get('region') : regions[0].id;
  if (byFamily.has(params.get('family'))) family.value = params.get('family');
  year.value = params.get('year') || String(new Date().getFullYear());
  const form = h('form', { class: 'card chooser' },
    h('h2', {}, t('monitor.choose')),
    h('div', { class: 'row' }, field(t('monitor.region'), region), field(t('assess.family'), family), field(t('assess.year'), year)),
    h('button', { type: 'submit', id: 'show-monitoring' }, t('assess.show')));
  const view = h('div', { id: 'monitoring', 'aria-live': 'polite' });
  page.append(form, view);

  async function show() {
    const round = { region: region.value, year: Number(year.value), family: family.value };
    const box = problemBox();
    fill(view, box);
    let v;
    try {
      v = await api('GET', `/monitoring${query(round)}`);
    } catch (e) {
      showProblem(box, e);
      return;
    }
    const decimals = (await methodology(v.methodology.id, language())).scale.decimals;
    view.append(...roundView(v, (x) => number(x, decimals), round));
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // The choice goes in the address: back, reload and a bookmark come to the same round.
    window.history.replaceState(null, '', `#/monitor${query({ region: region.value, year: year.value, family: family.value })}`);
    show().catch((err) => { const box = problemBox(); view.append(box); showProblem(box, err); });
  });
  await show();
}

/** The sections of a round's view. */
function roundView(v, index, round) {
  const sections = [summary(v, index)];
  if (v.empty) {
    sections.push(h('p', { class: 'notice', id: 'monitor-empty' }, v.note));
    return sections;
  }
  sections.push(unitsTable(v, index, round));
  if (v.regions.length) sections.push(regionsBelow(v, index, round));
  sections.push(bands(v), lists(v));
  return sections;
}

function summary(v, index) {
  const m = v.methodology;
  const facts = [
    h('p', { class: 'index', id: 'monitor-index' }, v.index === null ? '—' : index(v.index)),
    v.band ? h('p', { class: 'band', id: 'monitor-band' }, h('span', { class: 'band-code' }, v.band.code), ' ',
      [v.band.label, v.band.zone].filter(Boolean).join(', ')) : null,
    h('p', { class: 'hint' }, t('monitor.aggregation', t(`aggregation.${v.aggregation}`), v.summary.scored, v.summary.units), ' ',
      t('monitor.methodology', methodologyName(m))),
    h('p', {}, t('monitor.counts', v.summary.scored, v.summary.pending, v.summary.notEntered)),
  ];
  if (v.previous) {
    const p = v.previous;
    const change = p.change;
    facts.push(h('p', { id: 'monitor-previous' }, t('monitor.previous', p.year, index(p.index), p.band ? p.band.code : ''),
      change ? ` ${t('monitor.change', signed(change.points, index), signed(change.percent, (x) => number(x, 2)))}` : ''));
    if (change && change.methodologyChanged) {
      facts.push(h('p', { class: 'notice', id: 'monitor-method-changed' }, t('monitor.methodChanged',
        change.from.map(methodologyName).join(', '), change.to.map(methodologyName).join(', '))));
    }
  }
  return h('section', { class: 'card score', 'aria-labelledby': 'monitor-region-name' },
    h('h2', { id: 'monitor-region-name' }, t('monitor.round', v.region.name, v.family.toUpperCase(), v.year)), facts);
}

function unitsTable(v, index, round) {
  const previousYear = v.previous ? v.previous.year : null;
  const columns = [
    { key: 'rank', label: t('col.rank'), num: true, value: (u) => u.rank, show: (u) => (u.rank === null ? '—' : String(u.rank)) },
    {
      key: 'name', label: t('col.unit'), value: (u) => u.name,
      show: (u) => h('a', { href: `#/monitor/unit/${encodeURIComponent(u.id)}${query({ family: round.family })}` }, u.name),
    },
    { key: 'index', label: t('col.index'), num: true, value: (u) => (u.official ? u.official.index : null), show: (u) => (u.official ? index(u.official.index) : '—') },
    {
      key: 'band', label: t('col.band'), value: (u) => (u.official ? u.official.band.code : ''),
      show: (u) => (u.official ? `${u.official.band.code} — ${u.official.band.label || ''}` : t(`monitor.status.${u.status}`)),
    },
    { key: 'role', label: t('col.official'), value: (u) => (u.official ? u.official.role : ''), show: (u) => (u.official ? roleName(u.official.role) : '') },
    { key: 'self', label: t('role.self'), num: true, value: (u) => u.self, show: (u) => (u.self === null ? '' : index(u.self)) },
    { key: 'evaluator', label: t('role.evaluator'), num: true, value: (u) => u.evaluator, show: (u) => (u.evaluator === null ? '' : index(u.evaluator)) },
    { key: 'gap', label: t('col.gap'), num: true, value: (u) => u.gap, show: (u) => (u.gap === null ? '' : signed(u.gap, index)) },
    {
      key: 'previous', label: previousYear ? String(previousYear) : t('col.previous'), num: true,
      value: (u) => (u.previous && u.previous.official ? u.previous.official.index : null),
      show: (u) => (u.previous && u.previous.official ? index(u.previous.official.index) : ''),
    },
    {
      key: 'change', label: t('col.change'), num: true,
      value: (u) => (u.previous && u.previous.change ? u.previous.change.points : null),
      show: (u) => {
        const c = u.previous && u.previous.change;
        if (!c) return '';
        return [`${signed(c.points, index)} (${signed(c.percent, (x) => number(x, 2))}%)`,
          c.methodologyChanged ? h('span', { class: 'badge', title: t('monitor.methodChangedShort') }, t('monitor.methodChangedShort')) : null];
      },
    },
  ];
  return h('section', { class: 'card' }, h('h2', {}, t('monitor.units')),
    sortableTable('monitor-units', t('monitor.unitsCaption'), columns, v.units, 'rank'));
}

/** The regions right below (a province's kabupaten/kota), each with its own index: a link to its view. */
function regionsBelow(v, index, round) {
  return h('section', { class: 'card' }, h('h2', {}, t('monitor.regions')), h('div', { class: 'scroll' }, h('table', { id: 'monitor-regions' },
    h('caption', { class: 'visually-hidden' }, t('monitor.regions')),
    h('thead', {}, h('tr', {}, [t('monitor.region'), t('col.index'), t('col.band'), t('col.scored')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, v.regions.map((r) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `#/monitor${query({ ...round, region: r.id })}` }, r.name)),
      h('td', { class: 'num' }, r.index === null ? '—' : index(r.index)),
      h('td', {}, r.band ? `${r.band.code} — ${r.band.label || ''}` : ''),
      h('td', { class: 'num' }, `${r.scored} / ${r.units}`)))))));
}

function bands(v) {
  const chart = h('div', { class: 'chart', id: 'monitor-bands-chart', role: 'img', 'aria-label': t('monitor.bandsChart') });
  const table = h('table', { id: 'monitor-bands' },
    h('caption', {}, t('monitor.bandsCaption')),
    h('thead', {}, h('tr', {}, [t('col.band'), t('monitor.units')].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, v.bands.map((b) => h('tr', {},
      h('th', { scope: 'row' }, `${b.code} — ${[b.label, b.zone].filter(Boolean).join(', ')}`),
      h('td', { class: 'num' }, String(b.units))))));
  const section = h('section', { class: 'card' }, h('h2', {}, t('monitor.bands')), chart, h('div', { class: 'scroll' }, table));
  const box = problemBox();
  section.append(box);
  bandCounts(chart, v.bands).catch((e) => showProblem(box, e));
  return section;
}

function lists(v) {
  const name = new Map(v.units.map((u) => [u.id, u.name]));
  const list = (id, items) => (items.length
    ? h('ul', { id }, items.map((unit) => h('li', {}, name.get(unit) || unit)))
    : h('p', { id }, t('monitor.none')));
  return h('section', { class: 'card' },
    h('h2', {}, t('monitor.notEntered')), list('monitor-not-entered', v.notEntered),
    h('h2', {}, t('monitor.atOrBelow', v.atOrBelow.band)), list('monitor-at-or-below', v.atOrBelow.units),
    h('h2', {}, t('monitor.belowAverage')), list('monitor-below-average', v.belowAverage));
}
