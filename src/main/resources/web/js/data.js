// The events the page holds, as small plain records, and the filters applied to them in the browser.
// The server filters by time window and free text when loading; type, side, state, source and the time
// machine are applied here so that changing them costs milliseconds even with 50,000 events.

const MERC_MAX = 85.05112878;

/** Web-Mercator position in [0,1] (x east, y south): multiplied by 256 * 2^zoom it is Leaflet's pixel. */
function mercator(lat, lon) {
  const la = Math.max(-MERC_MAX, Math.min(MERC_MAX, lat)) * Math.PI / 180;
  return [(lon + 180) / 360, (1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2];
}

function record(o) {
  if (o.lat != null && o.lon != null) [o.mx, o.my] = mercator(o.lat, o.lon);
  else { o.lat = null; o.lon = null; }
  return o;
}

/** A row of /api/map/events. */
export function fromRow(columns, row) {
  const o = {};
  for (let i = 0; i < columns.length; i++) o[columns[i]] = row[i];
  return record(o);
}

/** The side that colours a marker: the same rule as the server's compact list. */
export function sideOf(actors) {
  let any = null;
  for (const a of actors || []) {
    if (!a.side || a.side === 'unknown') continue;
    if (a.role === 'actor1') return a.side;
    any ??= a.side;
  }
  return any || 'unknown';
}

/** A GeoJSON feature (the SSE stream, /api/events). Its report ids are not listed there: null = unknown. */
export function fromFeature(f) {
  const p = f.properties;
  const [lon, lat] = f.geometry ? f.geometry.coordinates : [null, null];
  return record({
    id: f.id, lat, lon, type: p.type, subType: p.subType, state: p.state, side: sideOf(p.actors),
    start: Date.parse(p.time.start), end: Date.parse(p.time.end), firstSeen: Date.parse(p.firstSeen || p.time.start),
    sourceCount: p.sourceCount, title: p.title, place: p.location?.name ?? null, reportIds: null,
  });
}

/** Newest first by event time, then id, matching the API's order. */
export function compare(a, b) {
  return b.start - a.start || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Does the event pass the filters? f: {types, subTypes, sides, states: Set|null; sourceReports: Set|null
 * (report ids of the chosen sources); from, to: ms|null (window overlap); at: ms|null (time machine: only
 * what was known at that moment); words: lower-case words for events that arrived live (the server did the
 * full-text search for the rest)}.
 */
export function matches(e, f) {
  if (f.types && f.types.size && !f.types.has(e.type)) return false;
  if (f.subTypes && f.subTypes.size && !f.subTypes.has(e.subType)) return false;
  if (f.sides && f.sides.size && !f.sides.has(e.side)) return false;
  if (f.states && f.states.size && !f.states.has(e.state)) return false;
  if (f.from != null && e.end < f.from) return false;
  if (f.to != null && e.start >= f.to) return false;
  if (f.at != null && (e.firstSeen > f.at || e.start > f.at)) return false;
  if (f.sourceReports) {
    if (!e.reportIds) return false;
    if (!e.reportIds.some((r) => f.sourceReports.has(r))) return false;
  }
  if (e.live && f.words && f.words.length) {
    const hay = `${e.title} ${e.place || ''} ${e.type} ${e.subType || ''}`.toLowerCase();
    if (!f.words.every((w) => hay.includes(w))) return false;
  }
  return true;
}
