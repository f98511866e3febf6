// Job 3, before and after a change: a revision's diff, its impact on the stored assessments
// (GET …/revisions/{n}/impact: which units change band), and the methodology's audit trail.
import './words.js';
import { h, fill, field } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { dateTime, roleName } from '../core/format.js';
import { showProblem, problemBox } from '../core/problems.js';

const base = (id) => `/methodologies/${encodeURIComponent(id)}`;

function table(idAttr, captionText, heads, rows) {
  return h('div', { class: 'scroll' }, h('table', { id: idAttr },
    captionText ? h('caption', {}, captionText) : null,
    h('thead', {}, h('tr', {}, heads.map((k) => h('th', { scope: 'col' }, t(k))))),
    h('tbody', {}, rows)));
}

async function shown(review, draw) {
  const box = problemBox();
  try {
    fill(review, h('section', { class: 'card', id: 'review-card' }, await draw()));
  } catch (err) {
    fill(review, box);
    showProblem(box, err);
  }
  const heading = review.querySelector('h2');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

export function diffView(review, id, from, to) {
  return shown(review, async () => {
    const d = await api('GET', `${base(id)}/revisions/${from}/diff/${to}`);
    return [h('h2', {}, t('diff.title', from, to)),
      d.changes.length ? table('diff', null, ['col.file', 'col.change', 'col.key', 'col.before', 'col.after'],
        d.changes.map((c) => h('tr', { class: `diff-${c.kind.toLowerCase()}` }, h('td', {}, c.file), h('td', {}, c.kind), h('td', {}, c.key),
          h('td', {}, h('code', {}, c.before ?? '')), h('td', {}, h('code', {}, c.after ?? '')))))
        : h('p', {}, t('diff.none'))];
  });
}

export function impactView(review, id, number) {
  const year = h('input', { type: 'number', id: 'impact-year', min: 2000, max: 2100, inputmode: 'numeric' });
  const run = h('button', { type: 'submit', id: 'impact-run' }, t('impact.run'));
  const result = h('div', { id: 'impact-result', 'aria-live': 'polite' });
  const box = problemBox();
  const form = h('form', { class: 'row' }, field(t('impact.year'), year), h('div', { class: 'field' }, run));
  async function compute() {
    run.disabled = true;
    try {
      const i = await api('GET', `${base(id)}/revisions/${number}/impact${query({ year: year.value })}`);
      fill(result, h('p', { id: 'impact-summary' }, t('impact.summary', i.assessments, i.changed.length, i.unchanged, i.activeVersion, i.candidateVersion)),
        i.changed.length ? table('impact', null, ['col.unit', 'col.year', 'col.role', 'col.stored', 'col.now', 'col.withRevision', 'col.delta'],
          i.changed.map((c) => h('tr', { 'data-unit': c.unit, class: c.bandChanges ? 'band-changes' : '' },
            h('td', {}, c.name, h('div', { class: 'hint' }, c.unit)), h('td', {}, String(c.year)), h('td', {}, roleName(c.role)),
            h('td', {}, `${c.stored.index} ${c.stored.band}`), h('td', {}, `${c.old.index} ${c.old.band}`),
            h('td', {}, h('strong', {}, `${c.new.index} ${c.new.band}`), c.bandChanges ? h('span', { class: 'badge' }, t('impact.bandChanges')) : null),
            h('td', { class: 'num' }, String(c.delta))))) : h('p', {}, t('impact.none')),
        i.errors.map((e) => h('p', { class: 'problem' }, `${e.name} (${e.year}): `, e.errors.map((f) => `${f.field}: ${f.message}`).join('; '))));
    } catch (err) {
      showProblem(box, err);
    } finally {
      run.disabled = false;
    }
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    compute();
  });
  return shown(review, async () => {
    setTimeout(compute, 0);
    return [h('h2', {}, t('impact.title', number)), form, box, result];
  });
}

export async function auditView(section, id) {
  const entries = await api('GET', `/audit${query({ methodology: id, limit: 20 })}`);
  fill(section, h('h2', { id: 'audit-title' }, t('audit.title')),
    table('audit-trail', null, ['col.time', 'col.user', 'col.action', 'col.revision', 'col.status', 'col.detail'],
      entries.map((e) => h('tr', {}, h('td', {}, dateTime(e.time)), h('td', {}, e.user ?? ''), h('td', {}, e.action),
        h('td', { class: 'num' }, e.revision ?? ''), h('td', { class: 'num' }, String(e.status)), h('td', {}, e.detail ?? '')))));
}
