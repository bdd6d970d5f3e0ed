package org.sitrep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.sitrep.http.WebSettings;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.testing.Browser;
import org.sitrep.testing.TestServer;

/**
 * The live map's flows in headless chromium over a real server: offline borders, markers, clusters and
 * heatmap, the feed and its live "N new" button, filters in the URL and saved views, the timeline and time
 * machine, the event detail, keyboard use, hostile text. One server and browser for the class (fixtures:
 * {@link MapFixtures}); the test that adds events runs last. Screenshots go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveMapIT {
    static final String[] BULK_SIDES = {"bulk-north", "bulk-south"};
    /** Around the fixtures (northwest Syria), far from the bulk events (the Balkans). */
    static final String FIXTURE_VIEW = "z=9&lat=35.8&lon=36.5";
    static final String BULK_VIEW = "z=5&lat=42.2&lon=23";

    /** The id and offset of the first feed item in view: what the reader is looking at. */
    static final String FIRST_VISIBLE = """
            const f = document.getElementById('feed'), top = f.getBoundingClientRect().top;
            const li = [...document.querySelectorAll('#feed-list .feed-item')].find(li => li.getBoundingClientRect().bottom > top + 5);
            return li.dataset.eventId + '@' + Math.round(li.getBoundingClientRect().top - top);""";

    TestServer server;
    Browser browser;
    MapFixtures.Rich rich;

    @BeforeAll void start() {
        server = new TestServer(WebSettings.OFFLINE);
        Instant now = Instant.now();
        rich = MapFixtures.rich(server.sitrep.store(), now, server.url(""));
        MapFixtures.bulk(server.sitrep.store(), 600, now, 6, 7, 40, 20, BULK_SIDES);
        browser = new Browser(1280, 800);
        // The CI machine may be busy (2 cores, several builds): give page loads room.
        browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    @AfterAll void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** Every page must run without script errors; on a failure this also says what the page saw. */
    @org.junit.jupiter.api.AfterEach void noScriptErrors() {
        Object errors = js("return window.sitrep ? window.sitrep.errors : []");
        assertEquals(List.of(), errors, "script errors in the page");
    }

    // ------------------------------------------------------------------ helpers

    void open(String query) {
        browser.driver.get(server.url("/" + (query.isEmpty() ? "" : "?" + query)));
        browser.waitUpTo(Duration.ofSeconds(60)).until(d -> "true".equals(body().getDomAttribute("data-loaded")));
    }

    /** Waits for the detail panel to show its event; on a timeout says what the page was doing. */
    void waitDetail() {
        try {
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("detail")).getDomAttribute("data-loaded")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("detail not loaded: " + js("""
                    return JSON.stringify({ hidden: document.getElementById('detail').hidden, ev: document.getElementById('detail').dataset.eventId,
                      text: document.getElementById('detail').innerText.slice(0, 200), errors: window.sitrep.errors, url: location.search,
                      requests: performance.getEntriesByType('resource').filter(r => r.name.includes('/api/')).map(r => r.name.slice(-60) + ' ' + Math.round(r.duration)).slice(-15) });"""), e);
        }
    }

    WebElement body() { return browser.driver.findElement(By.tagName("body")); }

    int filtered() { return Integer.parseInt(body().getDomAttribute("data-filtered")); }

    Object js(String script, Object... args) { return ((JavascriptExecutor) browser.driver).executeScript(script, args); }

    String url() { return URLDecoder.decode(browser.driver.getCurrentUrl(), StandardCharsets.UTF_8); }

    WebElement waitFor(String css) {
        return browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    List<WebElement> all(String css) { return browser.driver.findElements(By.cssSelector(css)); }

    void tick(String group, String value) {
        waitFor("#" + group + " summary").click();
        waitFor("#" + group + " input[value='" + value + "']").click();
        body().sendKeys(Keys.ESCAPE);
    }

    long paintedPixels(String canvasCss) {
        return ((Number) js("""
                const c = document.querySelector(arguments[0]); if (!c || !c.width) return 0;
                const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
                for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n;""", canvasCss)).longValue();
    }

    // ------------------------------------------------------------------ map

    @Test @Order(1)
    void offlineModeDrawsTheShippedCountryBorders() {
        assertTrue(server.get("/api/config").body().contains("\"tiles\":null"), "config says no tiles");
        open(FIXTURE_VIEW);
        WebElement map = browser.driver.findElement(By.id("map"));
        assertEquals("borders", map.getDomAttribute("data-base"));
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(map.getDomAttribute("data-borders-loaded")));
        assertTrue(paintedPixels(".leaflet-overlay-pane canvas") > 10_000, "borders are drawn on the canvas");
        assertTrue(all("img.leaflet-tile").isEmpty(), "no tile requests when offline");
        assertTrue(waitFor(".leaflet-control-attribution").getText().contains("Natural Earth"));
        browser.screenshot("map-offline-borders");
    }

    @Test @Order(2)
    void tilesComeFromTheConfiguredServerWithItsCreditAsText() {
        try (TestServer tiles = new TestServer(new WebSettings("http://127.0.0.1:9/tiles/{z}/{x}/{y}.png", "<b>Test tiles</b> ©"))) {
            browser.driver.get(tiles.url("/"));
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(body().getDomAttribute("data-loaded")));
            assertEquals("tiles", browser.driver.findElement(By.id("map")).getDomAttribute("data-base"));
            WebElement tile = waitFor("img.leaflet-tile");
            assertTrue(tile.getDomAttribute("src").startsWith("http://127.0.0.1:9/tiles/"), tile.getDomAttribute("src"));
            WebElement credit = waitFor(".leaflet-control-attribution");
            assertTrue(credit.getText().contains("<b>Test tiles</b> ©"), "attribution shown as text: " + credit.getText());
            assertTrue(credit.findElements(By.tagName("b")).isEmpty());
        }
    }

    @Test @Order(3)
    void markersShowTheTypeIconAndTheSideColour() {
        open(FIXTURE_VIEW);
        WebElement clash = waitFor(".ev-icon[data-event-id='" + rich.clash() + "']");
        WebElement strike = waitFor(".ev-icon[data-event-id='" + rich.strike() + "']");
        assertTrue(clash.getDomAttribute("class").contains("type-battles"));
        assertTrue(strike.getDomAttribute("class").contains("type-explosions"));
        assertNotEquals(clash.getCssValue("background-color"), strike.getCssValue("background-color"), "sy-opp and sy-gov differ");
        assertFalse(clash.findElements(By.tagName("svg")).isEmpty(), "type glyph");
        assertEquals("button", clash.getDomAttribute("role"));
        assertTrue(clash.getDomAttribute("aria-label").startsWith("Battles: Clashes on the Kafr Loma"));
        browser.screenshot("map-markers");
    }

    @Test @Order(4)
    void manyEventsClusterAndAClusterZoomsIn() {
        open(BULK_VIEW);
        List<WebElement> clusters = all(".marker-cluster");
        assertFalse(clusters.isEmpty(), "clusters drawn");
        int markers = Integer.parseInt(browser.driver.findElement(By.id("map")).getDomAttribute("data-markers"));
        assertTrue(markers < 200, "600 events drawn as few markers: " + markers);
        long total = clusters.stream().mapToLong(c -> Long.parseLong(c.getText().trim())).sum();
        assertTrue(total > 500, "clusters count the events: " + total);
        browser.screenshot("map-clusters");
        Number before = (Number) js("return window.sitrep.state.z");
        clusters.stream().max((a, b) -> Long.compare(Long.parseLong(a.getText().trim()), Long.parseLong(b.getText().trim()))).orElseThrow().click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> ((Number) js("return window.sitrep.state.z")).intValue() > before.intValue());
    }

    @Test @Order(5)
    void heatmapToggleDrawsAHeatLayerAndIsInTheUrl() {
        open(BULK_VIEW);
        WebElement heat = waitFor("#heat");
        heat.click();
        assertEquals("true", heat.getDomAttribute("aria-pressed"));
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> paintedPixels("canvas.heat-layer") > 2000);
        assertTrue(all(".marker-cluster").isEmpty(), "clusters give way to the heatmap");
        assertTrue(url().contains("heat=1"));
        browser.screenshot("map-heatmap");
        heat.click();
        assertTrue(all("canvas.heat-layer").isEmpty());
        assertFalse(all(".marker-cluster").isEmpty());
    }

    // ------------------------------------------------------------------ feed

    @Test @Order(6)
    void feedIsNewestFirstWithSourcesThumbnailsIconsAndBadges() {
        open(FIXTURE_VIEW);
        List<Long> times = all("#feed-list .feed-item time").stream().map(t -> Long.parseLong(t.getDomAttribute("data-ms"))).toList();
        assertTrue(times.size() >= 50, "a page of the feed: " + times.size());
        for (int i = 1; i < times.size(); i++) assertTrue(times.get(i - 1) >= times.get(i), "newest first at " + i);
        String item = "#feed-list .feed-item[data-event-id='" + rich.strike() + "']";
        WebElement strike = waitFor(item);
        assertFalse(strike.findElements(By.cssSelector(".type-icon.type-explosions svg")).isEmpty(), "type icon");
        assertEquals("disputed", strike.findElement(By.cssSelector(".badge")).getText().toLowerCase());
        assertTrue(strike.findElement(By.tagName("time")).getText().endsWith("min ago"));
        WebElement link = waitFor(item + " .sources a");
        assertEquals("Fixture Wire Service", link.getText());
        assertEquals("https://wire.example/a/1", link.getDomAttribute("href"));
        assertEquals("noopener noreferrer", link.getDomAttribute("rel"));
        WebElement thumb = waitFor(item + " img.thumb");
        assertEquals(server.url("/img/sitrep.svg"), thumb.getDomAttribute("src"), "the http(s) picture, not the javascript: one");
        assertEquals("no-referrer", thumb.getDomAttribute("referrerpolicy"));
        assertEquals("lazy", thumb.getDomAttribute("loading"));
        browser.screenshot("map-feed");
    }

    @Test @Order(7)
    void clickingAFeedItemFliesToTheEventAndOpensItAndAMarkerHighlightsItsItem() {
        open(FIXTURE_VIEW);
        waitFor("#feed-list .feed-item[data-event-id='" + rich.clash() + "']").click();
        waitDetail();
        assertEquals(rich.clash(), browser.driver.findElement(By.id("detail")).getDomAttribute("data-event-id"));
        waitFor(".ev-icon.selected[data-event-id='" + rich.clash() + "']");
        assertTrue(url().contains("ev=" + rich.clash()));
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> ((Number) js("return window.sitrep.state.z")).intValue() >= 11);

        open(FIXTURE_VIEW);
        waitFor(".ev-icon[data-event-id='" + rich.protest() + "']").click();
        WebElement item = waitFor("#feed-list .feed-item.highlight");
        assertEquals(rich.protest(), item.getDomAttribute("data-event-id"));
        assertEquals("true", item.getDomAttribute("aria-current"));
        browser.screenshot("map-marker-highlights-feed");
    }

    @Test @Order(8)
    void hostileReportTextIsShownAsTextEverywhere() {
        open(FIXTURE_VIEW + "&ev=" + rich.hostile());
        waitDetail();
        String hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">Shelling reported";
        assertEquals(hostile, waitFor("#feed-list .feed-item[data-event-id='" + rich.hostile() + "'] .title").getText());
        assertEquals(hostile, waitFor("#detail h2").getText());
        String detail = browser.driver.findElement(By.id("detail")).getText();
        assertTrue(detail.contains("<i>Idlib</i> province"), "place name as text");
        assertTrue(detail.contains("<svg onload=\"window.__pwned=8\">"), "actor name as text");
        assertTrue(detail.contains("<b onmouseover"), "report text as text");
        assertTrue(all("#detail script, #detail img, #detail b, #detail i, #feed-list script, #feed-list b").isEmpty(), "no markup from reports");
        assertTrue(all("a[href^='javascript'], img[src^='javascript'], img[src^='data:']").isEmpty(), "no javascript: or data: URLs");
        assertNull(js("return window.__pwned === undefined ? null : window.__pwned;"));
        browser.screenshot("map-hostile-text");
    }

    // ------------------------------------------------------------------ filters

    @Test @Order(9)
    void filtersNarrowTheEventsAndLiveInTheUrl() {
        open("t=7d");
        int everything = filtered();
        tick("f-type", "Battles");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> url().contains("type=Battles"));
        int battles = filtered();
        assertTrue(battles > 0 && battles < everything, battles + " of " + everything);
        for (WebElement t : all("#feed-list .feed-item .type")) assertTrue(t.getText().startsWith("Battles"), t.getText());

        // A link reproduces the view: same count, same boxes ticked.
        String link = browser.driver.getCurrentUrl();
        browser.driver.get(link);
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(body().getDomAttribute("data-loaded")));
        assertEquals(battles, filtered());
        assertTrue((Boolean) js("return document.querySelector(\"#f-type input[value='Battles']\").checked"));

        open("side=sy-opp");
        assertEquals(1, filtered(), "only the clash has an actor on side sy-opp");
        open("state=verified&type=Protests");
        for (WebElement b : all("#feed-list .feed-item .badge")) assertEquals("verified", b.getText().toLowerCase());
        assertTrue(all("#feed-list .feed-item[data-event-id='" + rich.protest() + "']").size() == 1);
        open("src=" + MapFixtures.MONITOR);
        assertEquals(3, filtered(), "strike (its denial), clash and the unlocated event have monitor reports");
        open("q=Qamar");
        assertEquals(1, filtered(), "free text");
        assertEquals("Qamar", browser.driver.findElement(By.id("f-q")).getDomProperty("value"));
        open("t=24h");
        int day = filtered();
        assertTrue(all("#feed-list .feed-item[data-event-id='" + rich.protest() + "']").isEmpty(), "2 days old: outside 24 h");
        open("t=1h");
        assertTrue(filtered() < day);
        open("type=Protests&t=custom&from=" + Instant.now().minus(Duration.ofDays(3)) + "&to=" + Instant.now().minus(Duration.ofDays(1)));
        assertTrue(browser.driver.findElement(By.id("f-from")).isDisplayed());
        assertFalse(all("#feed-list .feed-item[data-event-id='" + rich.protest() + "']").isEmpty(), "protest in the custom window");
        browser.screenshot("map-filters");
    }

    @Test @Order(10)
    void viewsCanBeSavedAndReopened() {
        js("localStorage.clear()");
        open("type=Battles&side=bulk-north");
        int count = filtered();
        WebElement name = waitFor("#f-view-name");
        name.sendKeys("North battles");
        waitFor("#f-view-save").click();
        open("");
        assertNotEquals(count, filtered());
        new org.openqa.selenium.support.ui.Select(waitFor("#f-views")).selectByVisibleText("North battles");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> url().contains("side=bulk-north") && "true".equals(body().getDomAttribute("data-loaded")));
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> filtered() == count);
        waitFor("#f-view-delete").click();
        assertTrue(all("#f-views option").stream().noneMatch(o -> o.getText().equals("North battles")));
    }

    // ------------------------------------------------------------------ timeline

    @Test @Order(11)
    void timelineHistogramTimeMachineAndReplay() {
        open("t=24h&" + FIXTURE_VIEW);
        assertTrue(paintedPixels("#timeline canvas") > 500, "histogram drawn");
        int now = filtered();
        // The map as it stood four hours ago: the strike (first seen 50 min ago) was not known yet.
        js("const s = document.getElementById('tm-slider'); s.value = String(Date.now() - 4 * 3600e3); s.dispatchEvent(new Event('input'));");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> filtered() < now);
        assertTrue(all("#feed-list .feed-item[data-event-id='" + rich.strike() + "']").isEmpty());
        assertTrue(url().contains("at="));
        assertTrue(waitFor("#tm-label").getText().startsWith("as of"));
        browser.screenshot("map-time-machine");
        waitFor("#tm-live").click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> filtered() == now);

        // Replay: the moment moves forward by itself.
        new org.openqa.selenium.support.ui.Select(waitFor("#tm-speed")).selectByValue("21600000");
        waitFor("#tm-play").click();
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> js("return window.sitrep.state.at") != null);
        long first = Instant.parse((String) js("return window.sitrep.state.at")).toEpochMilli();
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> {
            Object at = js("return window.sitrep.state.at");
            return at != null && Instant.parse((String) at).toEpochMilli() > first + 3600_000;
        });
        waitFor("#tm-play").click();
        assertEquals("false", waitFor("#tm-play").getDomAttribute("aria-pressed"));

        // Dragging across the bars chooses a custom time range.
        WebElement canvas = waitFor("#timeline canvas");
        new Actions(browser.driver).moveToElement(canvas, -200, 0).clickAndHold().moveByOffset(150, 0).release().perform();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> url().contains("t=custom") && url().contains("from="));
        assertEquals("custom", browser.driver.findElement(By.id("f-time")).getDomProperty("value"));
        new org.openqa.selenium.support.ui.Select(waitFor("#tm-bucket")).selectByValue("day");
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> url().contains("bucket=day"));
    }

    // ------------------------------------------------------------------ detail

    @Test @Order(12)
    void detailShowsWhereWhenWhoHowManyReportsCopiesAndClaims() {
        open(FIXTURE_VIEW + "&ev=" + rich.strike());
        waitDetail();
        String text = browser.driver.findElement(By.id("detail")).getText().toLowerCase(java.util.Locale.ROOT);
        for (String expected : List.of("Tell Qamar", "35.7100, 36.5200", "exact", "first place named in the lead", "Explosions/Remote violence · Air/drone strike",
                "DISPUTED", "Government forces", "side sy-gov", "2–3", "killing two guards", "Fixture Wire Service", "grade B", "Reports (3)")) {
            assertTrue(text.contains(expected.toLowerCase(java.util.Locale.ROOT)), "detail shows " + expected);
        }
        assertEquals(2, all("#detail ol.reports > li.report").size(), "two originals");
        WebElement copies = waitFor("#detail .copies-box");
        assertTrue(copies.getText().contains("1 copy"));
        copies.findElement(By.tagName("summary")).click();
        assertTrue(copies.findElement(By.cssSelector(".report.copy")).getText().contains("Fixture Channel"));
        assertTrue(waitFor("#detail .col-supports").getText().contains("the district council"));
        assertTrue(waitFor("#detail .col-denies").getText().contains("the defence ministry"));
        assertTrue(all("#detail .analyst-actions").isEmpty(), "no analyst actions without an analyst session");
        browser.screenshot("map-detail");

        open("ev=" + rich.unlocated());
        waitDetail();
        assertTrue(browser.driver.findElement(By.id("detail")).getText().contains("Not located"));
    }

    // ------------------------------------------------------------------ keyboard and phone

    @Test @Order(13)
    void keyboardReachesTheFeedOpensAndClosesAnEvent() {
        open(FIXTURE_VIEW);
        body().sendKeys(Keys.TAB);
        WebElement skip = browser.driver.switchTo().activeElement();
        assertEquals("Skip to the event feed", skip.getText());
        skip.sendKeys(Keys.ENTER);
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        WebElement item = browser.driver.switchTo().activeElement();
        assertTrue(item.getDomAttribute("class").contains("feed-item"), "the first feed item after the skip link");
        assertNotEquals("none", item.getCssValue("outline-style"), "focus is visible");
        String id = item.getDomAttribute("data-event-id");
        item.sendKeys(Keys.ENTER);
        waitDetail();
        assertEquals("detail-title", browser.driver.switchTo().activeElement().getDomAttribute("id"), "focus moves to the detail");
        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.waitUpTo(Duration.ofSeconds(20)).until(d -> !d.findElement(By.id("detail")).isDisplayed());
        assertEquals(id, browser.driver.switchTo().activeElement().getDomAttribute("data-event-id"), "focus returns to the item");
        assertEquals("search", browser.driver.findElement(By.id("filters")).getDomAttribute("role"));
        assertEquals("polite", browser.driver.findElement(By.id("status")).getDomAttribute("aria-live"));
    }

    @Test @Order(14)
    void worksOnAPhoneSizedScreen() {
        try (Browser phone = Browser.phone(390, 844)) {
            phone.driver.get(server.url("/?" + FIXTURE_VIEW));
            phone.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            assertFalse(phone.driver.findElement(By.id("filters")).isDisplayed(), "filters folded");
            WebElement toggle = phone.driver.findElement(By.id("toggle-filters"));
            assertTrue(toggle.isDisplayed());
            assertTrue(phone.driver.findElement(By.id("map")).getSize().getWidth() >= 380);
            phone.screenshot("map-phone");
            toggle.click();
            assertTrue(phone.driver.findElement(By.id("filters")).isDisplayed());
            assertEquals("true", toggle.getDomAttribute("aria-expanded"));
            toggle.click();
            phone.driver.findElement(By.cssSelector("#feed-list .feed-item[data-event-id='" + rich.strike() + "']")).click();
            phone.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("detail")).getDomAttribute("data-loaded")));
            WebElement detail = phone.driver.findElement(By.id("detail"));
            assertEquals(390, detail.getSize().getWidth(), 20, "detail covers the screen");
            phone.screenshot("map-phone-detail");
            phone.driver.findElement(By.cssSelector(".detail-close")).click();
            assertFalse(detail.isDisplayed());
        }
    }

    // ------------------------------------------------------------------ live (last: adds events)

    @Test @Order(20)
    void liveEventsWaitBehindTheNewButtonWhileTheReaderIsScrolledDown() {
        open("");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("status")).getText().equals("live"));
        js("document.getElementById('feed').scrollTop = 400");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> all("#feed-list .feed-item .sources[data-filled]").size() >= 5);
        String firstVisible = (String) js(FIRST_VISIBLE);
        Instant now = Instant.now();
        server.sitrep.store().commitEvent(new Event("ev-live-1", "Live: new strike reported", "",
                new EventLocation(new GeoPoint(35.8, 36.6), LocationPrecision.EXACT, "Live town", null, "SY", "test"),
                new TimeWindow(now, now, TimePrecision.EXACT), "Explosions/Remote violence", null, List.of(), Fatalities.UNKNOWN,
                List.of(), List.of(), EventState.PENDING, 1, 6, "test", now, now, 1), List.of());
        WebElement button = browser.waitUpTo(Duration.ofSeconds(30)).until(d -> {
            WebElement b = d.findElement(By.id("new-items"));
            return b.isDisplayed() ? b : null;
        });
        assertEquals("1 new event — show", button.getText());
        assertTrue(all("#feed-list .feed-item[data-event-id='ev-live-1']").isEmpty(), "held, not inserted");
        assertEquals(firstVisible, js(FIRST_VISIBLE), "the same item is still at the top of the visible list");
        waitFor(".ev-icon[data-event-id='ev-live-1'], .marker-cluster");
        browser.screenshot("map-live-new-button");
        button.click();
        WebElement first = waitFor("#feed-list .feed-item");
        assertEquals("ev-live-1", first.getDomAttribute("data-event-id"));
        assertEquals(0, ((Number) js("return document.getElementById('feed').scrollTop")).intValue());
        assertFalse(button.isDisplayed());
    }
}
