package org.sitrep.store;

import java.util.Locale;

/** A WGS84 bounding box in degrees (west, south, east, north), as GeoJSON orders it. */
public record BoundingBox(double west, double south, double east, double north) {
    public BoundingBox {
        if (!(south >= -90 && north <= 90 && south <= north)) {
            throw new IllegalArgumentException("bbox latitudes must satisfy -90 <= south <= north <= 90");
        }
        if (!(west >= -180 && east <= 180 && west <= east)) {
            throw new IllegalArgumentException("bbox longitudes must satisfy -180 <= west <= east <= 180");
        }
    }

    /** Parses "west,south,east,north". */
    public static BoundingBox parse(String s) {
        String[] p = s.split(",");
        if (p.length != 4) throw new IllegalArgumentException("bbox must be four numbers: west,south,east,north (got '" + s + "')");
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + p[i].trim() + "' is not a number");
            }
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException("bbox values must be finite numbers");
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    @Override public String toString() {
        return String.format(Locale.ROOT, "%s,%s,%s,%s", west, south, east, north);
    }
}
