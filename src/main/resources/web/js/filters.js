// The filter bar: time window, free text, type and sub-type, actor side, state, source; saved views.
// It edits the view state and calls onChange(kind) — 'load' when the server must be asked again (time
// window, text), 'filter' when the browser can filter what it holds.
import { TYPES, STATES, el, typeIcon, sideColor } from './types.js';
import { savedViews, saveView, deleteView } from './state.js';

export function createFilters(form, state, { onChange, onLoadView }) {
  const $ = (sel) => form.querySelector(sel);
  const time = $('#f-time'), from = $('#f-from'), to = $('#f-to'), q = $('#f-q');
  const groups = { type: $('#f-type'), sub: $('#f-sub'), side: $('#f-side'), state: $('#f-state'), src: $('#f-src') };
  const views = $('#f-views'), viewName = $('#f-view-name');
  let options = { type: TYPES.map((t) => t.name), sub: [], side: [], state: STATES, src: [] };
  let labels = { src: new Map() };

  function local(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  }

  function sync() {
    time.value = state.t;
    from.value = local(state.from);
    to.value = local(state.to);
    for (const x of [from, to]) x.closest('label').hidden = state.t !== 'custom';
    if (document.activeElement !== q) q.value = state.q;
    for (const [k, box] of Object.entries(groups)) fillGroup(k, box);
    renderViews();
  }

  function fillGroup(key, box) {
    const list = box.querySelector('.options');
    const chosen = new Set(state[key]);
    const values = [...new Set([...options[key], ...state[key]])];
    list.replaceChildren();
    for (const v of values) {
      const input = el('input', { type: 'checkbox', value: v, checked: chosen.has(v) });
      input.addEventListener('change', () => {
        state[key] = [...list.querySelectorAll('input:checked')].map((i) => i.value);
        summary(box, key);
        onChange(key === 'src' ? 'source' : 'filter');
      });
      const label = el('label', { className: 'option' }, input);
      if (key === 'type') label.append(typeIcon(v));
      if (key === 'side') { const chip = el('span', { className: 'side-chip' }); chip.style.backgroundColor = sideColor(v); label.append(chip); }
      label.append(key === 'src' ? labels.src.get(v) || v : v);
      list.append(label);
    }
    if (!values.length) list.append(el('span', { className: 'muted' }, 'none in the loaded events'));
    summary(box, key);
  }

  function summary(box, key) {
    const n = state[key].length;
    box.querySelector('.count').textContent = n ? ` (${n})` : '';
    box.classList.toggle('active', n > 0);
  }

  time.addEventListener('change', () => {
    state.t = time.value;
    if (state.t === 'custom' && !state.from) state.from = new Date(Date.now() - 86400e3).toISOString();
    if (state.t !== 'custom') { state.from = null; state.to = null; }
    state.at = null;
    sync();
    onChange('load');
  });
  for (const [input, key] of [[from, 'from'], [to, 'to']]) {
    input.addEventListener('change', () => {
      const ms = Date.parse(input.value);
      state[key] = input.value && Number.isFinite(ms) ? new Date(ms).toISOString() : null;
      onChange('load');
    });
  }
  let timer = null;
  q.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = q.value.trim().slice(0, 500); onChange('load'); }, 350);
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); state.q = q.value.trim(); onChange('load'); });
  $('#f-clear').addEventListener('click', () => {
    Object.assign(state, { q: '', type: [], sub: [], side: [], state: [], src: [], at: null });
    sync();
    onChange('load');
  });
  // Escape closes an open drop-down and returns to its summary.
  form.addEventListener('keydown', (e) => {
    const open = e.target.closest('details[open]');
    if (e.key === 'Escape' && open) { open.open = false; open.querySelector('summary').focus(); e.stopPropagation(); }
  });
  document.addEventListener('click', (e) => {
    for (const d of form.querySelectorAll('details[open]')) if (!d.contains(e.target)) d.open = false;
  });

  function renderViews() {
    const current = views.value;
    views.replaceChildren(el('option', { value: '' }, 'Saved views…'));
    for (const v of savedViews()) views.append(el('option', { value: v.name }, v.name));
    views.value = [...views.options].some((o) => o.value === current) ? current : '';
    $('#f-view-delete').disabled = !views.value;
  }
  views.addEventListener('change', () => {
    const v = savedViews().find((x) => x.name === views.value);
    $('#f-view-delete').disabled = !v;
    if (v) onLoadView(v.query);
  });
  $('#f-view-save').addEventListener('click', () => {
    const name = viewName.value.trim();
    if (!name) { viewName.focus(); viewName.setAttribute('aria-invalid', 'true'); return; }
    viewName.removeAttribute('aria-invalid');
    saveView(name, location.search.replace(/^\?/, ''));
    viewName.value = '';
    renderViews();
    views.value = name;
    $('#f-view-delete').disabled = false;
  });
  $('#f-view-delete').addEventListener('click', () => { if (views.value) { deleteView(views.value); renderViews(); } });

  /** New choices seen in the data or the source list. */
  function setOptions(o) {
    if (o.sources) { labels.src = new Map(o.sources.map((s) => [s.id, s.name || s.id])); options.src = o.sources.map((s) => s.id); }
    if (o.types) options.type = [...new Set([...TYPES.map((t) => t.name), ...o.types])];
    if (o.subTypes) options.sub = o.subTypes;
    if (o.sides) options.side = o.sides;
    for (const [k, box] of Object.entries(groups)) if (!box.open) fillGroup(k, box);
  }

  sync();
  return { sync, setOptions };
}
