// The whole view lives in the URL query: a copied link reproduces filters, time machine, map position,
// heatmap and the open event. Saved views are named URL queries kept in localStorage.

export const PRESETS = { '1h': 3600e3, '6h': 6 * 3600e3, '24h': 86400e3, '7d': 7 * 86400e3 };
const LIST_KEYS = ['type', 'sub', 'side', 'state', 'src'];

export function defaults() {
  return { t: '7d', from: null, to: null, q: '', type: [], sub: [], side: [], state: [], src: [], at: null,
    heat: false, bucket: 'hour', ev: null, z: null, lat: null, lon: null };
}

function iso(v) {
  if (!v) return null;
  const ms = Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function parse(search) {
  const p = new URLSearchParams(search);
  const s = defaults();
  const t = p.get('t');
  if (t && (t in PRESETS || t === 'all' || t === 'custom')) s.t = t;
  s.from = iso(p.get('from'));
  s.to = iso(p.get('to'));
  if (s.t === 'custom' && !s.from && !s.to) s.t = '7d';
  s.q = (p.get('q') || '').slice(0, 500);
  for (const k of LIST_KEYS) s[k] = (p.get(k) || '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, 50);
  s.at = iso(p.get('at'));
  s.heat = p.get('heat') === '1';
  s.bucket = p.get('bucket') === 'day' ? 'day' : 'hour';
  s.ev = p.get('ev') || null;
  const z = Number(p.get('z')), lat = Number(p.get('lat')), lon = Number(p.get('lon'));
  if (p.has('z') && Number.isFinite(z) && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 360) {
    Object.assign(s, { z: Math.max(1, Math.min(18, Math.round(z))), lat, lon });
  }
  return s;
}

export function serialize(s) {
  const p = new URLSearchParams();
  if (s.t !== '7d') p.set('t', s.t);
  if (s.t === 'custom') { if (s.from) p.set('from', s.from); if (s.to) p.set('to', s.to); }
  if (s.q) p.set('q', s.q);
  for (const k of LIST_KEYS) if (s[k].length) p.set(k, s[k].join(','));
  if (s.at) p.set('at', s.at);
  if (s.heat) p.set('heat', '1');
  if (s.bucket !== 'hour') p.set('bucket', s.bucket);
  if (s.ev) p.set('ev', s.ev);
  if (s.z != null) { p.set('z', String(s.z)); p.set('lat', s.lat.toFixed(4)); p.set('lon', s.lon.toFixed(4)); }
  return p.toString();
}

/** The time window [from, to) in ms for loading, or nulls for no bound. */
export function timeWindow(s, now = Date.now()) {
  if (s.t in PRESETS) return { from: now - PRESETS[s.t], to: null };
  if (s.t === 'custom') return { from: s.from ? Date.parse(s.from) : null, to: s.to ? Date.parse(s.to) : null };
  return { from: null, to: null };
}

const STORE_KEY = 'sitrep.views';

export function savedViews() {
  try {
    const v = JSON.parse(localStorage.getItem(STORE_KEY) || '[]');
    return Array.isArray(v) ? v.filter((x) => x && typeof x.name === 'string' && typeof x.query === 'string') : [];
  } catch { return []; }
}

export function saveView(name, query) {
  const views = savedViews().filter((v) => v.name !== name);
  views.push({ name: name.slice(0, 80), query });
  views.sort((a, b) => a.name.localeCompare(b.name));
  localStorage.setItem(STORE_KEY, JSON.stringify(views.slice(0, 100)));
  return views;
}

export function deleteView(name) {
  const views = savedViews().filter((v) => v.name !== name);
  localStorage.setItem(STORE_KEY, JSON.stringify(views));
  return views;
}
