// Job 4 (admin), units: the tree of regions, offices and service units, and a unit list imported
// from CSV (POST /api/v1/units/import: all rows or none, errors naming row and column).
import { h, field, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { visibleUnits } from '../core/units.js';
import { kindName } from '../core/format.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

export async function unitsPage(page) {
  const tree = h('div', { id: 'unit-tree' });
  const box = problemBox();
  const status = h('p', { class: 'status', role: 'status', id: 'import-status' });
  const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'units-file', name: 'units' });
  const button = h('button', { type: 'submit', id: 'import' }, t('units.import'));
  const form = h('form', { class: 'card' },
    h('h2', {}, t('units.importTitle')),
    h('p', {}, t('units.importIntro')),
    h('pre', { class: 'example' }, 'id,name,kind,parent\nkab-contoh,Kabupaten Contoh,region,\ndinas-a,Dinas A,office,kab-contoh'),
    field(t('units.file'), file),
    box, button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(box);
    status.textContent = '';
    if (!file.files.length) {
      file.focus();
      return;
    }
    button.disabled = true;
    try {
      const result = await api('POST', '/units/import', { body: await file.files[0].text(), type: 'text/csv; charset=utf-8' });
      status.textContent = t('units.imported', result.imported);
      await drawTree();
    } catch (err) {
      showProblem(box, err);
    } finally {
      button.disabled = false;
    }
  });
  page.append(h('h1', {}, t('units.title')), h('section', { class: 'card', 'aria-labelledby': 'tree-title' },
    h('h2', { id: 'tree-title' }, t('units.tree')), tree), form);
  await drawTree();

  async function drawTree() {
    const units = await visibleUnits();
    if (!units.length) {
      fill(tree, h('p', {}, t('units.none')));
      return;
    }
    // Nested lists, as the depths say: a screen reader announces each level.
    const root = h('ul', { class: 'tree' });
    const stack = [root];
    let last = null;
    for (const u of units) {
      while (stack.length > u.depth + 1) stack.pop();
      if (stack.length < u.depth + 1 && last) {
        const nested = h('ul', {});
        last.append(nested);
        stack.push(nested);
      }
      last = h('li', { 'data-unit': u.id },
        h('span', { class: 'unit-name' }, u.name), ' ',
        h('span', { class: 'hint' }, `${u.id} · ${kindName(u.kind)}${u.active ? '' : ` · ${t('units.inactive')}`}`));
      stack[stack.length - 1].append(last);
    }
    fill(tree, root);
  }
}
