package org.sitrep.model;

/**
 * A WGS84 coordinate in decimal degrees. Immutable; validated on construction so a bad
 * coordinate can never reach the map as a wrong pin.
 */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("coordinate out of range: lat=" + lat + " lon=" + lon);
        }
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle distance in kilometres (haversine). */
    public double distanceKm(GeoPoint o) {
        double dLat = Math.toRadians(o.lat - lat), dLon = Math.toRadians(o.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(o.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
