// Joins the map, the feed, the filters, the timeline, the detail panel and the live stream around one
// view state that lives in the URL.
import { fetchConfig, fetchMapPage, fetchSources, fetchReports, fetchEvent, subscribe } from './api.js';
import { fromRow, fromFeature, matches, compare } from './data.js';
import { parse, serialize, timeWindow, PRESETS } from './state.js';
import { createMap } from './map.js';
import { createFeed } from './feed.js';
import { createDetail } from './detail.js';
import { createFilters } from './filters.js';
import { createTimeline } from './timeline.js';
import { createAnalyst } from './analyst.js';

const MAX_EVENTS = 200_000;           // the page stops loading past this and says so
const FIRST_PAGE = 2000;              // small first page: the map draws while the rest loads
const PAGE = 10_000;

const $ = (id) => document.getElementById(id);
const status = $('status');
const state = parse(location.search);
const all = new Map();                // id -> event record
let filtered = [];
let sourceReports = null;             // Set of report ids when a source filter is on
let loadGen = 0;
let truncated = false;
let metrics = { start: performance.now() };
const errors = [];
window.sitrep = { metrics, state, errors };   // read by the browser tests and the benchmark
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.stack || e.reason)));

const config = await fetchConfig().catch(() => ({ tiles: { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' } }));

const map = createMap($('map'), {
  config,
  onSelect: (id, from) => select(id, from),
  onView: (z, c) => { Object.assign(state, { z, lat: c.lat, lon: c.lng }); writeUrl(); },
});
const feed = createFeed($('feed'), $('feed-list'), $('new-items'), { onSelect: (id, from) => select(id, from) });
const analyst = createAnalyst($('account'), $('login-dialog'), {
  pickPoint,
  onChanged: (id) => { if (id && detail.current() === id) detail.refresh(); },
});
const detail = createDetail($('detail'), {
  analyst,
  onOpen: (id) => select(id, 'detail'),
  onClose: () => { state.ev = null; map.select(null); feed.highlight(null); writeUrl(); layoutChanged(); },
});
const filters = createFilters($('filters'), state, {
  onChange: (kind) => changed(kind),
  onLoadView: (query) => { history.replaceState(null, '', `?${query}`); Object.assign(state, parse(`?${query}`)); filters.sync(); applyView(); changed('source'); },
});
const timeline = createTimeline($('timeline'), {
  onRange: (a, b) => { Object.assign(state, { t: 'custom', from: new Date(a).toISOString(), to: new Date(b).toISOString(), at: null }); filters.sync(); changed('load'); },
  onMoment: (m) => { state.at = m == null ? null : new Date(m).toISOString(); changed('moment'); },
  onBucket: (b) => { state.bucket = b; changed('filter'); },
});

function writeUrl() {
  const q = serialize(state);
  if (q !== location.search.replace(/^\?/, '')) history.replaceState(null, '', q ? `?${q}` : location.pathname);
  exportLinks();
}

// The server's exports and Atom feed take the filters it understands (time, type or sub-type, state, text).
function exportLinks() {
  const w = timeWindow(state);
  const p = new URLSearchParams();
  if (w.from) p.set('from', new Date(w.from).toISOString());
  if (w.to) p.set('to', new Date(w.to).toISOString());
  const types = [...state.type, ...state.sub];
  if (types.length) p.set('type', types.join(','));
  if (state.state.length) p.set('state', state.state.join(','));
  if (state.q) p.set('q', state.q);
  for (const a of document.querySelectorAll('#exports a[data-path]')) a.href = `${a.dataset.path}?${p}`;
}

function applyView() {
  if (state.z != null) map.leaflet.setView([state.lat, state.lon], state.z, { animate: false });
}

function currentFilters() {
  const w = timeWindow(state);
  return {
    types: new Set(state.type), subTypes: new Set(state.sub), sides: new Set(state.side), states: new Set(state.state),
    sourceReports, from: w.from, to: w.to, at: state.at ? Date.parse(state.at) : null,
    words: state.q ? state.q.toLowerCase().split(/\s+/).filter(Boolean) : null,
  };
}

// Filters what the page holds and redraws everything. ~20 ms for 50,000 events.
function apply({ keepFeed = false } = {}) {
  const t0 = performance.now();
  const f = currentFilters();
  const noMoment = { ...f, at: null };
  const inWindow = [];
  filtered = [];
  for (const e of all.values()) {
    if (!matches(e, noMoment)) continue;
    inWindow.push(e);
    if (f.at == null || (e.firstSeen <= f.at && e.start <= f.at)) filtered.push(e);
  }
  filtered.sort(compare);
  map.setEvents(filtered);
  if (!keepFeed) feed.render(filtered);
  if (state.ev) feed.highlight(state.ev, { scroll: false });
  timeline.setData(inWindow, { ...timeWindow(state), bucket: state.bucket, at: f.at });
  const located = filtered.reduce((n, e) => n + (e.lat != null ? 1 : 0), 0);
  $('count').textContent = `${filtered.length.toLocaleString('en')} events${filtered.length !== located ? ` (${(filtered.length - located).toLocaleString('en')} not located)` : ''}${truncated ? ` — first ${MAX_EVENTS.toLocaleString('en')} loaded; narrow the time window` : ''}`;
  document.body.dataset.filtered = String(filtered.length);
  metrics.lastApplyMs = performance.now() - t0;
  writeUrl();
}

function options() {
  const types = new Set(), subs = new Set(), sides = new Set();
  for (const e of all.values()) { types.add(e.type); if (e.subType) subs.add(e.subType); sides.add(e.side); }
  filters.setOptions({ types: [...types].sort(), subTypes: [...subs].sort(), sides: [...sides].sort() });
}

async function load() {
  const gen = ++loadGen;
  document.body.dataset.loaded = 'false';
  status.textContent = 'loading…';
  all.clear();
  truncated = false;
  const w = timeWindow(state);
  const params = { from: w.from ? new Date(w.from).toISOString() : null, to: w.to ? new Date(w.to).toISOString() : null, q: state.q || null };
  let first = true;
  const t0 = performance.now();
  let next = fetchMapPage({ ...params, pageSize: FIRST_PAGE });
  while (next) {
    const page = await next;
    if (gen !== loadGen) return;
    let cursor = page.nextCursor;
    if (all.size + page.rows.length >= MAX_EVENTS && cursor) { truncated = true; cursor = null; }
    // Ask for the next page before drawing this one: the server reads while the browser draws.
    next = cursor ? fetchMapPage({ ...params, cursor, pageSize: PAGE }) : null;
    for (const row of page.rows) { const e = fromRow(page.columns, row); all.set(e.id, e); }
    apply();
    if (first) {
      first = false;
      if (state.z == null) map.fit(filtered);
      metrics.firstRenderMs = performance.now() - t0;
      metrics.firstRenderAt = performance.now(); // since navigation start
      document.body.dataset.firstRender = 'true';
    }
    status.textContent = next ? `loading… ${all.size.toLocaleString('en')}` : streamStatus;
  }
  metrics.loadedMs = performance.now() - t0;
  metrics.loadedAt = performance.now();
  metrics.loaded = all.size;
  options();
  document.body.dataset.loaded = 'true';
}

async function loadSourceFilter() {
  if (!state.src.length) { sourceReports = null; return; }
  const ids = new Set();
  for (const src of state.src) {
    let cursor = null, pages = 0;
    do {
      const page = await fetchReports({ source: src, limit: 1000, cursor });
      for (const r of page.reports) ids.add(r.id);
      cursor = page.nextCursor || null;
    } while (cursor && ++pages < 20);
  }
  sourceReports = ids;
}

let queued = Promise.resolve();
function changed(kind) {
  // One change at a time, in order: a slow load must not overwrite a newer filter.
  queued = queued.then(async () => {
    if (kind === 'load') { await load(); return; }
    if (kind === 'source') await loadSourceFilter();
    const t0 = performance.now();
    apply();
    metrics.filterMs = performance.now() - t0;
  }).catch((e) => { status.textContent = `error: ${e.message}`; });
  return queued;
}
window.sitrep.changed = changed;

function select(id, from) {
  if (!id) return;
  state.ev = id;
  writeUrl();
  const e = all.get(id);
  map.select(e || null, { fly: from !== 'map' });
  feed.highlight(id, { scroll: true });
  detail.open(id, { focus: from === 'feed' });
  layoutChanged();
}

function layoutChanged() {
  setTimeout(() => map.leaflet.invalidateSize({ pan: false }), 0);
}

// Move the pin: the next click on the map gives the new place; Escape cancels.
function pickPoint() {
  return new Promise((resolve) => {
    const el = $('map');
    el.classList.add('picking');
    const done = (v) => { el.classList.remove('picking'); map.leaflet.off('click', onClick); document.removeEventListener('keydown', onKey, true); resolve(v); };
    const onClick = (e) => done(e.latlng);
    const onKey = (e) => { if (e.key === 'Escape') { e.stopPropagation(); done(null); } };
    map.leaflet.on('click', onClick);
    document.addEventListener('keydown', onKey, true);
  });
}

// Live updates.
let streamStatus = 'connecting…';
async function onLive(kind, data) {
  if (kind === 'deleted') {
    all.delete(data.id);
    filtered = filtered.filter((e) => e.id !== data.id);
    map.setEvents(filtered);
    feed.remove(data.id);
    return;
  }
  const e = fromFeature(data);
  const old = all.get(e.id);
  e.reportIds = old?.reportIds ?? null;
  e.live = !old || old.live;
  if (sourceReports && !e.reportIds) {
    // The stream does not list report ids; the detail does.
    const d = await fetchEvent(e.id).catch(() => null);
    if (d) e.reportIds = (d.properties.reports || []).map((r) => r.report.id);
  }
  all.set(e.id, e);
  const f = currentFilters();
  const wasShown = old && filtered.includes(old);
  const shown = matches(e, f);
  if (wasShown) filtered = filtered.filter((x) => x !== old);
  if (shown) { filtered.push(e); filtered.sort(compare); }
  map.setEvents(filtered);
  if (wasShown && shown) feed.update(e);
  else if (wasShown) feed.remove(e.id);
  else if (shown) feed.addLive(e, filtered);
  // Refresh the open detail, unless the reader is typing in it (a note, a merge id).
  if (detail.current() === e.id && !(document.activeElement?.closest('#detail') && /INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName))) detail.refresh();
  const w = timeWindow(state);
  timeline.setData(filtered, { ...w, bucket: state.bucket, at: f.at });
  $('count').textContent = `${filtered.length.toLocaleString('en')} events`;
}

const stream = subscribe({
  onChange: (kind, data) => { onLive(kind, data).catch(() => {}); },
  onStatus: (s) => { streamStatus = s; if (document.body.dataset.loaded === 'true') status.textContent = s; },
});
// Close the stream when leaving: a page kept in the back-forward cache would otherwise hold one of the
// browser's six connections to the server, and after a few navigations new requests queue behind them.
addEventListener('pagehide', () => stream.close());
addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });

// Keyboard: Escape closes the detail; "/" jumps to the search box.
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && !$('detail').hidden && !e.defaultPrevented) detail.close();
  if (e.key === '/' && !/INPUT|TEXTAREA|SELECT/.test(document.activeElement.tagName)) { e.preventDefault(); $('f-q').focus(); }
});
$('toggle-filters').addEventListener('click', () => {
  const f = $('filters');
  const open = f.classList.toggle('open');
  $('toggle-filters').setAttribute('aria-expanded', String(open));
  layoutChanged();
});
$('heat').addEventListener('click', () => {
  state.heat = !state.heat;
  $('heat').setAttribute('aria-pressed', String(state.heat));
  map.setHeat(state.heat);
  writeUrl();
});
$('copy-link').addEventListener('click', async () => {
  try { await navigator.clipboard.writeText(location.href); $('copy-link').textContent = 'Link copied'; } catch { $('copy-link').textContent = 'Copy the address bar'; }
  setTimeout(() => { $('copy-link').textContent = 'Copy link'; }, 2000);
});
// Relative windows ("last hour") move with the clock: re-filter every minute.
setInterval(() => { if (state.t in PRESETS && document.body.dataset.loaded === 'true') apply({ keepFeed: true }); }, 60_000);

applyView();
$('heat').setAttribute('aria-pressed', String(state.heat));
if (state.heat) map.setHeat(true);
analyst.init();
fetchSources().then((s) => filters.setOptions({ sources: s })).catch(() => {});
if (state.src.length) await loadSourceFilter().catch((e) => { status.textContent = `source filter: ${e.message}`; });
await changed('load');
if (state.ev) select(state.ev, 'url');
