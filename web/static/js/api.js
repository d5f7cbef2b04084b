// The fetch wrapper for the incidentmap HTTP API: JSON in and out, errors
// as ApiError, an optional bearer token, and per-key cancellation so a
// request made stale by a newer one is aborted.

const TOKEN_KEY = 'incidentmap.token';

// ApiError carries the server's {code, description} and the HTTP status.
export class ApiError extends Error {
  constructor(status, code, description) {
    super(description || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
    this.description = description || '';
  }
}

// isAbort reports whether err comes from a cancelled request.
export function isAbort(err) {
  return err && err.name === 'AbortError';
}

// tokenStore keeps the API token for this browser tab only.
export const tokenStore = {
  get() {
    try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch { return ''; }
  },
  set(token) {
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch { /* storage disabled: the token lives only in the field */ }
  },
};

// createApi returns get/post functions. A get with a key aborts the
// previous unfinished get with the same key.
export function createApi() {
  const inflight = new Map();

  async function request(method, path, { params, body, key } = {}) {
    if (key && inflight.has(key)) inflight.get(key).abort();
    const controller = new AbortController();
    if (key) inflight.set(key, controller);
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value);
    }
    const headers = { Accept: 'application/geo+json, application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = tokenStore.get();
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      const res = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      let data = null;
      if (text) {
        try { data = JSON.parse(text); } catch { data = null; }
      }
      if (!res.ok) {
        throw new ApiError(res.status, data && data.code, (data && data.description) || res.statusText);
      }
      return data;
    } finally {
      if (key && inflight.get(key) === controller) inflight.delete(key);
    }
  }

  return {
    get: (path, params, key) => request('GET', path, { params, key }),
    post: (path, body) => request('POST', path, { body }),
  };
}
