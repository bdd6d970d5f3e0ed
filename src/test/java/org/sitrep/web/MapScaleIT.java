package org.sitrep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.sitrep.http.WebSettings;
import org.sitrep.testing.Browser;
import org.sitrep.testing.TestServer;

/**
 * The map with 50,000 events: time to first render, to everything loaded, and to a filter change,
 * measured in the browser. Tagged soak because writing 50,000 events into the store takes longer than the
 * default suite allows; run it with
 * {@code ./mvnw -B verify -Dtest.excludedGroups=none -Dit.test=MapScaleIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * Figures go to BENCHMARKS.md.
 */
@Tag("soak")
class MapScaleIT {
    static final int EVENTS = Integer.getInteger("sitrep.mapEvents", 50_000);

    @Test
    void fiftyThousandEventsRenderAndFilterQuickly() {
        try (TestServer server = new TestServer(WebSettings.OFFLINE); Browser browser = new Browser(1280, 800)) {
            long t0 = System.nanoTime();
            MapFixtures.bulk(server.sitrep.store(), EVENTS, Instant.now(), 6, 42);
            long writeMs = (System.nanoTime() - t0) / 1_000_000;

            // First visit on a cold server (JIT, page cache), then a second visit as a user coming back sees it.
            Map<String, Object> cold = visit(browser, server);
            Map<String, Object> m = visit(browser, server);
            assertEquals(String.valueOf(EVENTS), browser.driver.findElement(By.tagName("body")).getDomAttribute("data-filtered"));
            String markers = browser.driver.findElement(By.id("map")).getDomAttribute("data-markers");
            assertTrue(Integer.parseInt(markers) < 600, "clustering keeps DOM markers bounded: " + markers);

            // A filter change as a user makes it: tick one type, wait for two frames (the browser has painted).
            Object filterMs = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    document.querySelector('#f-type summary').click();
                    const box = document.querySelector('#f-type input[value="Battles"]');
                    const t0 = performance.now();
                    box.click();
                    const wait = () => window.sitrep.state.type.includes('Battles') && document.body.dataset.filtered !== '%d'
                      ? requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)))
                      : setTimeout(wait, 5);
                    wait();""".formatted(EVENTS));
            int filtered = Integer.parseInt(browser.driver.findElement(By.tagName("body")).getDomAttribute("data-filtered"));
            assertTrue(filtered > EVENTS / 10 && filtered < EVENTS / 3, "about a sixth are battles: " + filtered);

            // Panning and zooming redraw the clusters from all events.
            Object zoomMs = browser.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const map = document.getElementById('map');
                    document.querySelector('#f-type input[value="Battles"]').click();
                    setTimeout(() => { const t0 = performance.now(); document.querySelector('.leaflet-control-zoom-in').click();
                      setTimeout(() => done(map.dataset.redrawMs), 800); }, 300);""");
            browser.screenshot("map-50k-events");
            String line = String.format("map %d events: store write %d ms; cold server: first render %.0f ms after navigation, all loaded %.0f ms;"
                            + " warm: first render %.0f ms after navigation (%.0f ms after the first request), all loaded %.0f ms;"
                            + " filter change to painted %.0f ms; cluster redraw after zoom %s ms",
                    EVENTS, writeMs, num(cold.get("firstRenderAt")), num(cold.get("loadedAt")), num(m.get("firstRenderAt")), num(m.get("firstRenderMs")),
                    num(m.get("loadedAt")), num(filterMs), zoomMs);
            System.out.println(line);
            assertTrue(num(filterMs) < 5000, line);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> visit(Browser browser, TestServer server) {
        browser.driver.get(server.url("/"));
        browser.waitUpTo(Duration.ofSeconds(60)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-first-render")));
        browser.waitUpTo(Duration.ofSeconds(300)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        return (Map<String, Object>) browser.driver.executeScript("return window.sitrep.metrics;");
    }

    private static double num(Object o) { return o == null ? Double.NaN : ((Number) o).doubleValue(); }
}
