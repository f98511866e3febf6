// Job 1, first step: choose a unit and a round (a methodology family and a year), see the unit's
// assessments of that round, open one, or begin a new one. The rounds open for the user's units come
// first; a round that takes no self-assessments now says so, and offers no self-assessment to begin.
import { h, field, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { enteringRoles } from '../core/session.js';
import { visibleUnits } from '../core/units.js';
import { families, forRound } from '../core/methodologies.js';
import { number, dateTime, roleName, stateName } from '../core/format.js';
import { showProblem, problemBox } from '../core/problems.js';
import { roundName, roundState } from '../admin/rounds.js';

/** The rounds the API gives for a query, or none while it cannot say (the page works without them). */
async function rounds(params) {
  try {
    return await api('GET', `/rounds${query(params)}`);
  } catch (e) {
    if (e.status === 401) throw e;
    return [];
  }
}

export async function roundPage(page, params, go) {
  const [units, byFamily, open] = await Promise.all([visibleUnits(), families(), rounds({ open: true })]);
  page.append(h('h1', {}, t('assess.title')));
  if (!units.length) {
    page.append(h('p', { class: 'notice' }, t('assess.noUnits')));
    return;
  }
  const unit = h('select', { name: 'unit', id: 'unit' },
    units.map((u) => h('option', { value: u.id }, `${'\u2003'.repeat(u.depth)}${u.name}`)));
  const family = h('select', { name: 'family', id: 'family' },
    [...byFamily.keys()].sort().map((f) => h('option', { value: f }, f.toUpperCase())));
  const year = h('input', { type: 'number', name: 'year', id: 'year', min: '1900', max: '2200', step: '1', inputmode: 'numeric' });
  unit.value = params.get('unit') && units.some((u) => u.id === params.get('unit')) ? params.get('unit') : units[0].id;
  const first = open.find((r) => byFamily.has(r.family));
  if (params.get('family') && byFamily.has(params.get('family'))) family.value = params.get('family');
  else if (first) family.value = first.family;
  year.value = params.get('year') || (first && !params.get('family') ? String(first.year) : String(new Date().getFullYear()));
  const methodologyNote = h('p', { class: 'hint', id: 'methodology-note' });
  const form = h('form', { class: 'card chooser' },
    h('h2', {}, t('assess.choose')),
    h('div', { class: 'row' },
      field(t('assess.unit'), unit),
      field(t('assess.family'), family),
      field(t('assess.year'), year)),
    methodologyNote,
    h('button', { type: 'submit', id: 'show-round' }, t('assess.show')));
  const list = h('section', { class: 'card', 'aria-live': 'polite' });
  page.append(openRounds(), form, list);

  /** The rounds open for the user's units, each one chosen with a click. */
  function openRounds() {
    // A region of its own, not a section: the round's list below stays the page's first section.
    const section = h('div', { class: 'card', id: 'open-rounds', role: 'region', 'aria-labelledby': 'open-rounds-title' },
      h('h2', { id: 'open-rounds-title' }, t('assess.rounds')));
    if (!open.length) {
      section.append(h('p', {}, t('assess.roundsNone')));
      return section;
    }
    section.append(h('ul', {}, open.map((r) => h('li', { 'data-round': String(r.id) },
      t('assess.roundOpen', roundName(r), r.opensOn, r.closesOn), ' ',
      byFamily.has(r.family) ? h('button', { type: 'button', class: 'secondary', 'aria-label': t('assess.chooseRoundLabel', roundName(r)),
        onclick: () => {
          family.value = r.family;
          year.value = String(r.year);
          form.requestSubmit();
        } }, t('assess.chooseRound')) : null))));
    return section;
  }

  const chosen = () => ({ unit: unit.value, family: family.value, year: Number(year.value) });

  async function showRound() {
    const round = chosen();
    const box = problemBox();
    const methodology = await forRound(round.family, round.year);
    fill(methodologyNote, methodology ? t('assess.methodology', methodology.title, methodology.regulation)
      : t('assess.noMethodology', round.family.toUpperCase(), round.year));
    const unitName = units.find((u) => u.id === round.unit).name;
    fill(list, h('h2', {}, t('assess.list', unitName, round.family.toUpperCase(), round.year)), box);
    // The round that governs the unit's self-assessments, if a region above it opened one.
    const governing = (await rounds({ unit: round.unit, family: round.family, year: round.year }))[0];
    const selfClosed = governing && governing.state !== 'open';
    if (governing) {
      list.append(h('p', { id: 'round-state', class: `round-state state-${governing.state}` },
        t('assess.roundOf', governing.regionName, governing.opensOn, governing.closesOn, roundState(governing))));
      if (selfClosed) list.append(h('p', { id: 'self-closed', class: 'notice' }, t('assess.roundClosedSelf')));
    }
    let assessments = [];
    try {
      assessments = await api('GET', `/units/${encodeURIComponent(round.unit)}/assessments${query({ year: round.year, family: round.family })}`);
    } catch (e) {
      showProblem(box, e);
      return;
    }
    if (!assessments.length) list.append(h('p', { id: 'no-assessments' }, t('assess.none')));
    else list.append(table(assessments));
    const roles = enteringRoles().filter((r) => !(selfClosed && r === 'self'));
    if (methodology && roles.length) {
      const role = h('select', { name: 'role', id: 'new-role' }, roles.map((r) => h('option', { value: r }, roleName(r))));
      const begin = h('button', { type: 'button', id: 'new-assessment' }, t('assess.new'));
      begin.addEventListener('click', () => go(`/assess/new${query({ ...round, role: role.value })}`));
      list.append(h('div', { class: 'row end' }, field(t('assess.role'), role), begin));
    }
  }

  function table(assessments) {
    return h('div', { class: 'scroll' }, h('table', { id: 'assessments' },
      h('caption', { class: 'visually-hidden' }, t('assess.tableCaption')),
      h('thead', {}, h('tr', {}, [t('col.id'), t('col.role'), t('col.state'), t('col.index'), t('col.band'), t('col.updated'), t('col.official'), '']
        .map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, assessments.map((a) => h('tr', {},
        h('td', {}, String(a.id)),
        h('td', {}, roleName(a.role)),
        h('td', {}, stateName(a.state)),
        h('td', { class: 'num' }, number(a.index)),
        h('td', {}, `${a.band.code} — ${a.band.label || ''}`),
        h('td', {}, `${dateTime(a.updatedAt)} (${a.updatedBy})`),
        h('td', {}, a.official ? t('yes') : ''),
        h('td', {}, h('a', { href: `#/assessment/${a.id}`, class: 'button-link' }, a.state === 'draft' ? t('assess.continue') : t('assess.open'))))))));
  }

  // The choice goes in the address: back, reload and a bookmark come to the same round (the one first shown too,
  // which may be an open round of the user's units, as it was chosen for them).
  const remember = () => window.history.replaceState(null, '', `#/assess${query(chosen())}`);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    remember();
    showRound().catch((err) => { const box = problemBox(); list.append(box); showProblem(box, err); });
  });
  remember();
  await showRound();
}
