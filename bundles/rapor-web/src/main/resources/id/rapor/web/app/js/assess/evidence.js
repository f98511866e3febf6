// Evidence per indicator of a saved assessment: the files attached (downloaded from the API, as
// attachments), and, while it is a draft, a file to attach (PUT …/evidence/{indicator}?name=…,
// the file as the body: the API reads its kind from its content).
import { h, field, fill } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api, query } from '../core/api.js';
import { showProblem, clearProblem, problemBox } from '../core/problems.js';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp';

export async function evidenceFor(record, m, editable, page) {
  const files = await api('GET', `/assessments/${record.id}/evidence`);
  for (const indicator of m.aspects.flatMap((a) => a.indicators)) {
    const place = page.querySelector(`#evidence-${CSS.escape(indicator.id)}`);
    if (place) draw(place, indicator, files.filter((f) => f.indicator === indicator.id));
  }

  function draw(place, indicator, mine) {
    const box = problemBox();
    const list = mine.length
      ? h('ul', { class: 'files' }, mine.map((f) => h('li', {},
        // The API names the download; only a path of the API is followed.
        f.href.startsWith('/api/v1/') ? h('a', { href: f.href, download: f.name }, f.name) : f.name,
        h('span', { class: 'hint' }, ` (${Math.max(1, Math.round(f.size / 1024))} KB)`),
        editable ? h('button', {
          type: 'button', class: 'link', 'aria-label': t('evidence.removeLabel', f.name),
          onclick: async () => {
            try {
              await api('DELETE', f.href.slice('/api/v1'.length));
              await refresh();
            } catch (e) {
              showProblem(box, e);
            }
          },
        }, t('evidence.remove')) : null)))
      : h('p', { class: 'hint' }, t('evidence.none'));
    const parts = [h('h3', {}, t('evidence.title')), list];
    if (editable) {
      const file = h('input', { type: 'file', accept: ACCEPT, name: `file-${indicator.id}` });
      const attach = h('button', { type: 'button', class: 'secondary', 'data-attach': indicator.id }, t('evidence.attach'));
      attach.addEventListener('click', async () => {
        clearProblem(box);
        if (!file.files.length) {
          file.focus();
          return;
        }
        const chosen = file.files[0];
        attach.disabled = true;
        try {
          await api('PUT', `/assessments/${record.id}/evidence/${encodeURIComponent(indicator.id)}${query({ name: chosen.name })}`,
            { body: chosen, type: 'application/octet-stream' });
          await refresh();
        } catch (e) {
          showProblem(box, e);
        } finally {
          attach.disabled = false;
        }
      });
      parts.push(h('div', { class: 'row end' }, field(t('evidence.file', indicator.code), file, t('evidence.kinds')), attach));
    }
    parts.push(box);
    fill(place, parts);
  }

  async function refresh() {
    const again = await api('GET', `/assessments/${record.id}/evidence`);
    for (const indicator of m.aspects.flatMap((a) => a.indicators)) {
      const place = page.querySelector(`#evidence-${CSS.escape(indicator.id)}`);
      if (place) draw(place, indicator, again.filter((f) => f.indicator === indicator.id));
    }
  }
}
