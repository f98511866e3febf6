// The only way the application reaches Rapor: the public API at /api/v1/, in the reader's language,
// with the session cookie and, for every change, the session's CSRF token.
import { language } from './i18n.js';

let csrfToken = null;
const loggedOut = new Set();

export function useCsrfToken(token) {
  csrfToken = token;
}

/** Called when a call answers 401: the session is over. */
export function onLoggedOut(listener) {
  loggedOut.add(listener);
}

/** A refusal of the API: its status and its problem+json (title, detail, errors naming fields). */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API: api('GET', '/units'), api('POST', '/session', {json: {...}}),
 * api('PUT', path, {body: file, type: 'application/octet-stream'}).
 */
export async function api(method, path, { json, body, type, expect401 } = {}) {
  const headers = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language(),
    // No Basic challenge (the browser's own password dialog) for the page's calls.
    'X-Requested-With': 'rapor-web',
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload = body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (type) {
    headers['Content-Type'] = type;
  }
  const response = await fetch(`/api/v1${path}`, {
    method, headers, body: payload, credentials: 'same-origin', cache: 'no-store', redirect: 'error',
  });
  const contentType = response.headers.get('Content-Type') || '';
  let data = null;
  if (response.status !== 204 && response.status !== 304) {
    data = contentType.includes('json') ? await response.json() : await response.text();
  }
  if (!response.ok) {
    if (response.status === 401 && !expect401) loggedOut.forEach((listener) => listener());
    throw new ApiError(response.status, data && typeof data === 'object' ? data : null);
  }
  return data;
}

/** A query string of the defined values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
