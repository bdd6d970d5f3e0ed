package org.sitrep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.sitrep.cli.DemoData;
import org.sitrep.testing.Browser;
import org.sitrep.testing.TestServer;

class MapPageIT {
    TestServer server;
    Browser browser;

    @BeforeEach void start() {
        server = new TestServer();
        browser = new Browser(1280, 800);
    }

    @AfterEach void stop() {
        if (browser != null) browser.close();
        server.close();
    }

    @Test
    void mapShowsDemoEventsAsMarkersAndFeedItems() throws Exception {
        for (var r : DemoData.load(server.sitrep.store(), Instant.now())) server.sitrep.ingestor().submit(r);
        browser.driver.get(server.url("/"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        List<WebElement> feed = browser.driver.findElements(By.cssSelector("#feed-list .feed-item"));
        // Every located event is on the map: as its own marker or counted in a cluster.
        // Counted from the DOM once the cluster animation has settled (old and new layers overlap during it).
        long located = server.sitrep.store().stats().locatedEvents();
        String count = "return document.querySelectorAll('.ev-icon').length + [...document.querySelectorAll('.marker-cluster')]"
                + ".reduce((n, c) => n + parseInt(c.textContent, 10), 0);";
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> ((Number) browser.driver.executeScript(count)).longValue() == located);
        long onMap = ((Number) browser.driver.executeScript(count)).longValue();
        assertTrue(onMap > 3, "the demo has located events: " + onMap);
        long events = server.sitrep.store().stats().events();
        assertEquals(events, feed.size(), "every event in the feed, located or not");
        assertTrue(Files.size(browser.screenshot("map-demo")) > 10_000);
    }

    @Test
    void aNewReportAppearsLiveAndItsTextIsNeverHtml() {
        browser.driver.get(server.url("/"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.id("status")).getText().equals("live"));
        String hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">Strike on depot";
        var res = server.post("/api/reports", "{\"source\":\"tg\",\"externalId\":\"x1\",\"title\":"
                + org.sitrep.internal.Json.MAPPER.valueToTree(hostile) + ",\"text\":\"t\",\"publishedAt\":\"" + Instant.now() + "\","
                + "\"latitude\":35.9,\"longitude\":36.6}");
        assertEquals(201, res.statusCode(), res.body());
        WebElement item = browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#feed-list .feed-item .title")).stream().findFirst().orElse(null));
        assertEquals(hostile, item.getText(), "report text is shown as text");
        assertEquals(null, browser.driver.executeScript("return window.__pwned === undefined ? null : window.__pwned;"));
        assertTrue(browser.driver.findElements(By.cssSelector("#feed-list script, #feed-list img")).isEmpty());
        browser.screenshot("map-live-hostile-text");
    }
}
