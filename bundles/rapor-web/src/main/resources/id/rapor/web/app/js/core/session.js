// Who is logged in: the session the API keeps (an HttpOnly cookie this script never sees) and its
// CSRF token, held in memory only.
import { api, useCsrfToken } from './api.js';

let current = null;

function set(session) {
  current = session;
  useCsrfToken(session ? session.csrfToken : null);
}

/** The session ({user, roles, scopes, csrfToken, idleSeconds}) or null. */
export function who() {
  return current;
}

/** After a reload: the session the cookie still names, if any. */
export async function restore() {
  try {
    set(await api('GET', '/session', { expect401: true }));
  } catch (e) {
    if (e.status !== 401) throw e;
    set(null);
  }
  return current;
}

export async function login(user, password) {
  set(await api('POST', '/session', { json: { user, password }, expect401: true }));
  return current;
}

export async function logout() {
  try {
    await api('DELETE', '/session', { expect401: true });
  } finally {
    set(null);
  }
}

/** Forgets the session the server already ended. */
export function ended() {
  set(null);
}

export function hasRole(role) {
  return !!current && current.roles.includes(role);
}

/** The assessment roles the user may enter (admin enters every one). */
export function enteringRoles() {
  const roles = [];
  if (hasRole('unit-admin') || hasRole('admin')) roles.push('self');
  if (hasRole('evaluator') || hasRole('admin')) roles.push('evaluator');
  if (hasRole('verifier') || hasRole('admin')) roles.push('verifier');
  return roles;
}
