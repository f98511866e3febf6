// Job 1: an assessment of a unit for a round. The questionnaire aspect by aspect (each indicator
// with its weight and its levels worded as the rule bundle words them), the score as answers
// change, saving the draft, evidence per indicator, submitting, and (a verifier) making it final.
import { h, field, fill } from '../core/dom.js';
import { t, language } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { forRound, methodology as loadMethodology } from '../core/methodologies.js';
import { number, roleName, stateName } from '../core/format.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';
import { hasRole } from '../core/session.js';
import { scorePanel } from './score.js';
import { evidenceFor } from './evidence.js';
import { respondentsSection } from './respondents.js';

/** Said once on the next page drawn (after a save moved to the saved assessment's address). */
let flash = null;

export async function assessmentPage(page, { id, params }, go) {
  let record = null;
  let round;
  let methodologyId;
  if (id) {
    record = await api('GET', `/assessments/${encodeURIComponent(id)}`);
    round = { unit: record.unit, family: record.family, year: record.year, role: record.role };
    methodologyId = record.methodology.id;
  } else {
    round = { unit: params.get('unit'), family: params.get('family'), year: Number(params.get('year')), role: params.get('role') || 'self' };
    const applies = await forRound(round.family, round.year);
    if (!applies) throw new Error(t('assess.noMethodology', String(round.family).toUpperCase(), round.year));
    methodologyId = applies.id;
  }
  const [m, unit] = await Promise.all([
    loadMethodology(methodologyId, language()),
    api('GET', `/units/${encodeURIComponent(round.unit)}`),
  ]);
  const editable = !record || record.state === 'draft';
  const survey = m.input === 'respondents';
  const answers = new Map(Object.entries((record && record.input && record.input.answers) || {}));
  const input = { respondents: (record && record.input && record.input.respondents) || null };

  const status = h('p', { class: 'status', role: 'status', id: 'save-status' });
  const box = problemBox();
  const score = scorePanel(m, () => round.unit, round);
  const rescore = () => score.update(survey ? { respondents: input.respondents } : { answers: Object.fromEntries(answers) },
    survey ? (input.respondents ? 1 : 0) : null);

  page.append(
    h('p', { class: 'crumbs' }, h('a', { href: `#/assess${query({ unit: round.unit, family: round.family, year: round.year })}` }, t('assess.back'))),
    h('h1', {}, t('assessment.title', roleName(round.role), unit.name)),
    h('p', { class: 'lead' }, `${m.title} · ${t('assess.year')} ${round.year}`,
      record ? h('span', { class: `badge state-${record.state}`, id: 'state' }, stateName(record.state)) : h('span', { class: 'badge', id: 'state' }, t('state.new'))),
    record && !editable ? h('p', { class: 'notice' }, t('assessment.stored', number(record.index, m.scale.decimals), record.band.code, record.band.label || '')) : null,
    record ? null : h('p', { class: 'notice' }, t('assessment.unsaved')));

  const form = h('form', { class: 'questionnaire', id: 'questionnaire', novalidate: true });
  if (survey) {
    form.append(respondentsSection(m, input, editable, rescore));
  } else {
    for (const aspect of m.aspects) form.append(aspectSection(aspect));
  }
  const comment = h('textarea', { name: 'comment', rows: '3', maxlength: '2000', disabled: !editable });
  comment.value = (record && record.comment) || '';
  form.append(field(t('assessment.comment'), comment));

  const actions = h('div', { class: 'actions' });
  if (editable) {
    const save = h('button', { type: 'submit', id: 'save' }, t('assessment.save'));
    actions.append(save);
    if (record) {
      const submit = h('button', { type: 'button', id: 'submit', class: 'secondary' }, t('assessment.submit'));
      submit.addEventListener('click', () => act(submit, async () => {
        await api('POST', `/assessments/${record.id}/submit`);
        flash = t('assessment.submitted', record.id);
        go(`/assessment/${record.id}`);
      }));
      actions.append(submit, h('p', { class: 'hint' }, t('assessment.submitHint')));
    }
  } else if (record && record.state === 'submitted' && (hasRole('verifier') || hasRole('admin'))) {
    // The verifier confirms: a final assessment never changes, and only final ones count in a round's view.
    const finalize = h('button', { type: 'button', id: 'finalize' }, t('assessment.finalize'));
    finalize.addEventListener('click', () => act(finalize, async () => {
      await api('POST', `/assessments/${record.id}/finalize`);
      flash = t('assessment.finalized', record.id);
      go(`/assessment/${record.id}`);
    }));
    actions.append(finalize, h('p', { class: 'hint' }, t('assessment.finalizeHint')));
  }
  form.append(box, actions, status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(form.querySelector('#save'), save);
  });

  page.append(h('div', { class: 'assessment-layout' }, form, score.element));
  if (flash) {
    status.textContent = flash;
    flash = null;
  }
  rescore();
  if (record) await evidenceFor(record, m, editable, page);

  async function save() {
    const body = { year: round.year, role: round.role, comment: comment.value.trim() || null };
    if (record) body.methodology = record.methodology.id;
    else body.family = round.family;
    if (survey) body.respondents = input.respondents || [];
    else body.answers = Object.fromEntries(answers);
    if (record) {
      record = await api('PUT', `/assessments/${record.id}`, { json: body });
      status.textContent = t('assessment.saved', record.id, number(record.index, m.scale.decimals), record.band.code);
    } else {
      const created = await api('POST', `/units/${encodeURIComponent(round.unit)}/assessments`, { json: body });
      flash = t('assessment.saved', created.id, number(created.index, m.scale.decimals), created.band.code);
      go(`/assessment/${created.id}`);
    }
  }

  async function act(button, work) {
    clearProblem(box);
    status.textContent = '';
    if (button) button.disabled = true;
    try {
      await work();
    } catch (err) {
      showProblem(box, err);
    } finally {
      if (button) button.disabled = false;
    }
  }

  function aspectSection(aspect) {
    const headingId = `aspect-${aspect.id}`;
    return h('section', { class: 'aspect card', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, aspect.name, ' ', h('span', { class: 'weight' }, t('aspect.weight', number(aspect.weight)))),
      aspect.indicators.map(indicatorFieldset));
  }

  function indicatorFieldset(indicator) {
    const set = h('fieldset', { class: 'indicator', id: `indicator-${indicator.id}`, 'data-indicator': indicator.id });
    set.append(h('legend', {}, h('span', { class: 'code' }, indicator.code), ' ', indicator.name));
    set.append(h('p', { class: 'meta' }, t('indicator.weight', number(indicator.weight)), indicator.required ? '' : ` · ${t('indicator.infoOnly')}`));
    if (indicator.options.length) {
      const options = h('div', { class: 'options' });
      for (const option of indicator.options) {
        const radio = h('input', {
          type: 'radio', name: `answer-${indicator.id}`, value: String(option.value),
          checked: answers.has(indicator.id) && Number(answers.get(indicator.id)) === option.value, disabled: !editable,
        });
        radio.addEventListener('change', () => {
          answers.set(indicator.id, option.value);
          rescore();
        });
        options.append(h('label', { class: 'option' }, radio, h('span', { class: 'level' }, number(option.value)), h('span', { class: 'descriptor' }, option.label)));
      }
      set.append(options);
    } else if (indicator.range) {
      const r = indicator.range;
      const value = h('input', {
        type: 'number', min: String(r.min), max: String(r.max), step: r.decimals ? String(10 ** -r.decimals) : '1',
        name: `answer-${indicator.id}`, inputmode: 'decimal', disabled: !editable,
      });
      if (answers.has(indicator.id)) value.value = String(answers.get(indicator.id));
      value.addEventListener('input', () => {
        if (value.value === '' || Number.isNaN(value.valueAsNumber)) answers.delete(indicator.id);
        else answers.set(indicator.id, value.valueAsNumber);
        rescore();
      });
      set.append(field(`${r.label || t('indicator.value')} (${number(r.min)}–${number(r.max)})`, value));
    }
    set.append(h('div', { class: 'evidence', id: `evidence-${indicator.id}` }));
    return set;
  }
}
