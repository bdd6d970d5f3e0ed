// Joins the map, the feed and the live stream.
import { fetchEvents, subscribe } from './api.js';
import { createMap } from './map.js';
import { createFeed } from './feed.js';

const status = document.getElementById('status');

function select(id, from) {
  feed.highlight(id);
  if (from === 'feed') map.focus(id);
}

const map = createMap(document.getElementById('map'), { onSelect: select });
const feed = createFeed(document.getElementById('feed-list'), document.getElementById('new-items'), { onSelect: select });

async function load() {
  const page = await fetchEvents({ limit: 1000 });
  for (const f of page.features) { map.upsert(f); feed.upsert(f); }
  map.fit();
  document.body.dataset.loaded = 'true';
}

load().catch((e) => { status.textContent = `could not load events: ${e.message}`; });
subscribe({
  onChange(kind, data) {
    if (kind === 'deleted') { map.remove(data.id); feed.remove(data.id); return; }
    map.upsert(data);
    feed.upsert(data, { live: true });
  },
  onStatus(s) { status.textContent = s; },
});
