// The feed beside the map, newest first. It renders the filtered list a page at a time (the rest on
// scroll), so 50,000 events cost the DOM a hundred items. Events that arrive live while the reader is
// scrolled down or reading are held behind an "N new" button so the list does not jump under them.
// Sources, links and thumbnails come from each event's detail, fetched only for items that scroll into view.
import { typeIcon, relativeTime, utc, el, safeUrl } from './types.js';
import { fetchEvent } from './api.js';

const PAGE = 100;
const PARALLEL = 3;

export function createFeed(scroller, listEl, newButton, { onSelect }) {
  let list = [];                 // the filtered events, newest first
  let shown = 0;                 // how many of them are rendered
  const nodes = new Map();       // id -> li
  let held = new Set();          // ids of live events not yet shown
  let highlighted = null;
  const details = new Map();     // id -> Promise of detail
  const queue = [];
  let running = 0;

  const more = el('li', { className: 'feed-more' }, el('button', { type: 'button', className: 'linkish', onclick: () => renderMore() }, 'Show more'));
  const empty = el('li', { className: 'feed-empty' }, 'No events match these filters.');

  const seen = new IntersectionObserver((entries) => {
    for (const en of entries) {
      if (!en.isIntersecting) continue;
      if (en.target === more) { renderMore(); continue; }
      seen.unobserve(en.target);
      enqueue(en.target.dataset.eventId);
    }
  }, { root: scroller, rootMargin: '200px' });

  function item(e) {
    const li = el('li', { className: 'feed-item', tabIndex: 0, dataset: { eventId: e.id }, 'aria-label': `${e.title}, ${e.type}, ${e.state}` },
      el('div', { className: 'meta' },
        typeIcon(e.type),
        el('span', { className: 'type' }, e.subType ? `${e.type} · ${e.subType}` : e.type),
        el('span', { className: `badge state-${e.state}` }, e.state),
        el('time', { dateTime: new Date(e.start).toISOString(), title: utc(e.start), dataset: { ms: String(e.start) } }, relativeTime(e.start))),
      el('div', { className: 'title' }, e.title || '(no title)'),
      el('div', { className: 'meta where' },
        el('span', {}, e.lat == null ? 'not located' : e.place || `${e.lat.toFixed(3)}, ${e.lon.toFixed(3)}`),
        el('span', {}, `${e.sourceCount} source${e.sourceCount === 1 ? '' : 's'}`)),
      el('div', { className: 'sources meta' }));
    if (e.id === highlighted) li.classList.add('highlight');
    li.addEventListener('click', (ev) => { if (!ev.target.closest('a')) onSelect(e.id, 'feed'); });
    li.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' && ev.target === li) { ev.preventDefault(); onSelect(e.id, 'feed'); } });
    const d = details.get(e.id);
    if (d) d.then((x) => fill(li, x)).catch(() => {}); else seen.observe(li);
    return li;
  }

  function enqueue(id) {
    if (details.has(id) || !id) return;
    queue.push(id);
    pump();
  }

  function pump() {
    while (running < PARALLEL && queue.length) {
      const id = queue.shift();
      if (details.has(id)) continue;
      running++;
      const p = fetchEvent(id);
      details.set(id, p);
      p.then((d) => { const li = nodes.get(id); if (li) fill(li, d); })
        .catch(() => details.delete(id))
        .finally(() => { running--; pump(); });
    }
  }

  // Source names with links to the reports, and the first picture any report carries.
  function fill(li, detail) {
    const box = li.querySelector('.sources');
    if (!box || box.dataset.filled) return;
    box.dataset.filled = 'true';
    const reports = detail.properties.reports || [];
    const names = new Map();
    let thumb = null;
    for (const r of reports) {
      const name = r.source?.name || r.source?.id || r.report.sourceId;
      if (!names.has(name)) names.set(name, safeUrl(r.report.url));
      if (!thumb) for (const m of r.report.media || []) { const u = safeUrl(m); if (u) { thumb = u; break; } }
    }
    for (const [name, url] of [...names].slice(0, 4)) {
      box.append(url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' }, name) : el('span', {}, name));
    }
    if (names.size > 4) box.append(el('span', {}, `+${names.size - 4} more`));
    if (thumb) {
      const img = el('img', { className: 'thumb', src: thumb, alt: '', loading: 'lazy', referrerpolicy: 'no-referrer', decoding: 'async', width: 64, height: 48 });
      img.addEventListener('error', () => img.remove());
      li.querySelector('.title').before(img);
    }
  }

  function render(newList) {
    list = newList;
    held.clear();
    updateNew();
    nodes.clear();
    seen.disconnect();
    listEl.replaceChildren();
    shown = 0;
    renderMore();
  }

  function renderMore(upTo = shown + PAGE) {
    more.remove(); empty.remove();
    const frag = document.createDocumentFragment();
    const end = Math.min(list.length, upTo);
    for (; shown < end; shown++) {
      const e = list[shown];
      if (held.has(e.id)) continue;
      const li = item(e);
      nodes.set(e.id, li);
      frag.append(li);
    }
    listEl.append(frag);
    if (shown < list.length) { listEl.append(more); seen.observe(more); }
    if (!list.length) listEl.append(empty);
    listEl.dataset.count = String(nodes.size);
  }

  // Live: a created event that passes the filters. Inserted in place when the reader is at the top and not
  // busy in the list; otherwise held.
  function addLive(e, newList) {
    list = newList;
    const reading = scroller.scrollTop > 40 || scroller.contains(document.activeElement);
    if (reading) { held.add(e.id); updateNew(); return; }
    insert(e);
  }

  function insert(e) {
    const idx = list.indexOf(e);
    if (idx < 0 || idx > shown) return; // below the rendered part: it will render with "show more"
    const li = item(e);
    nodes.set(e.id, li);
    let next = null;
    for (let i = idx + 1; i < list.length && i <= shown; i++) { next = nodes.get(list[i].id); if (next) break; }
    listEl.insertBefore(li, next || (more.parentNode ? more : null));
    shown++;
    empty.remove();
    listEl.dataset.count = String(nodes.size);
  }

  // Updated events change in place: same position (the list order is by event time), new content.
  function update(e) {
    const old = nodes.get(e.id);
    if (!old) return;
    details.delete(e.id);
    const li = item(e);
    nodes.set(e.id, li);
    old.replaceWith(li);
  }

  function remove(id) {
    nodes.get(id)?.remove();
    nodes.delete(id);
    if (held.delete(id)) updateNew();
  }

  function updateNew() {
    newButton.hidden = held.size === 0;
    newButton.textContent = `${held.size} new event${held.size === 1 ? '' : 's'} — show`;
  }

  newButton.addEventListener('click', () => {
    const ids = [...held];
    held.clear();
    updateNew();
    for (const id of ids) { const e = list.find((x) => x.id === id); if (e && !nodes.has(id)) insert(e); }
    scroller.scrollTop = 0;
    nodes.get(ids[0])?.focus({ preventScroll: true });
  });

  function highlight(id, { scroll = true } = {}) {
    highlighted = id;
    for (const li of listEl.querySelectorAll('.highlight')) { li.classList.remove('highlight'); li.removeAttribute('aria-current'); }
    if (!id) return;
    let li = nodes.get(id);
    if (!li) {
      const idx = list.findIndex((e) => e.id === id);
      if (idx >= 0 && idx < 5000) { renderMore(idx + 1); li = nodes.get(id); }
    }
    if (li) {
      li.classList.add('highlight');
      li.setAttribute('aria-current', 'true');
      if (scroll) li.scrollIntoView({ block: 'nearest' });
    }
  }

  // Relative times drift: refresh them twice a minute.
  setInterval(() => { for (const t of listEl.querySelectorAll('time[data-ms]')) t.textContent = relativeTime(Number(t.dataset.ms)); }, 30000);

  return { render, addLive, update, remove, highlight, detail: (id) => details.get(id), heldCount: () => held.size };
}
