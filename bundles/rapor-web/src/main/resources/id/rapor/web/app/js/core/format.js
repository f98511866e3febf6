// Numbers, dates and the words of the records in the reader's language.
import { language, t } from './i18n.js';

const locales = { id: 'id-ID', en: 'en-GB' };

/** A number with exactly {@code decimals} decimals, as the methodology's scale prints it. */
export function number(value, decimals) {
  if (value === null || value === undefined) return '—';
  const d = decimals === undefined ? undefined : decimals;
  return new Intl.NumberFormat(locales[language()], { minimumFractionDigits: d, maximumFractionDigits: d === undefined ? 4 : d })
    .format(value);
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locales[language()], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function roleName(role) {
  return t(`role.${role}`);
}

export function stateName(state) {
  return t(`state.${state}`);
}

export function kindName(kind) {
  return t(`kind.${kind}`);
}
