// A heatmap drawn on one canvas: events are binned into 4-pixel cells, each occupied cell stamps a blurred
// disc whose opacity grows with its count, and the grey-scale result is coloured through a gradient. With
// binning the cost depends on the screen, not on the number of events (50,000 draw in a few tens of ms).

const RADIUS = 18, BLUR = 14, CELL = 4;

function stamp() {
  const c = document.createElement('canvas');
  const r = RADIUS + BLUR;
  c.width = c.height = r * 2;
  const ctx = c.getContext('2d');
  ctx.shadowOffsetX = ctx.shadowOffsetY = r * 2;
  ctx.shadowBlur = BLUR;
  ctx.shadowColor = 'black';
  ctx.beginPath();
  ctx.arc(-r, -r, RADIUS, 0, Math.PI * 2);
  ctx.fill();
  return c;
}

function palette() {
  const c = document.createElement('canvas');
  c.width = 1; c.height = 256;
  const ctx = c.getContext('2d');
  const g = ctx.createLinearGradient(0, 0, 0, 256);
  g.addColorStop(0.2, '#2b6cb0'); g.addColorStop(0.45, '#38b2ac'); g.addColorStop(0.65, '#ecc94b');
  g.addColorStop(0.85, '#ed8936'); g.addColorStop(1, '#c53030');
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, 1, 256);
  return ctx.getImageData(0, 0, 1, 256).data;
}

export function createHeatLayer() {
  let points = [];
  let brush = null, colours = null;
  const Layer = L.Layer.extend({
    onAdd(map) {
      this._map = map;
      this._canvas = L.DomUtil.create('canvas', 'heat-layer leaflet-zoom-hide');
      this._canvas.setAttribute('aria-hidden', 'true');
      // Its own pane above the overlay pane: the offline borders are an opaque canvas there.
      const pane = map.getPane('heat') || map.createPane('heat');
      pane.style.zIndex = 450;
      pane.style.pointerEvents = 'none';
      pane.appendChild(this._canvas);
      map.on('moveend zoomend resize', this._redraw, this);
      this._redraw();
    },
    onRemove(map) {
      L.DomUtil.remove(this._canvas);
      map.off('moveend zoomend resize', this._redraw, this);
    },
    setPoints(p) { points = p; if (this._map) this._redraw(); },
    _redraw() {
      const map = this._map, canvas = this._canvas;
      const size = map.getSize();
      canvas.width = size.x; canvas.height = size.y;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      const world = 256 * 2 ** map.getZoom();
      const origin = map.getPixelBounds().min;
      const cols = Math.ceil(size.x / CELL) + 1, rows = Math.ceil(size.y / CELL) + 1;
      const grid = new Float32Array(cols * rows);
      let max = 0;
      for (const e of points) {
        if (e.mx === undefined) continue;
        let x = e.mx * world - origin.x;
        // The map may show the world more than once (worldCopyJump): bring the point into view.
        x -= Math.floor((x + RADIUS) / world) * world;
        const y = e.my * world - origin.y;
        if (x < -RADIUS || y < -RADIUS || x > size.x + RADIUS || y > size.y + RADIUS) continue;
        const i = Math.max(0, Math.floor(y / CELL)) * cols + Math.max(0, Math.floor(x / CELL));
        if (i < grid.length && ++grid[i] > max) max = grid[i];
      }
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      ctx.clearRect(0, 0, size.x, size.y);
      if (!max) return;
      brush ||= stamp();
      colours ||= palette();
      const r = RADIUS + BLUR;
      // Logarithmic, so that one event still shows beside a town with hundreds.
      const top = Math.log1p(max);
      for (let i = 0; i < grid.length; i++) {
        if (!grid[i]) continue;
        ctx.globalAlpha = Math.min(1, 0.1 + 0.4 * Math.log1p(grid[i]) / top);
        ctx.drawImage(brush, (i % cols) * CELL - r, Math.floor(i / cols) * CELL - r);
      }
      const img = ctx.getImageData(0, 0, size.x, size.y);
      const d = img.data;
      for (let i = 3; i < d.length; i += 4) {
        const a = d[i];
        if (!a) continue;
        const j = a * 4;
        d[i - 3] = colours[j]; d[i - 2] = colours[j + 1]; d[i - 1] = colours[j + 2];
        d[i] = Math.min(230, a * 1.6);
      }
      ctx.putImageData(img, 0, 0);
    },
  });
  return new Layer();
}
