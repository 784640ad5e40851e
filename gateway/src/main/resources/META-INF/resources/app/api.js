// The one way the client talks to the API: same origin, JSON in and out, problem+json errors as ApiError.
// Tokens: the access token lives only in this module's memory; the refresh token in sessionStorage
// (see docs/web-client.md for why). A 401 triggers one refresh and one retry.

const REFRESH_KEY = 'chorus.refreshToken';

let accessToken = null;
let refreshing = null; // the refresh in flight, shared by every request that hit a 401 at once
const listeners = new Set();

/** An error answer of the API (RFC 9457), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || (status ? `Request failed (${status})` : 'The server could not be reached'));
    this.status = status;
    this.type = problem?.type || null;
    this.title = problem?.title || null;
    this.detail = problem?.detail || null;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.retryAfter = null;
  }
}

/** The claims of the current access token (sub, upn, groups …), or null when signed out. */
export function session() {
  if (!accessToken) return null;
  try {
    const part = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(Array.from(atob(part), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
    const claims = JSON.parse(json);
    return {
      id: claims.sub,
      username: claims.upn || claims.preferred_username || '',
      groups: Array.isArray(claims.groups) ? claims.groups : [],
    };
  } catch {
    return null;
  }
}

export function isModerator() {
  const s = session();
  return !!s && (s.groups.includes('moderator') || s.groups.includes('admin'));
}

/** Called with the new session (or null) whenever someone logs in or out. */
export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify() {
  const s = session();
  for (const listener of listeners) listener(s);
}

/** Keeps the tokens of a login, refresh or login-link answer. */
export function signIn(tokens) {
  accessToken = tokens.accessToken;
  try {
    sessionStorage.setItem(REFRESH_KEY, tokens.refreshToken);
  } catch {
    // storage disabled: the session lasts as long as this page
  }
  notify();
}

function forget() {
  const had = accessToken !== null;
  accessToken = null;
  try {
    sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // nothing stored
  }
  if (had) notify();
}

/** Ends the session on the server (best effort) and here. */
export async function signOut() {
  if (accessToken) {
    try {
      await request('POST', '/api/auth/logout', { retry: false });
    } catch {
      // the token may already be dead; forgetting it is what matters
    }
  }
  forget();
}

/** Exchanges the stored refresh token for a new pair; false when there is none or it was refused. */
export function refresh() {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => { refreshing = null; });
  }
  return refreshing;
}

async function doRefresh() {
  let stored = null;
  try {
    stored = sessionStorage.getItem(REFRESH_KEY);
  } catch {
    stored = null;
  }
  if (!stored) return false;
  let response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken: stored }),
    });
  } catch {
    return false; // offline: keep the refresh token for the next try
  }
  if (!response.ok) {
    forget();
    return false;
  }
  signIn(await response.json());
  return true;
}

/**
 * Sends a request. body (an object) goes as JSON; query (an object) is added to the path.
 * auth: send the access token when there is one (default true). retry: refresh once on a 401.
 * Answers the parsed JSON, or null for an empty answer; throws ApiError otherwise.
 */
export async function request(method, path, { body, query, auth = true, retry = true } = {}) {
  const url = withQuery(path, query);
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const sendToken = auth && accessToken;
  if (sendToken) headers.Authorization = 'Bearer ' + accessToken;
  let response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 401 && auth && retry && (await refresh())) {
    return request(method, path, { body, query, auth, retry: false });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
    const error = new ApiError(response.status, problem);
    error.retryAfter = response.headers.get('Retry-After');
    if (response.status === 401 && sendToken) forget();
    throw error;
  }
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  patch: (path, body, options) => request('PATCH', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options),
};
