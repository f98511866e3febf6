// Job 3, a methodology's tables as tables: shown and edited cell by cell, the checks that failed
// placed at their table, row and column (from GET …/tables: the revision's errors; from a 422:
// the problem's field errors), proposed as a revision (POST …/revisions with the tables as rows),
// and the Excel round trip (GET …/tables?format=xlsx, POST …/revisions with the workbook).
import './words.js';
import { h, fill, field, uid } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function tablesEditor(section, id, number, revisions, go, sameAs) {
  const base = `/methodologies/${encodeURIComponent(id)}`;
  const data = await api('GET', `${base}/tables${query({ revision: number })}`);
  const revision = number === null ? null : revisions.find((r) => r.revision === number);
  const model = {};
  for (const table of data.tables) model[table.name] = { columns: table.columns, rows: table.rows.map((r) => r.cells.slice()) };
  const changed = new Set();
  const box = problemBox();
  const errorList = h('ul', { id: 'table-errors', class: 'errors' });
  const errorsPart = h('div', { class: 'problem', hidden: true, id: 'table-errors-box' }, h('strong', {}, t('tables.errors')), errorList);
  const choice = h('select', { id: 'table-choice' }, data.tables.map((tb) => h('option', { value: tb.name }, tb.name)));
  const grids = h('div', {});

  function drawTable(name) {
    const table = model[name];
    const body = h('tbody', {}, table.rows.map((cells, k) => row(name, table.columns, cells, k)));
    const add = h('button', { type: 'button', class: 'secondary', id: `add-${name}` }, t('tables.addRow'));
    add.addEventListener('click', () => {
      table.rows.push(table.columns.map(() => ''));
      changed.add(name);
      redraw(name);
      grids.querySelector(`input[data-table="${CSS.escape(name)}"][data-row="${table.rows.length - 1}"]`).focus();
    });
    return h('div', { class: 'grid', 'data-grid': name, hidden: choice.value !== name },
      h('div', { class: 'scroll' }, h('table', { id: `table-${name}`, class: 'edit' },
        h('caption', {}, `${name}.csv`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), table.columns.map((c) => h('th', { scope: 'col' }, c)), h('th', {}, ''))),
        body)),
      add);
  }

  function row(name, columns, cells, k) {
    const remove = h('button', { type: 'button', class: 'link', 'aria-label': t('tables.removeRow', k + 1) }, '×');
    remove.addEventListener('click', () => {
      model[name].rows.splice(k, 1);
      changed.add(name);
      redraw(name);
    });
    return h('tr', { 'data-row': k },
      h('th', { scope: 'row', class: 'num' }, String(k + 1)),
      columns.map((c, j) => {
        const input = h('input', { type: 'text', value: cells[j] ?? '', 'data-table': name, 'data-row': k, 'data-column': c,
          'aria-label': `${c} — ${t('tables.cell', name, k + 1)}`, size: Math.min(40, Math.max(4, (cells[j] || '').length + 1)) });
        input.addEventListener('input', () => {
          model[name].rows[k][j] = input.value;
          changed.add(name);
        });
        return h('td', {}, input);
      }),
      h('td', {}, remove));
  }

  function redraw(name) {
    const old = grids.querySelector(`[data-grid="${CSS.escape(name)}"]`);
    old.replaceWith(drawTable(name));
  }

  function showTable(name) {
    choice.value = name;
    grids.querySelectorAll('[data-grid]').forEach((g) => { g.hidden = g.dataset.grid !== name; });
  }

  /** Marks a cell (or a whole row) as failing a check, the message tied to it. */
  function mark(table, rowIndex, column, message) {
    const li = h('li', { id: uid('err') });
    const where = table ? t('tables.errorAt', table, rowIndex === null ? '—' : rowIndex + 1, column ? t('tables.errorColumn', column) : '', message) : message;
    if (table && model[table] && rowIndex !== null && rowIndex >= 0) {
      const link = h('a', { href: '#', 'data-error-table': table, 'data-error-row': rowIndex, 'data-error-column': column || '' }, where);
      link.addEventListener('click', (e) => {
        e.preventDefault();
        showTable(table);
        const target = cellOf(table, rowIndex, column);
        if (target) target.focus();
      });
      li.append(link);
      const input = cellOf(table, rowIndex, column);
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', li.id);
        input.title = message;
        input.closest('td').classList.add('bad');
        if (!column) input.closest('tr').classList.add('bad-row');
      }
    } else {
      li.append(where);
    }
    errorList.append(li);
    errorsPart.hidden = false;
  }

  function cellOf(table, rowIndex, column) {
    const inputs = [...grids.querySelectorAll(`input[data-table="${CSS.escape(table)}"][data-row="${rowIndex}"]`)];
    return (column && inputs.find((i) => i.dataset.column === column)) || inputs[0] || null;
  }

  function clearMarks() {
    errorList.replaceChildren();
    errorsPart.hidden = true;
    grids.querySelectorAll('[aria-invalid]').forEach((i) => { i.removeAttribute('aria-invalid'); i.removeAttribute('aria-describedby'); i.title = ''; });
    grids.querySelectorAll('.bad, .bad-row').forEach((el) => el.classList.remove('bad', 'bad-row'));
  }

  for (const table of data.tables) grids.append(drawTable(table.name));
  choice.addEventListener('change', () => showTable(choice.value));
  for (const e of data.errors) {
    if (e.table && e.row !== null) mark(e.table, e.row, e.cell, e.message);
    else mark(null, null, null, t('tables.errorFile', e.line > 0 ? `${e.file}:${e.line}` : e.file, e.message));
  }
  const firstBad = data.errors.find((e) => e.table && e.row !== null);
  if (firstBad) showTable(firstBad.table);

  // What became of this revision: its state, and the golden cases its tables only moved.
  const state = h('div', { id: 'revision-state' });
  if (sameAs) state.append(h('p', { class: 'notice' }, t('tables.sameAs', sameAs, t(`rev.state.${data.state}`))));
  else if (revision && (revision.state === 'DRAFT' || revision.state === 'REJECTED')) {
    state.append(h('p', { class: revision.state === 'DRAFT' ? 'status' : 'notice' }, t(`tables.proposed.${revision.state}`, revision.revision)));
  }
  if (revision && revision.goldenChanges && revision.goldenChanges.length) {
    const accept = h('button', { type: 'button', id: 'accept-golden' }, t('tables.acceptGolden'));
    accept.addEventListener('click', async () => {
      clearProblem(box);
      accept.disabled = true;
      try {
        const r = await api('POST', `${base}/revisions/${revision.revision}/accept-golden`);
        go(`/policy/${id}?revision=${r.revision}${r.sameAs ? `&sameAs=${r.sameAs}` : ''}`);
      } catch (err) {
        showProblem(box, err);
        accept.disabled = false;
      }
    });
    state.append(h('h3', {}, t('tables.golden')), h('div', { class: 'scroll' }, h('table', { id: 'golden-changes' },
      h('thead', {}, h('tr', {}, ['col.case', 'col.expected', 'col.given'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, revision.goldenChanges.map((g) => h('tr', {}, h('td', {}, g.case),
        h('td', {}, `${g.expected.index} ${g.expected.band}`), h('td', {}, `${g.given.index} ${g.given.band}`)))))), accept);
  }

  // Proposing: every table as it stands (the API keeps those that differ from what serves).
  const comment = h('input', { type: 'text', id: 'comment', required: true });
  const propose = h('button', { type: 'submit', id: 'propose' }, t('tables.propose'));
  const form = h('form', { class: 'propose' }, field(t('tables.comment'), comment), box, h('div', { class: 'actions' }, propose));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box);
    clearMarks();
    propose.disabled = true;
    try {
      const r = await api('POST', `${base}/revisions`, { json: { comment: comment.value, tables: model } });
      go(`/policy/${id}?revision=${r.revision}${r.sameAs ? `&sameAs=${r.sameAs}` : ''}`);
    } catch (err) {
      showProblem(box, err);
      for (const f of (err.problem && err.problem.errors) || []) {
        const at = /^tables\.([^.]+)\.rows\[(\d+)\](?:\.(.+))?$/.exec(f.field);
        if (at) mark(at[1], Number(at[2]), at[3] || null, f.message);
      }
      propose.disabled = false;
    }
  });

  // The Excel round trip: the same tables as a workbook of a sheet per table, and back.
  const file = h('input', { type: 'file', id: 'tables-file', accept: `.xlsx,${XLSX}` });
  const upload = h('button', { type: 'submit', class: 'secondary', id: 'upload' }, t('tables.uploadButton'));
  const uploadBox = problemBox();
  const excel = h('form', { class: 'excel' },
    h('h3', {}, t('tables.excel')),
    h('p', {}, h('a', { href: `/api/v1${base}/tables${query({ format: 'xlsx', revision: number })}`, download: '', id: 'download-xlsx' }, t('tables.download'))),
    field(t('tables.upload'), file, t('tables.uploadHint')), uploadBox, upload);
  excel.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(uploadBox);
    if (!file.files.length) {
      file.focus();
      return;
    }
    upload.disabled = true;
    try {
      const r = await api('POST', `${base}/revisions${query({ comment: comment.value })}`, { body: file.files[0], type: XLSX });
      go(`/policy/${id}?revision=${r.revision}${r.sameAs ? `&sameAs=${r.sameAs}` : ''}`);
    } catch (err) {
      showProblem(uploadBox, err);
      upload.disabled = false;
    }
  });

  const title = number === null ? t('tables.ofServing', data.version) : t('tables.ofRevision', data.revision, t(`rev.state.${data.state}`), data.version);
  fill(section, h('h2', { id: 'tables-title' }, t('tables.title', title)), state, errorsPart,
    field(t('tables.choose'), choice), grids, form, excel);
}
