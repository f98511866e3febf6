// SKM: a survey methodology takes each respondent's answers. They come as a CSV file, one row per
// respondent and one column per element (its id or code: u1…u9 or U1…U9), comma or semicolon.
import { h, field } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function respondentsSection(m, input, editable, changed) {
  const indicators = m.aspects.flatMap((a) => a.indicators);
  const status = h('p', { class: 'status', role: 'status', id: 'respondents-status' },
    input.respondents ? t('skm.stored', input.respondents.length) : t('skm.noneYet'));
  const errors = h('ul', { class: 'problem', role: 'alert', hidden: true });
  const section = h('section', { class: 'card', 'aria-labelledby': 'skm-title' },
    h('h2', { id: 'skm-title' }, t('skm.title')),
    h('p', {}, t('skm.intro')),
    h('div', { class: 'scroll' }, h('table', {},
      h('caption', {}, t('skm.elements')),
      h('thead', {}, h('tr', {}, [t('col.column'), t('col.element'), t('col.options')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, indicators.map((i) => h('tr', {},
        h('td', {}, h('code', {}, i.code)),
        h('td', {}, i.name),
        h('td', {}, i.options.map((o) => `${o.value} ${o.label}`).join(' · '))))))));
  if (editable) {
    const file = h('input', { type: 'file', accept: '.csv,text/csv', id: 'respondents-file' });
    file.addEventListener('change', async () => {
      errors.hidden = true;
      errors.replaceChildren();
      if (!file.files.length) return;
      const { respondents, problems } = parse(await file.files[0].text(), indicators);
      if (problems.length) {
        errors.hidden = false;
        errors.append(...problems.slice(0, 20).map((p) => h('li', {}, p)));
        return;
      }
      input.respondents = respondents;
      status.textContent = t('skm.read', respondents.length);
      changed();
    });
    const template = h('a', { href: '#', class: 'button-link secondary', id: 'respondents-template' }, t('skm.template'));
    template.addEventListener('click', (e) => {
      e.preventDefault();
      const csv = `${indicators.map((i) => i.code).join(',')}\n${indicators.map(() => '').join(',')}\n`;
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const a = h('a', { href: url, download: `${m.id}-responden.csv` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    section.append(field(t('skm.file'), file, t('skm.fileHint')), template);
  }
  section.append(status, errors);
  return section;
}

/** Rows of a CSV of respondents, or what is wrong with it (row and column named). */
export function parse(text, indicators) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const problems = [];
  if (!lines.length) return { respondents: [], problems: [t('skm.empty')] };
  const separator = lines[0].includes(';') ? ';' : ',';
  const header = lines[0].replace(/^\uFEFF/, '').split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
  const columns = header.map((name) => indicators.find((i) => i.id.toLowerCase() === name.toLowerCase()
    || i.code.toLowerCase() === name.toLowerCase()));
  header.forEach((name, k) => { if (!columns[k]) problems.push(t('skm.unknownColumn', name)); });
  const respondents = [];
  lines.slice(1).forEach((line, row) => {
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ''));
    const answers = {};
    cells.forEach((cell, k) => {
      if (!columns[k] || cell === '') return;
      const value = Number(cell.replace(',', '.'));
      if (Number.isNaN(value)) problems.push(t('skm.notANumber', row + 2, header[k], cell));
      else answers[columns[k].id] = value;
    });
    respondents.push(answers);
  });
  return { respondents, problems };
}
