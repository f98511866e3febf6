// The score as the answers change: POST /api/v1/methodologies/{id}/score with what is answered so
// far, once every required indicator is; the index, the band, each aspect's contribution (a chart
// and the same numbers as a table) and the explanation, all as the API words them.
import { h, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { number } from '../core/format.js';
import { contributions } from '../core/chart.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

export function scorePanel(m, unit) {
  const required = m.aspects.flatMap((a) => a.indicators).filter((i) => i.required).map((i) => i.id);
  const progress = h('p', { id: 'score-progress' });
  const index = h('p', { class: 'index', id: 'score-index' }, '—');
  const band = h('p', { class: 'band', id: 'score-band' });
  const chart = h('div', { class: 'chart', id: 'score-chart', role: 'img', 'aria-label': t('score.chartLabel') });
  const table = h('div', { class: 'scroll' });
  const explanation = h('ol', { class: 'explanation', id: 'score-explanation' });
  const box = problemBox();
  const result = h('div', { class: 'result', hidden: true }, index, band, chart, table,
    h('h3', {}, t('score.explanation')), explanation);
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

  return { element, update };
}
