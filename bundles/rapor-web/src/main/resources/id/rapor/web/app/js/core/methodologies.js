// The methodologies Rapor serves: families, which one applies to a year, and each one's questionnaire.
import { api } from './api.js';

let list = null;
const details = new Map();

export async function methodologies() {
  if (!list) list = await api('GET', '/methodologies');
  return list;
}

/** The families with an active methodology, each with its methodologies. */
export async function families() {
  const byFamily = new Map();
  for (const m of await methodologies()) {
    if (m.status !== 'ACTIVE' || !m.family) continue;
    if (!byFamily.has(m.family)) byFamily.set(m.family, []);
    byFamily.get(m.family).push(m);
  }
  return byFamily;
}

/** The methodology of a family that applies to a year, or null. */
export async function forRound(family, year) {
  return (await methodologies()).find((m) => m.status === 'ACTIVE' && m.family === family && m.years
    && m.years.from <= year && (m.years.to === null || m.years.to === undefined || year <= m.years.to)) || null;
}

/** A methodology's questionnaire (aspects, indicators, options, bands), in the reader's language. */
export async function methodology(id, language) {
  const key = `${id}|${language}`;
  if (!details.has(key)) details.set(key, await api('GET', `/methodologies/${encodeURIComponent(id)}`));
  return details.get(key);
}

/** Forgets what was read (the language changed, a methodology may have been compiled since). */
export function forget() {
  list = null;
  details.clear();
}
