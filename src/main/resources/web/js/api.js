// Talks to the Sitrep API. Every function returns parsed JSON or throws an Error with the server's message
// (err.status holds the HTTP status).

let csrf = null;

async function request(method, url, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(url, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error(data?.error?.message || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return data;
}

const getJson = (url) => request('GET', url);
const query = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));

export const fetchConfig = () => getJson('/api/config');
export const fetchEvent = (id) => getJson(`/api/events/${encodeURIComponent(id)}`);
export const fetchSources = () => getJson('/api/sources');
export const fetchTimeline = (params) => getJson(`/api/timeline?${query(params)}`);
export const fetchReports = (params) => getJson(`/api/reports?${query(params)}`);
export const fetchHistory = (id) => getJson(`/api/events/${encodeURIComponent(id)}/history`);

/** One page of the compact event list: {columns, rows, nextCursor}. */
export const fetchMapPage = (params) => getJson(`/api/map/events?${query(params)}`);

// --- accounts and analyst actions (the API may not offer them: callers tolerate 404)
export async function fetchMe() {
  const me = await getJson('/api/me');
  csrf = me?.csrfToken || null;
  return me;
}
export async function login(username, password) {
  await request('POST', '/api/login', { username, password });
  return fetchMe();
}
export async function logout() {
  await request('POST', '/api/logout', {});
  csrf = null;
}
export const setState = (id, state, note) => request('POST', `/api/events/${encodeURIComponent(id)}/state`, note ? { state, note } : { state });
export const patchEvent = (id, patch) => request('PATCH', `/api/events/${encodeURIComponent(id)}`, patch);
export const mergeEvents = (id, otherIds) => request('POST', `/api/events/${encodeURIComponent(id)}/merge`, { otherIds });
export const splitEvent = (id, reportIds) => request('POST', `/api/events/${encodeURIComponent(id)}/split`, { reportIds });
export const addNote = (id, text) => request('POST', `/api/events/${encodeURIComponent(id)}/notes`, { text });

// Subscribes to created/updated/deleted events; the browser resumes with Last-Event-ID on reconnect.
export function subscribe({ onChange, onStatus }) {
  const source = new EventSource('/api/stream');
  for (const kind of ['created', 'updated', 'deleted']) {
    source.addEventListener(kind, (msg) => {
      let data;
      try { data = JSON.parse(msg.data); } catch { return; }
      onChange(kind, data);
    });
  }
  source.onopen = () => onStatus('live');
  source.onerror = () => onStatus(source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
  return source;
}
