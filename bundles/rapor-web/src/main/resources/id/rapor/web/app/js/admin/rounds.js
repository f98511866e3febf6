// Job 4 (admin), rounds: open a region's yearly round of a family with the period in which offices
// enter their self-assessments, change the period, close it early or reopen it
// (GET/POST /api/v1/rounds, PUT /api/v1/rounds/{id}). The API checks every field and names the one at fault.
import './words.js';
import { h, field, fill, uid } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { visibleUnits } from '../core/units.js';
import { families } from '../core/methodologies.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

/** A round's state today, in words: open, closed, not yet open. */
export function roundState(round) {
  return t(`rounds.state.${round.state}`);
}

/** A round's name: its region, family and year ("Kabupaten Contoh — PEKPPP 2024"). */
export function roundName(round) {
  return `${round.regionName} — ${round.family.toUpperCase()} ${round.year}`;
}

export async function roundsPage(page) {
  const [listed, units, byFamily] = await Promise.all([api('GET', '/rounds'), visibleUnits(), families()]);
  const regions = units.filter((u) => u.kind === 'region');
  const status = h('p', { class: 'status', role: 'status', id: 'rounds-status' });
  const listBox = problemBox();
  const table = h('div', { id: 'rounds-table', class: 'scroll' });
  const form = h('form', { class: 'card', id: 'round-form', novalidate: true });
  page.append(h('h1', {}, t('rounds.title')), h('p', {}, t('rounds.intro')), status,
    h('section', { class: 'card', 'aria-labelledby': 'rounds-caption' }, listBox, table), form);
  drawTable(listed);
  drawForm(null);

  async function reload() {
    drawTable(await api('GET', '/rounds'));
  }

  function drawTable(rounds) {
    if (!rounds.length) {
      fill(table, h('p', { id: 'rounds-caption' }, t('rounds.none')));
      return;
    }
    const rows = rounds.map((r) => {
      const name = roundName(r);
      const edit = h('button', { type: 'button', class: 'secondary', 'data-edit': String(r.id), 'aria-label': t('rounds.editLabel', name),
        onclick: () => drawForm(r) }, t('rounds.edit'));
      const toggle = h('button', { type: 'button', class: 'secondary', 'data-toggle': String(r.id),
        'aria-label': t(r.closed ? 'rounds.reopenLabel' : 'rounds.closeLabel', name), onclick: async () => {
          clearProblem(listBox);
          toggle.disabled = true;
          try {
            const changed = await api('PUT', `/rounds/${r.id}`, { json: { closed: !r.closed } });
            status.textContent = t(changed.closed ? 'rounds.closedNow' : 'rounds.reopened', roundName(changed));
            await reload();
          } catch (err) {
            showProblem(listBox, err);
            toggle.disabled = false;
          }
        } }, t(r.closed ? 'rounds.reopen' : 'rounds.close'));
      return h('tr', { 'data-round': String(r.id) },
        h('th', { scope: 'row' }, r.regionName, h('br'), h('small', {}, r.region)),
        h('td', {}, r.family.toUpperCase()),
        h('td', { class: 'num' }, String(r.year)),
        h('td', {}, t('rounds.period', r.opensOn, r.closesOn)),
        h('td', { class: `state state-${r.state}` }, roundState(r)),
        h('td', {}, edit, ' ', toggle));
    });
    fill(table, h('table', {},
      h('caption', { id: 'rounds-caption' }, t('rounds.caption')),
      h('thead', {}, h('tr', {}, ['rounds.col.region', 'rounds.col.family', 'rounds.col.year', 'rounds.col.period', 'rounds.col.state',
        'rounds.col.actions'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows)));
  }

  /** The form to open a round (round null), or to change a round's period. */
  function drawForm(round) {
    const editing = !!round;
    const box = problemBox();
    const today = new Date().toISOString().slice(0, 10);
    const region = h('select', { name: 'region', id: 'round-region', disabled: editing },
      regions.map((u) => h('option', { value: u.id, selected: editing && u.id === round.region }, `${'\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.id})`)));
    const family = h('select', { name: 'family', id: 'round-family', disabled: editing },
      [...byFamily.keys()].sort().map((f) => h('option', { value: f, selected: editing && f === round.family }, f.toUpperCase())));
    const year = h('input', { type: 'number', name: 'year', id: 'round-year', min: '2000', max: '2100', step: '1', inputmode: 'numeric',
      value: editing ? String(round.year) : String(new Date().getFullYear()), disabled: editing });
    const opensOn = h('input', { type: 'date', name: 'opensOn', id: 'round-opens', required: true, value: editing ? round.opensOn : today });
    const closesOn = h('input', { type: 'date', name: 'closesOn', id: 'round-closes', required: true, value: editing ? round.closesOn : '' });
    const save = h('button', { type: 'submit', id: 'save-round' }, t(editing ? 'rounds.saveChange' : 'rounds.create'));
    const cancel = editing ? h('button', { type: 'button', class: 'secondary', id: 'cancel-round', onclick: () => drawForm(null) }, t('rounds.cancel')) : null;
    const titleId = uid('round-form-title');
    fill(form,
      h('h2', { id: titleId }, editing ? t('rounds.editTitle', roundName(round)) : t('rounds.addTitle')),
      regions.length ? null : h('p', { class: 'notice' }, t('rounds.noRegions')),
      h('div', { class: 'row' }, field(t('rounds.region'), region), field(t('rounds.family'), family), field(t('rounds.year'), year)),
      h('div', { class: 'row' }, field(t('rounds.opensOn'), opensOn, t('rounds.opensOnHint')), field(t('rounds.closesOn'), closesOn, t('rounds.closesOnHint'))),
      box, h('div', { class: 'row end' }, save, cancel));
    form.setAttribute('aria-labelledby', titleId);
    form.onsubmit = async (e) => {
      e.preventDefault();
      clearProblem(box);
      status.textContent = '';
      save.disabled = true;
      try {
        const period = { opensOn: opensOn.value, closesOn: closesOn.value };
        const saved = editing ? await api('PUT', `/rounds/${round.id}`, { json: period })
          : await api('POST', '/rounds', { json: { region: region.value, family: family.value, year: Number(year.value), ...period } });
        status.textContent = t(editing ? 'rounds.saved' : 'rounds.created', roundName(saved));
        await reload();
        drawForm(null);
      } catch (err) {
        showProblem(box, err);
      } finally {
        save.disabled = false;
      }
    };
    if (editing) opensOn.focus();
  }
}
