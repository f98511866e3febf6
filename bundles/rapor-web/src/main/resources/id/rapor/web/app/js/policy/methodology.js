// Job 3, one methodology: its revisions (activate, approve, roll back, diff, impact), its tables
// as an editable table (#/policy/{id}?revision=n shows revision n's, the checks that failed at
// their cells), the Excel round trip and the audit trail. Everything through the public API.
import './words.js';
import { h, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { who, hasRole } from '../core/session.js';
import { dateTime } from '../core/format.js';
import { forget } from '../core/methodologies.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';
import { tablesEditor } from './tables.js';
import { diffView, impactView, auditView } from './review.js';

const path = (id) => `/methodologies/${encodeURIComponent(id)}`;

export async function methodologyPage(page, id, params, go) {
  const m = (await api('GET', '/methodologies')).find((each) => each.id === id);
  page.append(h('p', { class: 'crumbs' }, h('a', { href: '#/policy' }, `← ${t('policy.title')}`)),
    h('h1', {}, m ? `${m.id} — ${m.title}` : id));
  if (!hasRole('policy')) {
    page.append(h('p', { class: 'notice' }, t('policy.readOnly')));
    return;
  }
  const box = problemBox();
  const status = h('p', { class: 'status', role: 'status', id: 'policy-status' });
  const review = h('div', { id: 'review' });
  const revisions = await api('GET', `${path(id)}/revisions`);
  const active = revisions.find((r) => r.state === 'ACTIVE');
  page.append(h('p', { class: 'lead', id: 'serving' }, t('policy.serving', active ? active.version : (m && m.version) || '')), box, status);

  // Each change answers with the revision; the page is drawn again from the API.
  async function act(button, call, done) {
    clearProblem(box);
    button.disabled = true;
    try {
      const r = await call();
      forget();
      status.textContent = done(r);
      return r;
    } catch (err) {
      showProblem(box, err);
      return null;
    } finally {
      button.disabled = false;
    }
  }

  const rows = revisions.slice().reverse().map((r) => {
    const actions = [
      h('a', { href: `#/policy/${encodeURIComponent(id)}?revision=${r.revision}`, id: `tables-${r.revision}` }, t('rev.tables')),
      h('button', { type: 'button', class: 'secondary', id: `diff-${r.revision}`,
        onclick: () => diffView(review, id, active ? active.revision : 0, r.revision) }, t('rev.diff')),
    ];
    if (r.state === 'DRAFT' || r.state === 'SUPERSEDED') {
      actions.push(h('button', { type: 'button', class: 'secondary', id: `impact-${r.revision}`, onclick: () => impactView(review, id, r.revision) }, t('rev.impact')));
      if (!r.approvedBy && r.author !== who().user) {
        const approve = h('button', { type: 'button', class: 'secondary', id: `approve-${r.revision}` }, t('rev.approve'));
        approve.addEventListener('click', () => act(approve, () => api('POST', `${path(id)}/revisions/${r.revision}/approve`),
          (a) => t('rev.approved', a.revision)).then((a) => a && go(`/policy/${id}`)));
        actions.push(approve);
      }
      const activate = h('button', { type: 'button', id: `activate-${r.revision}` }, t('rev.activate'));
      activate.addEventListener('click', () => act(activate, () => api('POST', `${path(id)}/revisions/${r.revision}/activate`),
        (a) => t('rev.activated', a.version)).then((a) => a && go(`/policy/${id}?activated=${a.revision}`)));
      actions.push(activate);
    }
    return h('tr', { 'data-revision': r.revision, class: `rev-${r.state.toLowerCase()}` },
      h('td', { class: 'num' }, String(r.revision)),
      h('td', {}, h('span', { class: `badge rev-state-${r.state.toLowerCase()}` }, t(`rev.state.${r.state}`))),
      h('td', {}, r.version), h('td', {}, dateTime(r.time)), h('td', {}, r.author), h('td', {}, r.comment),
      h('td', { class: 'actions-cell' }, actions));
  });
  const rollback = h('button', { type: 'button', class: 'secondary', id: 'rollback', hidden: !active }, t('rev.rollback'));
  rollback.addEventListener('click', () => act(rollback, () => api('POST', `${path(id)}/revisions/0/activate`),
    (a) => t('rev.activated', a.version)).then((a) => a && go(`/policy/${id}?activated=0`)));
  if (params.get('activated') !== null) status.textContent = t('rev.activated', active ? active.version : (m && m.version) || '');

  page.append(h('section', { class: 'card', 'aria-labelledby': 'rev-title' },
    h('h2', { id: 'rev-title' }, t('rev.title')),
    revisions.length ? h('div', { class: 'scroll' }, h('table', { id: 'revisions' },
      h('thead', {}, h('tr', {}, ['col.revision', 'col.state', 'col.version', 'col.time', 'col.author', 'col.comment', 'col.actions']
        .map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))) : h('p', {}, t('rev.none')),
    h('div', { class: 'actions' }, rollback)), review);

  const shown = params.get('revision');
  const editor = h('section', { class: 'card', 'aria-labelledby': 'tables-title', id: 'tables' });
  page.append(editor);
  await tablesEditor(editor, id, shown === null ? null : Number(shown), revisions, go, params.get('sameAs'));
  const audit = h('section', { class: 'card', 'aria-labelledby': 'audit-title', id: 'audit' });
  page.append(audit);
  await auditView(audit, id);
}

