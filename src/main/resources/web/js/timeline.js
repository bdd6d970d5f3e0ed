// The timeline under the map: a stacked histogram of events per hour or day by type, drawn on a canvas.
// Dragging across it selects a time range (the custom window); the slider below is the time machine (the
// map as it stood at that moment: only events first seen by then), and Play replays the period.
import { TYPES } from './types.js';

const COLOURS = { 'Battles': '#c53030', 'Explosions/Remote violence': '#dd6b20', 'Violence against civilians': '#805ad5',
  'Protests': '#3182ce', 'Riots': '#d69e2e', 'Strategic developments': '#4a5568' };
const OTHER = '#a0aec0';
const HOUR = 3600e3, DAY = 86400e3;

export function createTimeline(root, { onRange, onMoment, onBucket }) {
  const canvas = root.querySelector('canvas');
  const slider = root.querySelector('#tm-slider');
  const label = root.querySelector('#tm-label');
  const play = root.querySelector('#tm-play');
  const speed = root.querySelector('#tm-speed');
  const live = root.querySelector('#tm-live');
  const bucketSel = root.querySelector('#tm-bucket');
  const summary = root.querySelector('#tm-summary');
  let span = { from: 0, to: 1 };
  let bins = [], bucket = HOUR, at = null, drag = null, timer = null;

  function setData(events, { from, to, bucket: b, at: moment }) {
    bucket = b === 'day' ? DAY : HOUR;
    bucketSel.value = b;
    let lo = from, hi = to ?? Date.now();
    if (lo == null) { lo = hi; for (const e of events) if (e.start < lo) lo = e.start; }
    lo = Math.floor(lo / bucket) * bucket;
    hi = Math.max(lo + bucket, Math.ceil(hi / bucket) * bucket);
    // At most 2,000 bars: a long window in hours switches itself to days.
    if ((hi - lo) / bucket > 2000) { bucket = DAY; lo = Math.floor(lo / DAY) * DAY; hi = Math.ceil(hi / DAY) * DAY; }
    span = { from: lo, to: hi };
    const n = Math.max(1, Math.round((hi - lo) / bucket));
    bins = Array.from({ length: n }, () => new Map());
    for (const e of events) {
      const i = Math.floor((e.start - lo) / bucket);
      if (i < 0 || i >= n) continue;
      bins[i].set(e.type, (bins[i].get(e.type) || 0) + 1);
    }
    slider.min = String(lo);
    slider.max = String(hi);
    slider.step = String(Math.max(60e3, Math.round((hi - lo) / 1000)));
    setMoment(moment);
    summary.textContent = `${events.length} events from ${new Date(lo).toISOString().slice(0, 16).replace('T', ' ')} to ${new Date(hi).toISOString().slice(0, 16).replace('T', ' ')} UTC, per ${bucket === DAY ? 'day' : 'hour'}`;
    draw();
  }

  function setMoment(m) {
    at = m;
    slider.value = String(m ?? span.to);
    label.textContent = m == null ? 'now (live)' : `as of ${new Date(m).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    live.disabled = m == null;
    root.classList.toggle('in-past', m != null);
    draw();
  }

  function draw() {
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth, h = canvas.clientHeight;
    if (!w || !h) return;
    canvas.width = w * dpr; canvas.height = h * dpr;
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    ctx.clearRect(0, 0, w, h);
    let max = 0;
    for (const b of bins) { let s = 0; for (const v of b.values()) s += v; if (s > max) max = s; }
    const bw = w / bins.length;
    const order = [...TYPES.map((t) => t.name), null];
    for (let i = 0; i < bins.length; i++) {
      let y = h - 12;
      const total = [...bins[i].values()].reduce((a, c) => a + c, 0);
      if (!total) continue;
      for (const [type, count] of [...bins[i]].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))) {
        const bh = (count / max) * (h - 16);
        ctx.fillStyle = COLOURS[type] || OTHER;
        ctx.fillRect(i * bw + 0.5, y - bh, Math.max(1, bw - 1), bh);
        y -= bh;
      }
    }
    ctx.fillStyle = '#56606b';
    ctx.font = '10px system-ui, sans-serif';
    const ticks = Math.min(6, Math.floor(w / 110));
    for (let k = 0; k <= ticks; k++) {
      const t = span.from + ((span.to - span.from) * k) / Math.max(1, ticks);
      const d = new Date(t).toISOString();
      const text = bucket === DAY ? d.slice(5, 10) : d.slice(5, 16).replace('T', ' ');
      ctx.textAlign = k === 0 ? 'left' : k === ticks ? 'right' : 'center';
      ctx.fillText(text, (w * k) / Math.max(1, ticks), h - 1);
    }
    if (drag) {
      ctx.fillStyle = 'rgba(43,108,176,.18)';
      ctx.fillRect(Math.min(drag.x0, drag.x1), 0, Math.abs(drag.x1 - drag.x0), h - 12);
    }
    if (at != null) {
      const x = ((at - span.from) / (span.to - span.from)) * w;
      ctx.strokeStyle = '#c53030'; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, h - 12); ctx.stroke();
    }
  }

  const timeAt = (x) => span.from + (x / canvas.clientWidth) * (span.to - span.from);
  canvas.addEventListener('pointerdown', (e) => { drag = { x0: e.offsetX, x1: e.offsetX }; canvas.setPointerCapture(e.pointerId); });
  canvas.addEventListener('pointermove', (e) => { if (drag) { drag.x1 = e.offsetX; draw(); } });
  canvas.addEventListener('pointerup', () => {
    if (!drag) return;
    const { x0, x1 } = drag;
    drag = null;
    draw();
    if (Math.abs(x1 - x0) < 4) return;
    const a = timeAt(Math.min(x0, x1)), b = timeAt(Math.max(x0, x1));
    onRange(Math.floor(a / bucket) * bucket, Math.ceil(b / bucket) * bucket);
  });

  slider.addEventListener('input', () => {
    const v = Number(slider.value);
    onMoment(v >= span.to ? null : v);
  });
  live.addEventListener('click', () => { stop(); onMoment(null); });
  bucketSel.addEventListener('change', () => onBucket(bucketSel.value));

  function stop() {
    clearInterval(timer); timer = null;
    play.textContent = 'Play';
    play.setAttribute('aria-pressed', 'false');
  }
  play.addEventListener('click', () => {
    if (timer) { stop(); return; }
    // Replays from the slider's moment (from the start when at "now"), advancing speed ms of event time per second.
    let t = at == null || at >= span.to ? span.from : at;
    const step = Number(speed.value) / 10;
    play.textContent = 'Pause';
    play.setAttribute('aria-pressed', 'true');
    onMoment(t);
    timer = setInterval(() => {
      t += step;
      if (t >= span.to) { stop(); onMoment(null); return; }
      onMoment(t);
    }, 100);
  });

  new ResizeObserver(() => draw()).observe(canvas);
  return { setData, setMoment, stop, playing: () => timer != null };
}
