// The units the user may see, as a tree: from the top regions for a role that holds everywhere,
// else from the units the user's roles are limited to.
import { api, query } from './api.js';
import { who } from './session.js';

/** The units in tree order (parents before their children), each with its depth. */
export async function visibleUnits() {
  const session = who();
  const scoped = session.roles.filter((r) => session.scopes[r]);
  const everywhere = session.roles.filter((r) => !session.scopes[r]);
  let roots;
  if (everywhere.length) roots = (await api('GET', '/units')).map((u) => u.id);
  else roots = [...new Set(scoped.flatMap((r) => session.scopes[r]))];
  const all = new Map();
  for (const root of roots) {
    try {
      for (const unit of await api('GET', `/units${query({ region: root })}`)) all.set(unit.id, unit);
    } catch (e) {
      if (e.status !== 404) throw e; // a scope naming a unit not entered yet
    }
  }
  return inTreeOrder([...all.values()]);
}

/** Units sorted as a tree: each parent followed by its children (by name), with depth. */
export function inTreeOrder(units) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map();
  const tops = [];
  for (const u of units) {
    if (u.parent && byId.has(u.parent)) {
      if (!children.has(u.parent)) children.set(u.parent, []);
      children.get(u.parent).push(u);
    } else {
      tops.push(u);
    }
  }
  const byName = (a, b) => a.name.localeCompare(b.name);
  const out = [];
  const walk = (u, depth) => {
    out.push({ ...u, depth });
    (children.get(u.id) || []).sort(byName).forEach((c) => walk(c, depth + 1));
  };
  tops.sort(byName).forEach((u) => walk(u, 0));
  return out;
}
