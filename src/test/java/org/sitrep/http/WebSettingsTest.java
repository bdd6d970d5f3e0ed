package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebSettingsTest {
    @Test void noneMeansTheOfflineBordersMap() {
        assertNull(WebSettings.of("none", null).tilesUrl());
        assertNull(WebSettings.of(" NONE ", "ignored").tilesAttribution());
    }

    @Test void defaultIsOpenStreetMapWithItsCredit() {
        assertEquals(WebSettings.DEFAULT, WebSettings.of(null, null));
        assertEquals(WebSettings.OSM_ATTRIBUTION, WebSettings.of(WebSettings.OSM_URL, null).tilesAttribution());
    }

    @Test void anotherServerKeepsItsOwnCreditNotOpenStreetMaps() {
        WebSettings w = WebSettings.of("https://tiles.example/{z}/{x}/{y}.png", null);
        assertEquals("", w.tilesAttribution());
        assertEquals("© Example", WebSettings.of("/tiles/{z}/{x}/{y}.png", "© Example").tilesAttribution());
    }

    @Test void badTileUrlsAreRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebSettings.of("javascript:alert(1)/{z}/{x}/{y}", null))
                .getMessage().contains("must start with https://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WebSettings.of("https://tiles.example/tile.png", null))
                .getMessage().contains("{z}, {x} and {y}"));
        assertThrows(IllegalArgumentException.class, () -> WebSettings.of("https://tiles.example/{z}/{x}/{y}.png?" + "a".repeat(600), null));
        assertThrows(IllegalArgumentException.class, () -> WebSettings.of("https://tiles example/{z}/{x}/{y}.png", null));
    }
}
