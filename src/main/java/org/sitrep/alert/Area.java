package org.sitrep.alert;

import java.util.List;
import org.sitrep.model.GeoPoint;
import org.sitrep.store.BoundingBox;

/**
 * Where a subscription looks: a bounding box, or a polygon of [lon, lat] vertices (GeoJSON order,
 * closed or not, no holes). Null area: everywhere. Immutable.
 */
public record Area(List<Double> bbox, List<List<Double>> polygon) {
    public static final int MAX_VERTICES = 1000;

    public Area {
        if (bbox != null && polygon != null) throw new IllegalArgumentException("give an area as bbox or polygon, not both");
        if (bbox != null) {
            if (bbox.size() != 4) throw new IllegalArgumentException("bbox must be [west, south, east, north]");
            new BoundingBox(bbox.get(0), bbox.get(1), bbox.get(2), bbox.get(3));
            bbox = List.copyOf(bbox);
        }
        if (polygon != null) {
            if (polygon.size() < 3 || polygon.size() > MAX_VERTICES) {
                throw new IllegalArgumentException("a polygon needs 3 to " + MAX_VERTICES + " [lon, lat] vertices");
            }
            for (List<Double> v : polygon) {
                if (v == null || v.size() != 2 || v.get(0) == null || v.get(1) == null) throw new IllegalArgumentException("polygon vertices are [lon, lat] pairs");
                new GeoPoint(v.get(1), v.get(0));
            }
            polygon = polygon.stream().map(List::copyOf).toList();
        }
    }

    /** The smallest box around the area (for the store's spatial index). */
    public BoundingBox bounds() {
        if (bbox != null) return new BoundingBox(bbox.get(0), bbox.get(1), bbox.get(2), bbox.get(3));
        double w = 180, s = 90, e = -180, n = -90;
        for (List<Double> v : polygon) {
            w = Math.min(w, v.get(0)); e = Math.max(e, v.get(0));
            s = Math.min(s, v.get(1)); n = Math.max(n, v.get(1));
        }
        return new BoundingBox(w, s, e, n);
    }

    public boolean contains(GeoPoint p) {
        if (bbox != null) return p.lon() >= bbox.get(0) && p.lat() >= bbox.get(1) && p.lon() <= bbox.get(2) && p.lat() <= bbox.get(3);
        // Ray casting in plain lon/lat: right for areas the size of a province, not across the antimeridian or a pole.
        boolean inside = false;
        int n = polygon.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            double xi = polygon.get(i).get(0), yi = polygon.get(i).get(1), xj = polygon.get(j).get(0), yj = polygon.get(j).get(1);
            if ((yi > p.lat()) != (yj > p.lat()) && p.lon() < (xj - xi) * (p.lat() - yi) / (yj - yi) + xi) inside = !inside;
        }
        return inside;
    }
}
