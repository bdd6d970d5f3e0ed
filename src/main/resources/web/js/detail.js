// The event detail panel: where and when (with precision and the reason), what, who, how many, every
// report with its source and grade (copies folded under their original), claims and denials side by side,
// wave membership and history when the API provides them. All text is set as text.
import { fetchEvent, fetchHistory } from './api.js';
import { typeIcon, sideColor, utc, el, safeUrl, relativeTime } from './types.js';

export function createDetail(panel, { onClose, onOpen, analyst }) {
  const body = panel.querySelector('.detail-body');
  const closeBtn = panel.querySelector('.detail-close');
  let current = null;
  let returnFocus = null;

  closeBtn.addEventListener('click', () => close());
  panel.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } });

  async function open(id, { focus = true } = {}) {
    if (!panel.hidden && current === id) return;
    current = id;
    if (focus && !panel.contains(document.activeElement)) returnFocus = document.activeElement;
    const status = panel.querySelector('#action-status');
    if (status && status.dataset.eventId !== id) { status.textContent = ''; status.hidden = true; status.dataset.eventId = id; }
    panel.hidden = false;
    panel.dataset.eventId = id;
    delete panel.dataset.loaded;
    body.replaceChildren(el('p', { className: 'muted' }, 'Loading…'));
    try {
      const d = await fetchEvent(id);
      if (current !== id) return;
      body.replaceChildren(...render(d, onOpen));
      panel.dataset.loaded = 'true';
      loadHistory(id);
      analyst.decorate(body, d);
    } catch (e) {
      if (current !== id) return;
      body.replaceChildren(el('p', { className: 'error', role: 'alert' }, e.status === 404 ? 'This event no longer exists (merged or deleted).' : `Could not load the event: ${e.message}`));
    }
    if (focus) (panel.querySelector('h2') || closeBtn).focus({ preventScroll: true });
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    current = null;
    onClose();
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
  }

  // History of analyst changes and notes (GET /api/events/{id}/history); hidden when the API has none.
  async function loadHistory(id) {
    const box = body.querySelector('.history');
    if (!box) return;
    try {
      const h = await fetchHistory(id);
      if (current !== id) return;
      const items = Array.isArray(h) ? h : h?.history || [];
      const notes = Array.isArray(h?.notes) ? h.notes : [];
      if (!items.length && !notes.length) { box.hidden = true; return; }
      box.hidden = false;
      const when = (v) => { const t = typeof v === 'number' ? v : Date.parse(v); return Number.isFinite(t) ? utc(t) : ''; };
      const brief = (v) => v == null ? '' : (typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 160);
      if (items.length) {
        const ol = el('ol', { className: 'history-list' });
        for (const x of items.slice(0, 200)) {
          ol.append(el('li', {}, el('time', {}, when(x.at)), ' ', el('strong', {}, x.action || 'change'),
            x.actor ? ` by ${x.actor}` : '',
            x.after != null ? el('div', { className: 'muted small' }, `${brief(x.before)} → ${brief(x.after)}`) : null));
        }
        box.append(ol);
      }
      if (notes.length) {
        const ul = el('ul', { className: 'notes' });
        for (const n of notes.slice(0, 200)) {
          ul.append(el('li', {}, el('strong', {}, n.author || n.actor || n.username || 'note'), ' ', el('time', {}, when(n.at || n.createdAt)),
            el('div', {}, n.text || '')));
        }
        box.append(el('h4', {}, 'Notes'), ul);
      }
    } catch {
      box.hidden = true; // the API may not offer history
    }
  }

  function refresh() { if (current) { const id = current; current = null; open(id, { focus: false }); } }

  return { open, close, refresh, current: () => current };
}

function section(title, ...children) {
  return el('section', { className: 'detail-section' }, el('h3', {}, title), ...children);
}

function dl(pairs) {
  const d = el('dl', { className: 'facts' });
  for (const [k, v] of pairs) if (v !== null && v !== undefined && v !== '') d.append(el('dt', {}, k), el('dd', {}, v));
  return d;
}

function range(min, max) {
  if (min == null && max == null) return null;
  if (min == null || max == null || min === max) return String(min ?? max);
  return `${min}–${max}`;
}

function render(d, onOpen) {
  const p = d.properties;
  const out = [];
  out.push(el('h2', { tabIndex: -1, id: 'detail-title' }, p.title || '(no title)'));
  out.push(el('div', { className: 'meta' }, typeIcon(p.type), el('span', {}, p.subType ? `${p.type} · ${p.subType}` : p.type),
    el('span', { className: `badge state-${p.state}` }, p.state),
    el('span', { title: p.gradeReason || '' }, `credibility ${p.credibility}`)));
  if (p.gradeReason) out.push(el('p', { className: 'muted' }, p.gradeReason));
  if (p.summary) out.push(el('p', { className: 'summary' }, p.summary));

  const loc = p.location;
  out.push(section('Where', loc
    ? dl([['Place', loc.name || '(unnamed point)'], ['Coordinates', `${loc.point.lat.toFixed(4)}, ${loc.point.lon.toFixed(4)}`],
      ['Precision', String(loc.precision).toLowerCase()], ['Why here', loc.reason], ['Country', loc.countryCode]])
    : el('p', { className: 'muted' }, 'Not located: no report names a place the geoparser could resolve.')));

  const t = p.time;
  const start = Date.parse(t.start), end = Date.parse(t.end);
  out.push(section('When', dl([['Time', end > start ? `${utc(start)} – ${utc(end)}` : utc(start)],
    ['Precision', String(t.precision).toLowerCase()], ['First seen', p.firstSeen ? `${utc(Date.parse(p.firstSeen))} (${relativeTime(Date.parse(p.firstSeen))})` : null]])));

  const f = p.fatalities || {};
  const killed = range(f.killedMin, f.killedMax), injured = range(f.injuredMin, f.injuredMax);
  if (killed || injured) {
    out.push(section('Casualties', dl([['Killed', killed], ['Injured', injured], ['As reported', f.phrase ? `“${f.phrase}”` : null]]),
      killed && f.killedMin !== f.killedMax ? el('p', { className: 'muted' }, 'Reports disagree: the range spans the lowest and highest figures.') : null));
  }

  if (p.actors?.length) {
    const ul = el('ul', { className: 'actors' });
    for (const a of p.actors) {
      const chip = el('span', { className: 'side-chip', title: `side: ${a.side || 'unknown'}` });
      chip.style.backgroundColor = sideColor(a.side);
      ul.append(el('li', {}, chip, el('strong', {}, a.name), ` — ${[a.role, a.kind, a.side && a.side !== 'unknown' ? `side ${a.side}` : null].filter(Boolean).join(', ')}`));
    }
    out.push(section('Actors', ul));
  }

  // Waves (several strikes in a short time, e.g. a drone wave over many towns): each lists its events.
  const waves = Array.isArray(p.waves) ? p.waves : p.wave ? [p.wave] : [];
  if (waves.length) {
    const ul = el('ul', { className: 'waves' });
    for (const w of waves.slice(0, 20)) {
      const ids = (w.eventIds || []).filter((x) => x !== d.id);
      const start = Date.parse(w.start), end = Date.parse(w.end);
      const li = el('li', {}, el('strong', {}, w.kind || 'wave'),
        ` — ${(w.eventIds || []).length} events`,
        w.places?.length ? ` in ${w.places.slice(0, 8).join(', ')}${w.places.length > 8 ? '…' : ''}` : '',
        Number.isFinite(start) ? `, ${utc(start)}${Number.isFinite(end) && end > start ? ` – ${utc(end)}` : ''}` : '',
        w.reason ? el('div', { className: 'muted' }, w.reason) : null);
      if (ids.length) {
        const others = el('div', { className: 'wave-events' });
        for (const id of ids.slice(0, 30)) others.append(el('button', { type: 'button', className: 'linkish', dataset: { eventId: id }, onclick: () => onOpen(id) }, id));
        li.append(others);
      }
      ul.append(li);
    }
    out.push(section('Part of a wave', ul));
  }

  out.push(claims(p));
  out.push(reports(p));
  const hist = section('History');
  hist.classList.add('history');
  hist.hidden = true;
  out.push(hist);
  out.push(el('div', { className: 'analyst-slot' }));
  return out;
}

function claims(p) {
  const all = [...(p.claims || [])];
  const seen = new Set(all.map((c) => c.id));
  for (const r of p.reports || []) for (const c of r.claims || []) if (!seen.has(c.id)) { seen.add(c.id); all.push(c); }
  if (!all.length) return section('Claims', el('p', { className: 'muted' }, 'No attributed claims or denials in these reports.'));
  const cols = { supports: [], denies: [], observes: [] };
  for (const c of all) (cols[String(c.stance).toLowerCase()] || cols.observes).push(c);
  const grid = el('div', { className: 'claims' });
  for (const [k, label] of [['supports', 'Claims'], ['denies', 'Denials'], ['observes', 'Observations']]) {
    if (k === 'observes' && !cols[k].length) continue;
    const ul = el('ul', {});
    for (const c of cols[k]) {
      ul.append(el('li', { className: `claim stance-${k}` }, el('strong', {}, c.claimant || 'unattributed'),
        c.cue ? ` ${c.cue}: ` : ': ', el('q', {}, c.content || ''),
        c.via ? el('div', { className: 'muted' }, `via ${c.via}`) : null,
        c.responsibility ? el('div', { className: 'muted' }, `holds responsible: ${c.responsibility}`) : null));
    }
    if (!cols[k].length) ul.append(el('li', { className: 'muted' }, 'none'));
    grid.append(el('div', { className: `claim-col col-${k}` }, el('h4', {}, `${label} (${cols[k].length})`), ul));
  }
  return section('Claims and denials', grid);
}

function reports(p) {
  const items = p.reports || [];
  const byId = new Map(items.map((r) => [r.report.id, r]));
  const copies = new Map();
  const originals = [];
  for (const r of items) {
    const of = r.copyOf || r.clustering?.copyOfReportId;
    if (of && byId.has(of) && of !== r.report.id) {
      if (!copies.has(of)) copies.set(of, []);
      copies.get(of).push(r);
    } else originals.push(r);
  }
  const ol = el('ol', { className: 'reports' });
  for (const r of originals) {
    const li = report(r);
    const cs = copies.get(r.report.id);
    if (cs?.length) {
      const inner = el('ol', { className: 'copies' });
      for (const c of cs) inner.append(report(c, true));
      li.append(el('details', { className: 'copies-box' }, el('summary', {}, `${cs.length} cop${cs.length === 1 ? 'y' : 'ies'} of this report (not counted as independent)`), inner));
    }
    ol.append(li);
  }
  return section(`Reports (${items.length})`, ol);
}

function report(r, isCopy = false) {
  const rep = r.report, src = r.source || {};
  const url = safeUrl(rep.url);
  const when = Date.parse(rep.publishedAt);
  const li = el('li', { className: `report${isCopy ? ' copy' : ''}`, dataset: { reportId: rep.id } },
    el('div', { className: 'meta' },
      el('strong', {}, src.name || src.id || rep.sourceId),
      src.reliability ? el('span', { className: 'grade', title: 'source reliability (Admiralty A–F)' }, `grade ${src.reliability}`) : null,
      Number.isFinite(when) ? el('time', { dateTime: rep.publishedAt, title: utc(when) }, relativeTime(when)) : null,
      rep.language ? el('span', {}, rep.language) : null),
    el('div', { className: 'title' }, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' }, rep.title || url) : rep.title || ''),
    rep.text ? el('p', { className: 'report-text' }, rep.text.length > 600 ? `${rep.text.slice(0, 600)}…` : rep.text) : null);
  const media = (rep.media || []).map(safeUrl).filter(Boolean).slice(0, 4);
  if (media.length) {
    const box = el('div', { className: 'media' });
    for (const m of media) {
      const img = el('img', { src: m, alt: 'picture attached to the report', loading: 'lazy', referrerpolicy: 'no-referrer', decoding: 'async', width: 96, height: 72 });
      img.addEventListener('error', () => img.remove());
      box.append(el('a', { href: m, target: '_blank', rel: 'noopener noreferrer', referrerpolicy: 'no-referrer' }, img));
    }
    li.append(box);
  }
  const reasons = r.clustering?.reasons || [];
  if (reasons.length) li.append(el('div', { className: 'muted small' }, `why in this event: ${reasons.join('; ')}`));
  return li;
}
