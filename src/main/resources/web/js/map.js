// The Leaflet map. Events are clustered on a screen grid computed here (Web-Mercator positions are
// precomputed per event, so a redraw with 50,000 events is one pass of arithmetic), and only what the
// grid yields for the view becomes DOM markers: at most a few hundred, however many events there are.
// The selected event is always drawn on its own, above the clusters. Text goes into the DOM only as text.
import { typeStyle, sideColor, el, utc } from './types.js';
import { createHeatLayer } from './heat.js';
import { toGeoJSON } from './topo.js';

const CELL = 60;          // cluster cell in screen pixels
const MAX_ZOOM = 18;
const LIST_MAX = 30;      // events listed in a cluster's popup at the highest zoom

export function createMap(element, { onSelect, onView, config }) {
  const map = L.map(element, { maxZoom: MAX_ZOOM, minZoom: 2, worldCopyJump: true, keyboard: true, preferCanvas: true })
    .setView([35.5, 37.0], 6);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener noreferrer">Leaflet</a>');
  baseLayer(map, config, element);

  const markers = L.layerGroup().addTo(map);
  const heat = createHeatLayer();
  let events = [];            // filtered, located or not
  let selected = null;        // the selected event record
  let heatOn = false;

  function setEvents(list) {
    events = list;
    if (selected) selected = list.find((e) => e.id === selected.id) || selected;
    heat.setPoints(list);
    redraw();
  }

  function redraw() {
    const t0 = performance.now();
    markers.clearLayers();
    if (heatOn) { if (selected?.mx !== undefined) markers.addLayer(eventMarker(selected, true)); return; }
    const zoom = map.getZoom();
    const world = 256 * 2 ** zoom;
    const b = map.getPixelBounds();
    const pad = CELL;
    const cx = (b.min.x + b.max.x) / 2;
    const cells = new Map();
    for (const e of events) {
      if (e.mx === undefined || (selected && e.id === selected.id)) continue;
      let x = e.mx * world;
      const y = e.my * world;
      // Bring points on another copy of the world into the viewed copy.
      x += Math.round((cx - x) / world) * world;
      if (x < b.min.x - pad || x > b.max.x + pad || y < b.min.y - pad || y > b.max.y + pad) continue;
      const key = `${Math.floor(x / CELL)}:${Math.floor(y / CELL)}`;
      let c = cells.get(key);
      if (!c) { c = { n: 0, sx: 0, sy: 0, items: [], minLat: 90, maxLat: -90, minLon: 360, maxLon: -360 }; cells.set(key, c); }
      c.n++; c.sx += x; c.sy += y;
      if (c.items.length < LIST_MAX) c.items.push(e);
      if (e.lat < c.minLat) c.minLat = e.lat; if (e.lat > c.maxLat) c.maxLat = e.lat;
      if (e.lon < c.minLon) c.minLon = e.lon; if (e.lon > c.maxLon) c.maxLon = e.lon;
    }
    const layers = [];
    for (const c of cells.values()) {
      if (c.n === 1) layers.push(eventMarker(c.items[0], false));
      else layers.push(clusterMarker(c, map.unproject([c.sx / c.n, c.sy / c.n], zoom)));
    }
    if (selected?.mx !== undefined) layers.push(eventMarker(selected, true));
    for (const l of layers) markers.addLayer(l);
    element.dataset.markers = String(layers.length);
    element.dataset.redrawMs = (performance.now() - t0).toFixed(1);
  }

  function eventMarker(e, isSelected) {
    const t = typeStyle(e.type);
    // The icon's markup is static (type SVG); the colour comes from our palette, not from event text.
    const icon = L.divIcon({ className: `ev-icon ${t.css}${isSelected ? ' selected' : ''}`, html: t.svg, iconSize: [24, 24] });
    const m = L.marker([e.lat, e.lon], { icon, keyboard: true, zIndexOffset: isSelected ? 1000 : 0, riseOnHover: true });
    m.on('add', () => {
      const node = m.getElement();
      node.style.backgroundColor = sideColor(e.side);
      node.dataset.eventId = e.id;
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', `${e.type}: ${e.title}`);
      node.title = `${e.title}\n${e.type} · ${e.state} · ${utc(e.start)}`;
      node.classList.add(`state-${e.state}`);
    });
    m.on('click', () => onSelect(e.id, 'map'));
    return m;
  }

  function clusterMarker(c, latlng) {
    const size = c.n < 10 ? 'small' : c.n < 100 ? 'medium' : 'large';
    const icon = L.divIcon({ className: `marker-cluster marker-cluster-${size}`, html: `<div><span>${c.n}</span></div>`, iconSize: [40, 40] });
    const m = L.marker(latlng, { icon, keyboard: true });
    m.on('add', () => {
      const node = m.getElement();
      node.setAttribute('role', 'button');
      node.setAttribute('aria-label', `${c.n} events here; zoom in`);
    });
    m.on('click', () => {
      const samePlace = c.maxLat - c.minLat < 1e-6 && c.maxLon - c.minLon < 1e-6;
      if (map.getZoom() >= MAX_ZOOM || samePlace) { m.bindPopup(clusterList(c), { maxWidth: 320 }).openPopup(); return; }
      map.fitBounds([[c.minLat, c.minLon], [c.maxLat, c.maxLon]], { padding: [40, 40], maxZoom: Math.min(MAX_ZOOM, map.getZoom() + 4) });
    });
    return m;
  }

  function clusterList(c) {
    const list = el('ul', { className: 'cluster-list' });
    for (const e of c.items) {
      list.append(el('li', {}, el('button', { type: 'button', className: 'linkish', onclick: () => { map.closePopup(); onSelect(e.id, 'map'); } },
        `${e.title || '(no title)'} — ${utc(e.start)}`)));
    }
    return el('div', {}, el('strong', {}, `${c.n} events at this place`), list,
      c.n > c.items.length ? el('div', { className: 'muted' }, `and ${c.n - c.items.length} more: filter or use the feed`) : null);
  }

  function select(e, { fly = false } = {}) {
    selected = e;
    redraw();
    if (fly && e && e.lat != null) map.flyTo([e.lat, e.lon], Math.max(map.getZoom(), 11), { duration: 0.6 });
  }

  function setHeat(on) {
    heatOn = on;
    if (on) map.addLayer(heat); else map.removeLayer(heat);
    element.dataset.heat = String(on);
    redraw();
  }

  function fit(list) {
    const pts = list.filter((e) => e.lat != null);
    if (!pts.length) return;
    let s = 90, n = -90, w = 180, ea = -180;
    for (const e of pts) { s = Math.min(s, e.lat); n = Math.max(n, e.lat); w = Math.min(w, e.lon); ea = Math.max(ea, e.lon); }
    map.fitBounds([[s, w], [n, ea]], { padding: [30, 30], maxZoom: 11, animate: false });
  }

  map.on('moveend', () => { redraw(); onView(map.getZoom(), map.getCenter()); });
  return { setEvents, select, setHeat, fit, redraw, leaflet: map };
}

function baseLayer(map, config, element) {
  const tiles = config?.tiles;
  if (tiles && tiles.url) {
    element.dataset.base = 'tiles';
    // Attribution is plain text from the server's settings: escape it, Leaflet inserts it as HTML.
    const credit = document.createElement('span');
    credit.textContent = tiles.attribution || '';
    L.tileLayer(tiles.url, { maxZoom: MAX_ZOOM, attribution: credit.innerHTML, crossOrigin: false, referrerPolicy: 'no-referrer' }).addTo(map);
    return;
  }
  element.dataset.base = 'borders';
  element.classList.add('offline');
  const renderer = L.canvas({ padding: 0.2 });
  fetch(config?.borders || '/data/countries-50m.topo.json')
    .then((r) => { if (!r.ok) throw new Error(`HTTP ${r.status}`); return r.json(); })
    .then((topo) => {
      const layer = L.geoJSON(toGeoJSON(topo, 'countries'), {
        renderer, interactive: false,
        style: { color: '#7b8794', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
        attribution: 'Borders: Natural Earth (public domain)',
      });
      layer.addTo(map);
      layer.bringToBack();
      element.dataset.bordersLoaded = 'true';
    })
    .catch((e) => { element.dataset.bordersLoaded = `failed: ${e.message}`; });
}
