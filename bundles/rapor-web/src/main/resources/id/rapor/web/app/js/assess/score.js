// The score as the answers change: POST /api/v1/methodologies/{id}/score with what is answered so
// far, once every required indicator is; the index, the band, each aspect's contribution (a chart
// and the same numbers as a table) and the explanation, all as the API words them.
import { h, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { number } from '../core/format.js';
import { contributions } from '../core/chart.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

/**
 * {@code round} ({unit, family, year}): the unit's round, so that the score is set beside the unit's previous
 * official score and the difference split by why it moved (POST /compare).
 */
export function scorePanel(m, unit, round) {
  const required = m.aspects.flatMap((a) => a.indicators).filter((i) => i.required).map((i) => i.id);
  const progress = h('p', { id: 'score-progress' });
  const index = h('p', { class: 'index', id: 'score-index' }, '—');
  const band = h('p', { class: 'band', id: 'score-band' });
  const chart = h('div', { class: 'chart', id: 'score-chart', role: 'img', 'aria-label': t('score.chartLabel') });
  const table = h('div', { class: 'scroll' });
  const explanation = h('ol', { class: 'explanation', id: 'score-explanation' });
  const plan = h('div', { id: 'score-plan' });
  const moved = h('div', { id: 'score-moved' });
  const box = problemBox();
  const result = h('div', { class: 'result', hidden: true }, index, band, chart, table,
    h('h3', {}, t('score.plan')), plan, h('h3', {}, t('score.moved')), moved, h('h3', {}, t('score.explanation')), explanation);
  const element = h('aside', { class: 'score card', id: 'score', 'aria-labelledby': 'score-title' },
    h('h2', { id: 'score-title' }, t('score.title')), progress, box, result);
  let asked = 0;
  let timer = null;

  /** What to score: {answers} or {respondents}; respondentsCount null for answers. */
  function update(input, respondentsCount) {
    clearTimeout(timer);
    timer = setTimeout(() => run(input, respondentsCount), 200);
  }

  async function run(input, respondentsCount) {
    const mine = ++asked;
    clearProblem(box);
    if (respondentsCount === null) {
      const answered = required.filter((id) => input.answers[id] !== undefined).length;
      fill(progress, t('score.progress', answered, required.length));
      if (answered < required.length) {
        result.hidden = true;
        return;
      }
    } else if (!input.respondents || !input.respondents.length) {
      fill(progress, t('score.noRespondents'));
      result.hidden = true;
      return;
    } else {
      fill(progress, t('score.respondents', input.respondents.length));
    }
    try {
      const score = await api('POST', `/methodologies/${encodeURIComponent(m.id)}/score`, { json: { unit: unit(), ...input } });
      if (mine !== asked) return; // a later answer is being scored
      show(score);
      if (respondentsCount === null) await showPlan(input, mine);
      else fill(plan, h('p', { class: 'hint' }, t('score.planSurvey')));
      await showMoved(input, mine);
    } catch (e) {
      if (mine !== asked) return;
      result.hidden = true;
      showProblem(box, e);
    }
  }

  function show(score) {
    const decimals = m.scale.decimals;
    fill(index, number(score.index, decimals));
    fill(band, h('span', { class: 'band-code' }, score.band.code), ' ', score.band.label || '');
    const aspects = score.aspects.filter((a) => !a.informationOnly);
    fill(table, h('table', { id: 'score-aspects' },
      h('caption', {}, t('score.tableCaption')),
      h('thead', {}, h('tr', {}, [t('col.aspect'), t('col.weight'), t('col.score'), t('col.contribution')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, score.aspects.map((a) => h('tr', {},
        h('th', { scope: 'row' }, a.name),
        h('td', { class: 'num' }, number(a.weight)),
        h('td', { class: 'num' }, a.score === null ? '—' : number(a.score)),
        h('td', { class: 'num' }, number(a.contribution)))))));
    fill(explanation, score.explanation.map((line) => h('li', {}, line)));
    result.hidden = false;
    contributions(chart, aspects, (v) => number(v)).catch((e) => showProblem(box, e));
  }

  /**
   * What it takes to reach the next band (POST /methodologies/{id}/plan): the fewest level steps, each with the
   * level's descriptor, as the planner words them; at the top band, the API's reason why there is none.
   */
  async function showPlan(input, mine) {
    const decimals = m.scale.decimals;
    try {
      const p = await api('POST', `/methodologies/${encodeURIComponent(m.id)}/plan`, { json: { unit: unit(), ...input } });
      if (mine !== asked) return;
      if (!p.reachable) {
        fill(plan, h('p', {}, p.reason || t('score.planNone')));
        return;
      }
      fill(plan,
        h('p', {}, t('score.planTarget', `${p.target.code} — ${p.target.label || ''}`, number(p.target.min, decimals),
          number(p.indexAfter, decimals), p.bandAfter.code)),
        h('ol', { class: 'plan' }, p.steps.map((s) => h('li', {},
          t('score.planStep', `${s.indicator} (${s.code})`, s.name, s.from, s.to, number(s.gain)), ' ', h('span', { class: 'hint' }, s.descriptor)))));
    } catch (e) {
      if (mine !== asked) return;
      // At the top band there is nothing to reach: the API says so (422 target-reached), and so does the page.
      if (e.problem && e.problem.type === 'urn:rapor:problem:target-reached') fill(plan, h('p', {}, e.problem.detail));
      else fill(plan, h('p', { class: 'hint' }, e.message));
    }
  }

  /** The unit's latest official score before this round (GET /units/{id}/history), or null. */
  let previous;
  async function previousOfficial() {
    if (previous === undefined) {
      previous = null;
      try {
        const history = await api('GET', `/units/${encodeURIComponent(round.unit)}/history${query({ family: round.family })}`);
        const earlier = history.rounds.filter((r) => r.year < round.year && r.assessment);
        if (earlier.length) previous = earlier[earlier.length - 1];
      } catch (e) {
        previous = null; // a user who may enter but not read the history: no comparison, nothing wrong
      }
    }
    return previous;
  }

  /**
   * Why the index differs from the unit's previous official score: POST /compare with the stored assessment before
   * and these answers after, the difference split into parts that add up to it (weights, answers, indicators removed
   * and added), each as the API words it; where the two methods share no inputs, the API's reason.
   */
  async function showMoved(input, mine) {
    const before = round && round.unit ? await previousOfficial() : null;
    if (mine !== asked) return;
    if (!before) {
      fill(moved, h('p', { class: 'hint' }, t('score.movedNone')));
      return;
    }
    try {
      const c = await api('POST', '/compare', { json: { unit: unit(), before: { assessment: before.assessment },
        after: { methodology: m.id, ...input } } });
      if (mine !== asked) return;
      const index = (s) => `${number(s.index, m.scale.decimals)} ${s.band.code}`;
      fill(moved,
        h('p', {}, t('score.movedFrom', before.year, `${c.before.methodology.id} ${c.before.methodology.version}`, index(c.before), index(c.after),
          `${Number(c.difference) > 0 ? '+' : ''}${number(c.difference, m.scale.decimals)}`)),
        c.decomposed ? h('ul', { class: 'explanation' }, c.parts.map((part) => h('li', {}, part.explanation))) : null,
        c.reason ? h('p', { class: 'hint' }, c.reason) : null);
    } catch (e) {
      if (mine !== asked) return;
      fill(moved, h('p', { class: 'hint' }, e.message));
    }
  }

  return { element, update };
}
