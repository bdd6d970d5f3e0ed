// Event types -> icon and colour class; actor sides -> colours; times in words. Shared by map, feed and detail.
// Icons are static SVG written here: no event text ever goes into these strings.

const SVG = (body) => `<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${body}</svg>`;

export const TYPES = [
  { name: 'Battles', css: 'type-battles', letter: 'B',
    // crossed swords
    svg: SVG('<path d="M2 2l8 8M14 2l-8 8M9 11l2 2M7 11l-2 2M12 10l-2 3M4 10l2 3" stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round"/>') },
  { name: 'Explosions/Remote violence', css: 'type-explosions', letter: 'E',
    // burst
    svg: SVG('<path d="M8 1l1.6 4 4-1.6-1.9 3.8L15 8.9l-4.1.9.9 4.2-3.8-2.3L4.6 15l.4-4.3L1 9.4l3.7-2.1L3 3.4l3.9 1.8z" fill="currentColor"/>') },
  { name: 'Violence against civilians', css: 'type-violence', letter: 'V',
    // person
    svg: SVG('<circle cx="8" cy="4" r="2.6" fill="currentColor"/><path d="M3 15c0-4 2.2-6.5 5-6.5s5 2.5 5 6.5z" fill="currentColor"/>') },
  { name: 'Protests', css: 'type-protests', letter: 'P',
    // flag
    svg: SVG('<path d="M3 15V1.5M3 2h9l-2 3.2L12 8.5H3" stroke="currentColor" stroke-width="1.8" fill="currentColor" stroke-linejoin="round"/>') },
  { name: 'Riots', css: 'type-riots', letter: 'R',
    // flame
    svg: SVG('<path d="M8 1c1 3 4.5 4.5 4.5 8.5A4.5 4.5 0 0 1 3.5 9.5C3.5 7 5 6 5.5 4.5 6.5 6 7 6.5 7.5 6.5 7.5 4.5 7 3 8 1z" fill="currentColor"/>') },
  { name: 'Strategic developments', css: 'type-strategic', letter: 'S',
    // diamond
    svg: SVG('<path d="M8 1.5L14.5 8 8 14.5 1.5 8z" fill="currentColor"/>') },
];
const OTHER = { name: 'Unclassified', css: 'type-other', letter: '?',
  svg: SVG('<circle cx="8" cy="8" r="3.5" fill="currentColor"/>') };

const BY_NAME = new Map(TYPES.map((t) => [t.name, t]));

export function typeStyle(type) {
  return BY_NAME.get(type) || OTHER;
}

// Sides are defined by each deployment ("ru", "ua", "sy-gov", ...), so colours come from a fixed palette by a
// stable hash of the name: the same side keeps its colour across reloads and machines.
const PALETTE = ['#c53030', '#2b6cb0', '#2f855a', '#b7791f', '#6b46c1', '#c05621', '#0987a0', '#b83280', '#4a5568', '#718096'];
const UNKNOWN_SIDE = '#5a6470';

export function sideColor(side) {
  if (!side || side === 'unknown') return UNKNOWN_SIDE;
  let h = 2166136261;
  for (let i = 0; i < side.length; i++) { h ^= side.charCodeAt(i); h = Math.imul(h, 16777619); }
  return PALETTE[(h >>> 0) % (PALETTE.length - 1)];
}

export const STATES = ['pending', 'corroborated', 'verified', 'disputed', 'rejected'];

export function relativeTime(ms, now = Date.now()) {
  const s = Math.round((now - ms) / 1000);
  if (s < -60) return `in ${Math.round(-s / 60)} min`;
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86400)} d ago`;
}

const FMT = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false });

export function utc(ms) {
  return `${FMT.format(new Date(ms))} UTC`;
}

/** Only http(s) URLs become links or images; anything else (javascript:, data:) is dropped. */
export function safeUrl(u) {
  if (typeof u !== 'string' || u.length > 2000) return null;
  try {
    const url = new URL(u, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch { return null; }
}

/** Small DOM builder: el('div', {className: 'x'}, child, 'text') — strings are added as text nodes, never as HTML. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'className' || k === 'textContent' || k === 'hidden' || k === 'tabIndex' || k === 'value' || k === 'checked' || k === 'type' || k === 'disabled') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/** A type icon element: the static SVG for the type (never event text). */
export function typeIcon(type) {
  const t = typeStyle(type);
  const span = document.createElement('span');
  span.className = `type-icon ${t.css}`;
  span.innerHTML = t.svg; // static markup from TYPES above
  span.setAttribute('aria-hidden', 'true');
  return span;
}
