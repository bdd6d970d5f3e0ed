// The Leaflet map: one marker per located event, clustered. Text goes into the DOM only as text.
import { typeStyle } from './types.js';

export function createMap(element, { onSelect }) {
  const map = L.map(element, { maxZoom: 18, worldCopyJump: true }).setView([35.5, 37.0], 6);
  L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 18,
    attribution: '&copy; OpenStreetMap contributors',
  }).addTo(map);
  const cluster = L.markerClusterGroup({ maxClusterRadius: 40 });
  map.addLayer(cluster);
  const markers = new Map();

  function upsert(feature) {
    remove(feature.id);
    if (!feature.geometry) return;
    const [lon, lat] = feature.geometry.coordinates;
    const style = typeStyle(feature.properties.type);
    const icon = L.divIcon({ className: '', html: '', iconSize: [22, 22] });
    const marker = L.marker([lat, lon], { icon, title: feature.properties.title, keyboard: true });
    marker.on('add', () => decorate(marker, style));
    marker.on('click', () => onSelect(feature.id, 'map'));
    const popup = document.createElement('div');
    const title = document.createElement('strong');
    title.textContent = feature.properties.title;
    const meta = document.createElement('div');
    meta.textContent = `${feature.properties.type} · ${feature.properties.state} · ${feature.properties.sourceCount} source(s)`;
    popup.append(title, meta);
    marker.bindPopup(popup);
    marker.feature = feature;
    markers.set(feature.id, marker);
    cluster.addLayer(marker);
  }

  function decorate(marker, style) {
    const el = marker.getElement();
    if (!el) return;
    el.classList.add('ev-icon', style.css);
    el.dataset.eventId = marker.feature.id;
    el.textContent = style.letter;
  }

  function remove(id) {
    const m = markers.get(id);
    if (m) { cluster.removeLayer(m); markers.delete(id); }
  }

  function focus(id) {
    const m = markers.get(id);
    if (!m) return;
    cluster.zoomToShowLayer(m, () => m.openPopup());
  }

  function fit() {
    if (markers.size) map.fitBounds(cluster.getBounds(), { padding: [30, 30], maxZoom: 11 });
  }

  return { upsert, remove, focus, fit, count: () => markers.size, leaflet: map };
}
