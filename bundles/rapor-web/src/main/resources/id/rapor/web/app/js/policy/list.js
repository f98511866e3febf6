// Job 3, policy staff: the methodologies Rapor serves, each with what serves it now.
import './words.js';
import { h } from '../core/dom.js';
import { t } from '../core/i18n.js';
import { api } from '../core/api.js';
import { hasRole } from '../core/session.js';

export async function policyPage(page) {
  const list = await api('GET', '/methodologies');
  const rows = list.map((m) => h('tr', { 'data-methodology': m.id },
    h('td', {}, h('a', { href: `#/policy/${encodeURIComponent(m.id)}` }, m.id), h('div', { class: 'hint' }, m.title || '')),
    h('td', {}, m.family || ''),
    h('td', {}, m.years ? `${m.years.from}–${m.years.to ?? ''}` : ''),
    h('td', {}, m.version || ''),
    h('td', {}, m.status)));
  page.append(
    h('h1', {}, t('policy.title')),
    h('p', {}, t('policy.intro')),
    hasRole('policy') ? null : h('p', { class: 'notice' }, t('policy.readOnly')),
    h('div', { class: 'card scroll' }, h('table', { id: 'methodologies' },
      h('thead', {}, h('tr', {}, ['col.methodology', 'col.family', 'col.years', 'col.version', 'col.status'].map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', {}, rows))));
}
