// Job 4 (admin), users: who may log in and with which roles, each role everywhere or limited to a
// unit of the tree (GET/PUT/DELETE /api/v1/users). Same rules as bin/rapor-user: the API checks
// them and names the grant at fault (roles[i]), shown beside the form.
import './words.js';
import { h, field, fill, uid } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { visibleUnits } from '../core/units.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

/** A role's name on this page: the assessment roles' words are taken for the assessment's side. */
function roleName(role) {
  return t(role === 'evaluator' || role === 'verifier' ? `role.${role}.user` : `role.${role}`);
}

export async function usersPage(page) {
  const [listed, units] = await Promise.all([api('GET', '/users'), visibleUnits()]);
  const roles = listed.roles;
  const status = h('p', { class: 'status', role: 'status', id: 'users-status' });
  const listBox = problemBox();
  const table = h('div', { id: 'users-table', class: 'scroll' });
  const form = h('form', { class: 'card', id: 'user-form', novalidate: true });
  page.append(h('h1', {}, t('users.title')), h('p', {}, t('users.intro')), status,
    h('section', { class: 'card', 'aria-labelledby': 'users-caption' }, listBox, table), form);
  drawTable(listed.users);
  drawForm(null);

  async function reload() {
    drawTable((await api('GET', '/users')).users);
  }

  function drawTable(users) {
    if (!users.length) {
      fill(table, h('p', { id: 'users-caption' }, t('users.none')));
      return;
    }
    const rows = users.map((u) => {
      const actions = h('td', {});
      const edit = h('button', { type: 'button', class: 'secondary', 'data-edit': u.name, 'aria-label': t('users.editLabel', u.name),
        onclick: () => drawForm(u) }, t('users.edit'));
      const remove = h('button', { type: 'button', class: 'secondary', 'data-delete': u.name, 'aria-label': t('users.deleteLabel', u.name),
        onclick: () => confirmRemoval(u, actions, [edit, remove]) }, t('users.delete'));
      fill(actions, edit, ' ', remove);
      return h('tr', { 'data-user': u.name },
        h('th', { scope: 'row' }, u.name),
        h('td', { class: 'grants' }, u.roles.join(', ')),
        actions);
    });
    fill(table, h('table', {},
      h('caption', { id: 'users-caption' }, t('users.caption')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('users.col.name')), h('th', { scope: 'col' }, t('users.col.grants')),
        h('th', { scope: 'col' }, t('users.col.actions')))),
      h('tbody', {}, rows)));
  }

  /** Asks in place (no dialog of the browser's): the question, yes and cancel; focus on cancel, the safe choice. */
  function confirmRemoval(user, cell, buttons) {
    const cancel = h('button', { type: 'button', class: 'secondary', onclick: () => { fill(cell, buttons[0], ' ', buttons[1]); buttons[1].focus(); } },
      t('users.cancel'));
    const yes = h('button', { type: 'button', id: 'confirm-delete', onclick: async () => {
      clearProblem(listBox);
      yes.disabled = true;
      try {
        await api('DELETE', `/users/${encodeURIComponent(user.name)}`);
        status.textContent = t('users.deleted', user.name);
        await reload();
      } catch (err) {
        showProblem(listBox, err);
        yes.disabled = false;
      }
    } }, t('users.confirmYes', user.name));
    fill(cell, h('p', { role: 'alert' }, t('users.confirm', user.name)), yes, ' ', cancel);
    cancel.focus();
  }

  /** The form to add a user (user null) or change one: name, password, and a row per grant. */
  function drawForm(user) {
    const editing = !!user;
    const box = problemBox();
    const name = h('input', { type: 'text', name: 'name', id: 'user-name', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false',
      required: !editing, maxlength: '64', value: editing ? user.name : '' });
    if (editing) name.readOnly = true;
    const password = h('input', { type: 'password', name: 'password', id: 'user-password', autocomplete: 'new-password', minlength: '8' });
    const grants = h('ol', { class: 'grants', id: 'user-grants' });
    const addGrant = h('button', { type: 'button', class: 'secondary', id: 'add-grant', onclick: () => {
      const row = grantRow(null, null, grants.children.length + 1);
      grants.append(row);
      row.querySelector('select').focus();
    } }, t('users.addGrant'));
    (editing ? user.roles : [null]).forEach((g, i) => grants.append(grantRow(g ? g.split('@')[0] : null, g && g.includes('@') ? g.split('@')[1] : null, i + 1)));
    const save = h('button', { type: 'submit', id: 'save-user' }, t('users.save'));
    const cancel = editing ? h('button', { type: 'button', class: 'secondary', id: 'cancel-edit', onclick: () => drawForm(null) }, t('users.cancel')) : null;
    const titleId = uid('user-form-title');
    fill(form,
      h('h2', { id: titleId }, editing ? t('users.editTitle', user.name) : t('users.addTitle')),
      field(t('users.name'), name, t('users.nameHint')),
      field(editing ? t('users.passwordReset') : t('users.password'), password, editing ? t('users.passwordResetHint') : t('users.passwordHint')),
      h('fieldset', {}, h('legend', {}, t('users.grants')), h('p', { class: 'hint' }, t('users.grantsHint')), grants, addGrant),
      box, h('div', { class: 'row end' }, save, cancel));
    form.setAttribute('aria-labelledby', titleId);
    form.onsubmit = async (e) => {
      e.preventDefault();
      clearProblem(box);
      status.textContent = '';
      const body = { roles: [...grants.children].map((row) => row.grant()) };
      if (password.value) body.password = password.value;
      save.disabled = true;
      try {
        const saved = await api('PUT', `/users/${encodeURIComponent(name.value.trim())}`, { json: body });
        password.value = '';
        status.textContent = t(editing ? 'users.saved' : 'users.created', saved.name);
        await reload();
        drawForm(null);
      } catch (err) {
        showProblem(box, err);
      } finally {
        save.disabled = false;
      }
    };
    if (editing) password.focus();
  }

  /** The k-th grant: a role (evaluator for a new one), and the unit it is limited to (or every unit; unit-admin always names one). */
  function grantRow(role, unit, k) {
    const n = uid('grant');
    const chosen = role || 'evaluator';
    const roleSelect = h('select', { name: 'role', id: `${n}-role` }, roles.map((r) => h('option', { value: r, selected: r === chosen }, roleName(r))));
    const unitSelect = h('select', { name: 'unit', id: `${n}-unit` },
      h('option', { value: '' }, t('users.everywhere')),
      units.map((u) => h('option', { value: u.id, selected: u.id === unit }, `${'\u00a0\u00a0'.repeat(u.depth)}${u.name} (${u.id})`)));
    if (unit && ![...unitSelect.options].some((o) => o.value === unit)) unitSelect.append(h('option', { value: unit, selected: true }, unit));
    const onlyScoped = () => {
      const scopedOnly = roleSelect.value === 'unit-admin';
      unitSelect.options[0].disabled = scopedOnly;
      if (scopedOnly && !unitSelect.value && unitSelect.options.length > 1) unitSelect.selectedIndex = 1;
    };
    roleSelect.addEventListener('change', onlyScoped);
    onlyScoped();
    const row = h('li', { class: 'row' });
    const label = () => roleName(roleSelect.value);
    const remove = h('button', { type: 'button', class: 'link', onclick: () => {
      const next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      if (next) next.querySelector('select').focus();
    } }, '×');
    const relabel = () => remove.setAttribute('aria-label', t('users.removeGrant', label()));
    roleSelect.addEventListener('change', relabel);
    relabel();
    fill(row, field(t('users.role', k), roleSelect), field(t('users.unit', k), unitSelect), remove);
    row.grant = () => (unitSelect.value ? `${roleSelect.value}@${unitSelect.value}` : roleSelect.value);
    return row;
  }
}
