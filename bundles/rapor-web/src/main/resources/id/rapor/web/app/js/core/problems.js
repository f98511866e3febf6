// What went wrong, as the API said it (in the reader's language) or as the page knows it.
import { h, fill } from './dom.js';
import { t } from './i18n.js';

/** Shows an error in a box (role=alert): the problem's title, detail and each field's error. */
export function showProblem(box, error) {
  const p = error && error.problem;
  const lines = [];
  if (p) {
    lines.push(h('strong', {}, p.title || t('error.title')));
    if (p.detail) lines.push(h('p', {}, p.detail));
    if (Array.isArray(p.errors) && p.errors.length) {
      lines.push(h('ul', {}, p.errors.map((e) => h('li', {}, h('code', {}, e.field), ': ', e.message))));
    }
  } else {
    lines.push(h('strong', {}, t('error.title')));
    lines.push(h('p', {}, error && error.message ? error.message : String(error)));
  }
  box.hidden = false;
  fill(box, lines);
}

export function clearProblem(box) {
  box.hidden = true;
  box.replaceChildren();
}

/** An empty alert box, hidden until something goes wrong. */
export function problemBox() {
  return h('div', { class: 'problem', role: 'alert', hidden: true });
}
