package org.sitrep.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GeoPointTest {
    @Test
    void theSeriesArcsineAgreesWithMathAsinBelowTheCutAndIsMathAsinAbove() {
        for (double x = 0; x <= 1.0; x += 0.0005) {
            assertEquals(Math.asin(x), GeoPoint.asin(x), 1e-12 + 1e-10 * Math.asin(x), "x = " + x);
        }
    }

    @Test
    void distancesAreGreatCircleDistances() {
        GeoPoint kharkiv = new GeoPoint(49.9808, 36.2527), kyiv = new GeoPoint(50.4501, 30.5234);
        assertEquals(410.7, kharkiv.distanceKm(kyiv), 1.0);
        assertEquals(0, kharkiv.distanceKm(kharkiv), 1e-9);
        GeoPoint aleppo = new GeoPoint(36.20124, 37.16117), idlib = new GeoPoint(35.93062, 36.63393);
        assertEquals(56.5, aleppo.distanceKm(idlib), 1.0);
        // Antipodes: half the circumference, by Math.asin.
        assertEquals(Math.PI * 6371.0, new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180)), 1.0);
    }
}
