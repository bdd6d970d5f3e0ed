package org.sitrep.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.model.GeoPoint;

class AreaTest {
    // An L-shaped polygon: the notch at the top right is outside although it is inside the bounding box.
    static final Area L = new Area(null, List.of(List.of(0.0, 0.0), List.of(2.0, 0.0), List.of(2.0, 1.0), List.of(1.0, 1.0),
            List.of(1.0, 2.0), List.of(0.0, 2.0)));

    @Test
    void polygonContainsPointsInsideOnlyNotItsWholeBox() {
        assertTrue(L.contains(new GeoPoint(0.5, 0.5)));
        assertTrue(L.contains(new GeoPoint(1.5, 0.5)), "lat 1.5, lon 0.5: in the upright arm");
        assertFalse(L.contains(new GeoPoint(1.5, 1.5)), "the notch");
        assertFalse(L.contains(new GeoPoint(-0.1, 0.5)));
        assertEquals(0.0, L.bounds().west());
        assertEquals(2.0, L.bounds().north());
    }

    @Test
    void badAreasAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Area(List.of(1.0, 2.0), null));
        assertThrows(IllegalArgumentException.class, () -> new Area(null, List.of(List.of(0.0, 0.0), List.of(1.0, 1.0))));
        assertThrows(IllegalArgumentException.class, () -> new Area(null, List.of(List.of(0.0, 0.0), List.of(1.0, 1.0), List.of(200.0, 1.0))));
        assertThrows(IllegalArgumentException.class, () -> new Area(List.of(0.0, 0.0, 1.0, 1.0), List.of(List.of(0.0, 0.0))));
    }

    @Test
    void backoffDoublesAndIsCapped() {
        AlertConfig c = new AlertConfig(Duration.ofSeconds(1), Duration.ofSeconds(10), 8, Duration.ofSeconds(5), false);
        assertEquals(Duration.ofSeconds(10), c.backoff(1));
        assertEquals(Duration.ofSeconds(20), c.backoff(2));
        assertEquals(Duration.ofSeconds(80), c.backoff(4));
        assertEquals(Duration.ofHours(1), c.backoff(30));
    }
}
