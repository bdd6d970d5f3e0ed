package org.sitrep.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeFetcherIT {
    private final LocalServer server = new LocalServer();
    private final FetchConfig open = FetchConfig.defaults()
            .withAllowPrivateAddresses(true)
            .withPerHost(8, Duration.ZERO)
            .withTotalTimeout(Duration.ofSeconds(2));

    @AfterEach void stop() { server.close(); }

    @Test
    void fetchesBodyAndRevalidatesWithEtag() throws Exception {
        server.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                ex.getResponseHeaders().set("Last-Modified", "Tue, 24 Nov 2026 10:00:00 GMT");
                LocalServer.send(ex, 200, "text/plain; charset=utf-8", "Привет");
            }
        });
        SafeFetcher f = new SafeFetcher(open);
        FetchResult first = f.fetch(server.url("/feed"), Validators.NONE);
        assertEquals(200, first.status());
        assertEquals("Привет", first.text());
        assertEquals(new Validators("\"v1\"", "Tue, 24 Nov 2026 10:00:00 GMT"), first.validators());
        FetchResult second = f.fetch(server.url("/feed"), first.validators());
        assertTrue(second.notModified());
        assertNull(second.body());
        assertEquals("\"v1\"", second.validators().etag());
    }

    @Test
    void serverErrorIsReportedWithStatusAndRetryAfter() {
        server.route("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            LocalServer.send(ex, 503, "text/plain", "try later");
        });
        server.route("/broken", ex -> LocalServer.send(ex, 500, "text/plain", "oops"));
        SafeFetcher f = new SafeFetcher(open);
        FetchException busy = assertThrows(FetchException.class, () -> f.fetch(server.url("/busy"), Validators.NONE));
        assertEquals(FetchException.Reason.HTTP_STATUS, busy.reason());
        assertEquals(503, busy.status());
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
        FetchException broken = assertThrows(FetchException.class, () -> f.fetch(server.url("/broken"), Validators.NONE));
        assertEquals(500, broken.status());
    }

    @Test
    void serverThatNeverAnswersTimesOut() {
        server.route("/hang", ex -> sleep(10_000));
        SafeFetcher f = new SafeFetcher(open.withTotalTimeout(Duration.ofMillis(500)));
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/hang"), Validators.NONE));
        assertEquals(FetchException.Reason.TIMEOUT, e.reason());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "gave up within the budget");
    }

    @Test
    void slowDripBodyIsCutOffAtTheTotalDeadline() {
        server.route("/drip", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('<');
                out.flush();
                sleep(100);
            }
        });
        SafeFetcher f = new SafeFetcher(open.withTotalTimeout(Duration.ofMillis(700)));
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/drip"), Validators.NONE));
        assertEquals(FetchException.Reason.TIMEOUT, e.reason());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "headers arrived at once, the body never finished: cut at the deadline");
    }

    @Test
    void oneGigabyteStreamedBodyIsAbandonedAtTheCap() {
        AtomicLong written = new AtomicLong();
        server.route("/huge", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[64 * 1024];
            OutputStream out = ex.getResponseBody();
            for (long sent = 0; sent < (1L << 30); sent += chunk.length) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        });
        SafeFetcher f = new SafeFetcher(open.withMaxBytes(1 << 20).withTotalTimeout(Duration.ofSeconds(10)));
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/huge"), Validators.NONE));
        assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
        sleep(200);
        assertTrue(written.get() < (256L << 20), "server stopped long before 1 GB: " + written.get());
    }

    @Test
    void declaredOversizeBodyIsRefusedBeforeReading() {
        server.route("/declared", ex -> {
            ex.sendResponseHeaders(200, 1L << 30);
            ex.getResponseBody().write(new byte[1024]);
            ex.getResponseBody().flush();
            sleep(2000);
        });
        SafeFetcher f = new SafeFetcher(open.withMaxBytes(1 << 20));
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/declared"), Validators.NONE));
        assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("Content-Length"), e.getMessage());
    }

    @Test
    void gzipBombIsCappedAfterDecompression() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(raw)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) gz.write(zeros);
        }
        byte[] bomb = raw.toByteArray();
        server.route("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "text/xml", bomb);
        });
        server.route("/small", ex -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(b)) { gz.write("<rss/>".getBytes()); }
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "text/xml", b.toByteArray());
        });
        SafeFetcher f = new SafeFetcher(open.withMaxBytes(1 << 20));
        assertTrue(bomb.length < (1 << 20), "the compressed bomb fits under the cap");
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/bomb"), Validators.NONE));
        assertEquals(FetchException.Reason.TOO_LARGE, e.reason());
        assertEquals("<rss/>", f.fetch(server.url("/small"), Validators.NONE).text());
    }

    @Test
    void redirectsAreFollowedAndLoopsStopped() throws Exception {
        server.route("/old", ex -> { ex.getResponseHeaders().set("Location", "/new"); LocalServer.send(ex, 301, null, new byte[0]); });
        server.route("/new", ex -> LocalServer.send(ex, 200, "text/plain", "moved here"));
        server.route("/a", ex -> { ex.getResponseHeaders().set("Location", "/b"); LocalServer.send(ex, 302, null, new byte[0]); });
        server.route("/b", ex -> { ex.getResponseHeaders().set("Location", "/a"); LocalServer.send(ex, 302, null, new byte[0]); });
        server.route("/chain", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
            ex.getResponseHeaders().set("Location", "/chain?n=" + (n + 1));
            LocalServer.send(ex, 307, null, new byte[0]);
        });
        SafeFetcher f = new SafeFetcher(open.withMaxRedirects(3));
        FetchResult moved = f.fetch(server.url("/old"), Validators.NONE);
        assertEquals("moved here", moved.text());
        assertEquals(server.url("/new"), moved.finalUri().toString());
        FetchException loop = assertThrows(FetchException.class, () -> f.fetch(server.url("/a"), Validators.NONE));
        assertEquals(FetchException.Reason.TOO_MANY_REDIRECTS, loop.reason());
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
        FetchException chain = assertThrows(FetchException.class, () -> f.fetch(server.url("/chain?n=0"), Validators.NONE));
        assertEquals(FetchException.Reason.TOO_MANY_REDIRECTS, chain.reason());
    }

    @Test
    void redirectToLoopbackIsRefusedWhenPrivateAddressesAreNot() {
        server.route("/start", ex -> {
            ex.getResponseHeaders().set("Location", server.ipUrl("/secret"));
            LocalServer.send(ex, 302, null, new byte[0]);
        });
        server.route("/secret", ex -> LocalServer.send(ex, 200, "text/plain", "internal admin page"));
        // Only the name "localhost" is exempt (standing in for a public feed host); 127.0.0.1 is not.
        SafeFetcher f = new SafeFetcher(FetchConfig.defaults().withPerHost(4, Duration.ZERO)
                .withPrivateHostsAllowed(Set.of("localhost")));
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(server.url("/start"), Validators.NONE));
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS, e.reason());
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
        assertEquals(1, server.requests.get(), "the secret page was never requested");
    }

    @Test
    void privateAndNonHttpTargetsAreRefusedWithoutConnecting() {
        SafeFetcher f = new SafeFetcher(FetchConfig.defaults());
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS,
                assertThrows(FetchException.class, () -> f.fetch(server.ipUrl("/x"), Validators.NONE)).reason());
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS,
                assertThrows(FetchException.class, () -> f.fetch("http://169.254.169.254/latest/meta-data/", Validators.NONE)).reason());
        assertEquals(FetchException.Reason.BLOCKED_ADDRESS,
                assertThrows(FetchException.class, () -> f.fetch("http://[::1]:" + server.port() + "/", Validators.NONE)).reason());
        assertEquals(FetchException.Reason.BAD_URL,
                assertThrows(FetchException.class, () -> f.fetch("file:///etc/passwd", Validators.NONE)).reason());
        assertEquals(FetchException.Reason.BAD_URL,
                assertThrows(FetchException.class, () -> f.fetch("gopher://example.org/", Validators.NONE)).reason());
        assertEquals(0, server.requests.get());
    }

    @Test
    void wrongCharsetLabelIsOverruledByTheBytesAndTheDocument() throws Exception {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] page = "<html><head><meta charset=\"windows-1251\"></head><body>Обстрел Харькова</body></html>".getBytes(cp1251);
        server.route("/mislabelled", ex -> LocalServer.send(ex, 200, "text/html; charset=utf-8", page));
        byte[] feed = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><channel><title>Новости</title></channel></rss>".getBytes(cp1251);
        server.route("/unlabelled", ex -> LocalServer.send(ex, 200, "text/xml", feed));
        SafeFetcher f = new SafeFetcher(open);
        FetchResult html = f.fetch(server.url("/mislabelled"), Validators.NONE);
        assertEquals(cp1251, html.charset());
        assertTrue(html.text().contains("Обстрел Харькова"), html.text());
        FetchResult xml = f.fetch(server.url("/unlabelled"), Validators.NONE);
        assertTrue(xml.text().contains("Новости"), xml.text());
        assertArrayEquals(feed, xml.body());
    }

    @Test
    void requestsToOneHostAreSpacedByThePoliteDelay() throws Exception {
        server.route("/p", ex -> LocalServer.send(ex, 200, "text/plain", "ok"));
        SafeFetcher f = new SafeFetcher(open.withPerHost(1, Duration.ofMillis(150)));
        long t0 = System.nanoTime();
        for (int i = 0; i < 4; i++) f.fetch(server.url("/p"), Validators.NONE);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 440, "4 requests at least 150 ms apart took " + ms + " ms");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
