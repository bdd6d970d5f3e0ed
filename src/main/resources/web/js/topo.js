// A minimal TopoJSON -> GeoJSON decoder for the country borders the page ships (data/README.md):
// quantised, delta-encoded arcs shared between neighbouring polygons.

export function toGeoJSON(topology, objectName) {
  const { scale: [sx, sy], translate: [tx, ty] } = topology.transform;
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => {
    const out = [];
    for (const i of indexes) {
      const a = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      out.push(...(out.length ? a.slice(1) : a));
    }
    return out;
  };
  const features = [];
  for (const g of topology.objects[objectName].geometries) {
    let geometry = null;
    if (g.type === 'Polygon') geometry = { type: 'Polygon', coordinates: g.arcs.map(ring) };
    else if (g.type === 'MultiPolygon') geometry = { type: 'MultiPolygon', coordinates: g.arcs.map((p) => p.map(ring)) };
    if (geometry) features.push({ type: 'Feature', id: g.id, properties: g.properties || {}, geometry });
  }
  return { type: 'FeatureCollection', features };
}
