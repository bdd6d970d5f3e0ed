package org.sitrep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.sitrep.app.Sitrep;
import org.sitrep.http.ApiServer;
import org.sitrep.internal.Json;
import org.sitrep.model.Event;
import org.sitrep.model.GeoPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sitrep bench store}: fills a store with synthetic events (skipped when it already holds
 * enough) and measures GET /api/events latency over real HTTP for map-box and free-text queries,
 * one client, sequential requests, after a warm-up.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Measure /api/events latency (p50, p99) for bounding-box and text queries on a store filled",
                "with synthetic events. Use a store made for it: the events are synthetic."})
public final class StoreBenchCommand implements Runnable {
    @Option(names = "--db", required = true, paramLabel = "URL", description = "sqlite:FILE or postgresql://USER:PASSWORD@HOST:PORT/DATABASE")
    String db;

    @Option(names = "--events", defaultValue = "1000000", description = "Events the store should hold (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--queries", defaultValue = "300", description = "Measured requests per query kind (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override public void run() {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("sitrep-bench");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Sitrep sitrep = Sitrep.open(db, tmp, Clock.systemUTC())) {
            SyntheticEvents gen = new SyntheticEvents(seed, seed);
            long have = sitrep.store().stats().events();
            if (have < events) fill(sitrep, gen, have);
            else System.err.printf("the store already holds %,d events; measuring%n", have);
            gen = new SyntheticEvents(seed, seed + 1); // same towns and vocabulary, other draws
            try (ApiServer server = new ApiServer(sitrep.store(), sitrep.ingestor(), ApiServer.Limits.DEFAULT, Clock.systemUTC())
                    .start("127.0.0.1", 0)) {
                measure(server.port(), gen, sitrep.store().stats().events());
            }
        }
    }

    private void fill(Sitrep sitrep, SyntheticEvents gen, long have) {
        // Regenerate from the start so ids continue where a previous (interrupted) fill stopped.
        for (long i = 0; i < have; i++) gen.next();
        long start = System.nanoTime();
        int batch = 5000;
        List<Event> buffer = new ArrayList<>(batch);
        long genNanos = 0;
        for (long i = have; i < events; i++) {
            long g = System.nanoTime();
            buffer.add(gen.next());
            genNanos += System.nanoTime() - g;
            if (buffer.size() == batch || i == events - 1) {
                BulkLoad.load(sitrep.store(), buffer);
                buffer.clear();
                if ((i + 1) % 100_000 < batch) {
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf("%,d events loaded (%,.0f/s)%n", i + 1, (i + 1 - have) / s);
                }
            }
        }
        System.err.printf("loaded %,d events in %.1f s (%.1f s of it generating them)%n", events - have,
                (System.nanoTime() - start) / 1e9, genNanos / 1e9);
    }

    private void measure(int port, SyntheticEvents gen, long total) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var r = gen.random();
        List<Kind> kinds = List.of(
                new Kind("bbox 0.5 deg (town)", () -> "bbox=" + box(gen.randomTown(), 0.25)),
                new Kind("bbox 5 deg (region)", () -> "bbox=" + box(gen.randomTown(), 2.5)),
                new Kind("bbox 0.5 deg + 30 days", () -> "bbox=" + box(gen.randomTown(), 0.25) + "&from=2025-03-01T00:00:00Z&to=2025-03-31T00:00:00Z"),
                new Kind("text, common word", () -> "q=" + enc(gen.wordAtRank(r.nextInt(20)))),
                new Kind("text, mid word", () -> "q=" + enc(gen.wordAtRank(200 + r.nextInt(800)))),
                new Kind("text, rare word", () -> "q=" + enc(gen.wordAtRank(5000 + r.nextInt(15000)))),
                new Kind("text prefix (3 letters)", () -> "q=" + enc(gen.wordAtRank(r.nextInt(2000)).substring(0, 3))),
                new Kind("text + bbox 5 deg", () -> "q=" + enc(gen.wordAtRank(r.nextInt(1000))) + "&bbox=" + box(gen.randomTown(), 2.5)));
        System.out.printf(Locale.ROOT, "%,d events, %d requests per kind, limit 100 per page%n", total, queries);
        System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %10s%n", "query", "p50 ms", "p99 ms", "max ms", "avg hits");
        for (Kind k : kinds) {
            for (int i = 0; i < 20; i++) get(http, port, k.query.get()); // warm-up
            double[] ms = new double[queries];
            long hits = 0;
            for (int i = 0; i < queries; i++) {
                String q = k.query.get();
                long t = System.nanoTime();
                String body = get(http, port, q);
                ms[i] = (System.nanoTime() - t) / 1e6;
                hits += count(body);
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "%-26s %9.1f %9.1f %9.1f %10.1f%n", k.name, pct(ms, 50), pct(ms, 99), ms[ms.length - 1],
                    hits / (double) queries);
        }
    }

    private record Kind(String name, Supplier<String> query) {}

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String box(GeoPoint c, double half) {
        return String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f", Math.max(-180, c.lon() - half), Math.max(-90, c.lat() - half),
                Math.min(180, c.lon() + half), Math.min(90, c.lat() + half));
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    private static String get(HttpClient http, int port, String query) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/events?" + query))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 200) throw new IllegalStateException("GET /api/events?" + query + " answered " + res.statusCode() + ": " + res.body());
            return res.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET /api/events?" + query + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(String body) {
        try {
            return Json.MAPPER.readTree(body).get("features").size();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer: " + e.getMessage(), e);
        }
    }
}
