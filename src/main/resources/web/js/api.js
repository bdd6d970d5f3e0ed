// Talks to the Sitrep API. Every function returns parsed JSON or throws an Error with the server's message.

async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message || `HTTP ${res.status}`);
  return body;
}

export function fetchEvents(params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return getJson(`/api/events?${q}`);
}

export function fetchEvent(id) {
  return getJson(`/api/events/${encodeURIComponent(id)}`);
}

// Subscribes to created/updated/deleted events; the browser resumes with Last-Event-ID on reconnect.
export function subscribe({ onChange, onStatus }) {
  const source = new EventSource('/api/stream');
  for (const kind of ['created', 'updated', 'deleted']) {
    source.addEventListener(kind, (msg) => onChange(kind, JSON.parse(msg.data)));
  }
  source.onopen = () => onStatus('live');
  source.onerror = () => onStatus(source.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
  return source;
}
