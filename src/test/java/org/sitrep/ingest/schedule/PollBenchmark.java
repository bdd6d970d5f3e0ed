package org.sitrep.ingest.schedule;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.sitrep.ingest.Connectors;
import org.sitrep.ingest.FetchConfig;
import org.sitrep.ingest.MutableClock;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.model.Source;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * Polls N RSS sources on one node against a local server and prints the figures for BENCHMARKS.md.
 * Each source lives on its own loopback address (127.0.x.y) so per-host politeness applies as it would
 * to N different sites. Rounds: cold (every feed new, 20 items each), warm (every feed answers 304),
 * and 10% changed (new ETag, one new item). Reports go straight to the store (no analysis pipeline),
 * so the figures are those of fetching, parsing, dedup and the transactional commit.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package test-compile
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/sitrep.jar org.sitrep.ingest.schedule.PollBenchmark 1000 64
 * </pre>
 */
public final class PollBenchmark {
    private PollBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int items = 20;
        AtomicIntegerArray version = new AtomicIntegerArray(n);
        AtomicLong requests = new AtomicLong(), notModified = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/feed/", ex -> {
            requests.incrementAndGet();
            int id = Integer.parseInt(ex.getRequestURI().getPath().substring("/feed/".length()));
            int v = version.get(id);
            String etag = "\"" + id + "-" + v + "\"";
            ex.getResponseHeaders().set("ETag", etag);
            if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            byte[] body = feed(id, v, items).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        int port = server.getAddress().getPort();
        Path dir = Files.createTempDirectory("sitrep-pollbench");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        try (SqliteStore store = SqliteStore.open(dir.resolve("sitrep.db"))) {
            for (int i = 0; i < n; i++) {
                String host = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
                store.saveSource(new Source("bench" + i, null, "rss", "http://" + host + ":" + port + "/feed/" + i, null, null, 'F',
                        Duration.ofMinutes(10), false));
            }
            SqliteSourceStateStore state = new SqliteSourceStateStore(store, ReportSink.STORE_ONLY);
            FetchConfig fetch = FetchConfig.defaults().withAllowPrivateAddresses(true).withTotalTimeout(Duration.ofSeconds(30));
            try (PollScheduler scheduler = new PollScheduler(state, Connectors.standard(new SafeFetcher(fetch, clock), clock),
                    PollPlanner.defaults(new Random(1)), new PollScheduler.Config(concurrency, Duration.ofMinutes(10), Duration.ofSeconds(1)), clock)) {
                System.out.printf("%d sources on %d loopback hosts, %d concurrent polls, %d items per feed%n", n, n, concurrency, items);
                round("cold (all new)", scheduler, requests, notModified);
                clock.advance(Duration.ofMinutes(15));
                round("warm (all 304)", scheduler, requests, notModified);
                for (int i = 0; i < n; i += 10) version.incrementAndGet(i);
                clock.advance(Duration.ofMinutes(15));
                round("10% changed", scheduler, requests, notModified);
            }
            System.out.printf("reports stored: %d%n", store.stats().reports());
        } finally {
            server.stop(0);
        }
    }

    private static void round(String name, PollScheduler s, AtomicLong requests, AtomicLong notModified) throws InterruptedException {
        PollScheduler.Counters before = s.counters();
        long r0 = requests.get(), nm0 = notModified.get();
        long t0 = System.nanoTime();
        int polls = s.runDue();
        double secs = (System.nanoTime() - t0) / 1e9;
        PollScheduler.Counters after = s.counters();
        System.out.printf("%-16s %5d polls in %6.2f s = %7.1f polls/s; %6d new reports (%7.0f/s); %d failed; %d requests, %d answered 304%n",
                name, polls, secs, polls / secs, after.reportsNew() - before.reportsNew(), (after.reportsNew() - before.reportsNew()) / secs,
                after.failures() - before.failures(), requests.get() - r0, notModified.get() - nm0);
    }

    static String feed(int id, int version, int items) {
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bench feed ").append(id)
                .append("</title><link>https://bench").append(id).append(".example/</link>");
        for (int k = version; k < version + items; k++) {
            sb.append("<item><title>Feed ").append(id).append(" report ").append(k).append("</title>")
                    .append("<link>https://bench").append(id).append(".example/").append(k).append("</link>")
                    .append("<guid>bench-").append(id).append("-").append(k).append("</guid>")
                    .append("<pubDate>Tue, 24 Nov 2026 10:00:00 +0000</pubDate>")
                    .append("<description><![CDATA[<p>Shelling was reported near the northern checkpoint overnight, feed ")
                    .append(id).append(" item ").append(k).append(".</p><p>Officials gave no casualty figures.</p>]]></description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }
}
