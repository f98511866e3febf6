// What the monitoring pages share: signed changes, a methodology's name with its version, and a
// table whose columns sort on a click (or Enter/Space on the column's button), with aria-sort.
import { h, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';

/** A change with its sign: +2.07, -10.00, 0.00, as {@code format} writes the number. */
export function signed(value, format) {
  if (value === null || value === undefined) return '';
  return `${value > 0 ? '+' : ''}${format(value)}`;
}

/** ombudsman-2022 2022.1.0 (revision 3) */
export function methodologyName(m) {
  return `${m.id} ${m.version}${m.revision ? ` (${t('monitor.revision', m.revision)})` : ''}`;
}

/**
 * A table of {@code rows}: each column {key, label, value(row) to sort by, show(row) to draw, num}.
 * Sorted by {@code initial} first; a column's header button sorts by it, again for the other way.
 */
export function sortableTable(id, caption, columns, rows, initial) {
  let key = initial;
  let ascending = true;
  const body = h('tbody');
  const heads = columns.map((c) => {
    const button = h('button', { type: 'button', class: 'sort', 'data-sort': c.key }, c.label);
    const th = h('th', { scope: 'col', class: c.num ? 'num' : null }, button);
    button.addEventListener('click', () => {
      ascending = key === c.key ? !ascending : true;
      key = c.key;
      draw();
    });
    return th;
  });
  const compare = (a, b) => {
    if (a === b) return 0;
    if (a === null || a === undefined || a === '') return 1; // nothing last, either way
    if (b === null || b === undefined || b === '') return -1;
    return (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))) * (ascending ? 1 : -1);
  };
  function draw() {
    const column = columns.find((c) => c.key === key);
    const sorted = [...rows].sort((a, b) => compare(column.value(a), column.value(b)));
    heads.forEach((th, k) => {
      if (columns[k].key === key) th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    fill(body, sorted.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.num ? 'num' : null }, c.show(row))))));
  }
  draw();
  return h('div', { class: 'scroll' }, h('table', { id, class: 'sortable' },
    h('caption', {}, caption, h('span', { class: 'visually-hidden' }, ` ${t('monitor.sortHint')}`)),
    h('thead', {}, h('tr', {}, heads)), body));
}
