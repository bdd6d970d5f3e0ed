package org.sitrep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.sitrep.auth.Role;
import org.sitrep.http.WebSettings;
import org.sitrep.testing.Browser;
import org.sitrep.testing.TestServer;

/**
 * Analyst actions through the page: sign in, verify, change the type, move the pin, merge, split and
 * notes, each through the API with the session's CSRF token; a viewer sees no actions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalystIT {
    static final String VIEW = "z=9&lat=35.8&lon=36.5";
    TestServer server;
    Browser browser;
    MapFixtures.Rich rich;

    @BeforeAll void start() {
        server = new TestServer(WebSettings.OFFLINE);
        rich = MapFixtures.rich(server.sitrep.store(), Instant.now(), server.url(""));
        server.addUser("ana", "correct horse battery", Role.ANALYST);
        server.addUser("vic", "viewer password 1", Role.VIEWER);
        browser = new Browser(1280, 800);
        browser.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    }

    @AfterAll void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    Object js(String script, Object... args) { return ((JavascriptExecutor) browser.driver).executeScript(script, args); }

    WebElement waitFor(String css) {
        return browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    void open(String query) {
        browser.driver.get(server.url("/?" + query));
        browser.waitUpTo(Duration.ofSeconds(60)).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
    }

    void openEvent(String id) {
        open(VIEW + "&ev=" + id);
        try {
            browser.waitUpTo(Duration.ofSeconds(30)).until(d -> "true".equals(d.findElement(By.id("detail")).getDomAttribute("data-loaded")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("detail not loaded: " + js("""
                    return JSON.stringify({ hidden: document.getElementById('detail').hidden, ev: document.getElementById('detail').dataset.eventId,
                      text: document.getElementById('detail').innerText.slice(0, 200), errors: window.sitrep.errors, url: location.search,
                      requests: performance.getEntriesByType('resource').filter(r => r.name.includes('/api/')).map(r => r.name.slice(-60) + ' ' + Math.round(r.duration)).slice(-15) });"""), e);
        }
    }

    String text(String css) {
        return (String) js("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    }

    void signIn(String user, String password) {
        waitFor("#sign-in").click();
        WebElement dialog = waitFor("#login-dialog");
        dialog.findElement(By.name("username")).sendKeys(user);
        dialog.findElement(By.name("password")).sendKeys(password);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElement(By.id("account")).getText().contains(user));
    }

    void signOut() {
        browser.driver.findElements(By.cssSelector("#account button")).stream().filter(b -> b.getText().equals("Sign out")).findFirst().ifPresent(WebElement::click);
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("sign-in")).isEmpty());
    }

    /** Runs an action and waits for its "done" message (or fails with the page's message). */
    void act(String buttonCss) {
        waitFor(buttonCss).click();
        String msg = browser.waitUpTo(Duration.ofSeconds(30)).until(d -> {
            String t = text("#action-status");
            return t.endsWith(": done.") || t.contains("failed") ? t : null;
        });
        assertTrue(msg.endsWith(": done."), msg);
    }

    String detailText() { return (String) js("return document.getElementById('detail').innerText"); }

    @Test @Order(1)
    void withoutASessionThereAreNoActionsAndAWrongPasswordIsRefused() {
        openEvent(rich.clash());
        assertTrue(browser.driver.findElements(By.cssSelector(".analyst-actions")).isEmpty());
        waitFor("#sign-in").click();
        WebElement dialog = waitFor("#login-dialog");
        dialog.findElement(By.name("username")).sendKeys("ana");
        dialog.findElement(By.name("password")).sendKeys("wrong");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("Wrong user name or password.", browser.waitUpTo(Duration.ofSeconds(30))
                .until(d -> { String t = dialog.findElement(By.cssSelector(".error")).getText(); return t.isEmpty() ? null : t; }));
        dialog.findElement(By.cssSelector(".cancel")).click();
    }

    @Test @Order(2)
    void aViewerSeesNoActions() {
        open(VIEW);
        signIn("vic", "viewer password 1");
        openEvent(rich.clash());
        assertTrue(browser.driver.findElement(By.id("account")).getText().contains("vic (viewer)"));
        assertTrue(browser.driver.findElements(By.cssSelector(".analyst-actions")).isEmpty());
        signOut();
    }

    @Test @Order(3)
    void anAnalystVerifiesChangesTheTypeMovesThePinAndAddsANote() {
        open(VIEW);
        signIn("ana", "correct horse battery");
        openEvent(rich.clash());
        waitFor(".analyst-actions");
        browser.screenshot("map-analyst-actions");

        act(".act-verified");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> text("#detail .badge").equalsIgnoreCase("verified"));
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> text("#feed-list .feed-item[data-event-id='" + rich.clash() + "'] .badge").equalsIgnoreCase("verified"));

        new Select(waitFor("#act-type")).selectByValue("Riots");
        WebElement sub = waitFor("#act-subtype");
        sub.clear();
        sub.sendKeys("Violent demonstration");
        act("#act-type-save");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> detailText().contains("Riots · Violent demonstration"));

        String before = (String) js("return document.querySelector('#detail .facts dd:nth-of-type(2)').textContent");
        waitFor("#act-move").click();
        WebElement map = browser.driver.findElement(By.id("map"));
        new Actions(browser.driver).moveToElement(map, -120, 60).click().perform();
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> text("#action-status").startsWith("Move the pin: done"));
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !before.equals(js("return document.querySelector('#detail .facts dd:nth-of-type(2)').textContent")));

        waitFor("#act-note-text").sendKeys("Checked against two local pages.");
        act("#act-note-save");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> detailText().contains("Checked against two local pages."));
        assertTrue(detailText().contains("event.state"), "history lists the state change: " + detailText());
        browser.screenshot("map-analyst-history");
    }

    @Test @Order(4)
    void anAnalystMergesAndSplitsEvents() {
        openEvent(rich.strike());
        waitFor(".analyst-actions");
        int reports = browser.driver.findElements(By.cssSelector("#detail li.report")).size();
        waitFor("#act-merge-ids").sendKeys(rich.protest());
        act("#act-merge");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#detail li.report")).size() == reports + 1);
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#feed-list .feed-item[data-event-id='" + rich.protest() + "']")).isEmpty());

        List<WebElement> picks = browser.driver.findElements(By.cssSelector("#detail .split-pick"));
        assertEquals(reports + 1, picks.size());
        String protestReport = (String) js("return [...document.querySelectorAll('#detail li.report')].find(li => li.textContent.includes('bread prices')).dataset.reportId");
        browser.driver.findElement(By.cssSelector("#detail .split-pick[value='" + protestReport + "']")).click();
        act("#act-split");
        browser.waitUpTo(Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#detail li.report")).size() == reports);
        String newId = browser.waitUpTo(Duration.ofSeconds(30)).until(d -> (String) js("""
                const li = [...document.querySelectorAll('#feed-list .feed-item')].find(li => li.textContent.includes('bread prices'));
                return li ? li.dataset.eventId : null;"""));
        assertNotEquals(rich.strike(), newId);
        assertFalse(newId.isBlank());
    }
}
