// The feed beside the map, newest first. New items arriving while the reader is scrolled down are held
// behind an "N new" button so the list does not jump under them.
import { typeStyle, relativeTime } from './types.js';

export function createFeed(listEl, newButton, { onSelect }) {
  const items = new Map();
  let held = [];

  function render(feature) {
    const p = feature.properties;
    const li = document.createElement('li');
    li.className = 'feed-item';
    li.tabIndex = 0;
    li.dataset.eventId = feature.id;
    const meta = document.createElement('div');
    meta.className = 'meta';
    const type = document.createElement('span');
    type.textContent = `${typeStyle(p.type).letter} ${p.type}${p.subType ? ' · ' + p.subType : ''}`;
    const state = document.createElement('span');
    state.className = `badge state-${p.state}`;
    state.textContent = p.state;
    const when = document.createElement('time');
    when.dateTime = p.time.start;
    when.textContent = relativeTime(p.time.start);
    const where = document.createElement('span');
    where.textContent = feature.geometry ? (p.location?.name || 'located') : 'unlocated';
    meta.append(type, state, when, where);
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = p.title;
    const sources = document.createElement('div');
    sources.className = 'meta';
    sources.textContent = `${p.sourceCount} source(s), ${p.reportCount} report(s)`;
    li.append(meta, title, sources);
    li.addEventListener('click', () => onSelect(feature.id, 'feed'));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') onSelect(feature.id, 'feed'); });
    return li;
  }

  function upsert(feature, { live = false } = {}) {
    const existing = items.get(feature.id);
    const li = render(feature);
    if (existing) { existing.replaceWith(li); items.set(feature.id, li); return; }
    if (live && listEl.parentElement.scrollTop > 40) {
      held.push([feature.id, li]);
      newButton.hidden = false;
      newButton.textContent = `${held.length} new`;
      return;
    }
    items.set(feature.id, li);
    insertSorted(li, feature.properties.time.start);
  }

  function insertSorted(li, start) {
    li.dataset.start = start;
    const after = [...listEl.children].find((c) => c.dataset.start < start);
    listEl.insertBefore(li, after || null);
  }

  newButton.addEventListener('click', () => {
    for (const [id, li] of held) { items.set(id, li); insertSorted(li, li.querySelector('time').dateTime); }
    held = [];
    newButton.hidden = true;
    listEl.parentElement.scrollTop = 0;
  });

  function remove(id) { items.get(id)?.remove(); items.delete(id); }

  function highlight(id) {
    for (const li of listEl.querySelectorAll('.highlight')) li.classList.remove('highlight');
    const li = items.get(id);
    if (li) { li.classList.add('highlight'); li.scrollIntoView({ block: 'nearest' }); }
  }

  return { upsert, remove, highlight, count: () => items.size };
}
