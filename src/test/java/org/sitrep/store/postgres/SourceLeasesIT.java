package org.sitrep.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.model.Source;
import org.sitrep.testing.EmbeddedPg;

/**
 * Shared feed polling: nodes lease sources on one PostgreSQL database. Time is passed explicitly
 * (a simulated clock shared by the nodes) so lease expiry is tested without waiting; the claims
 * themselves run concurrently against the real database.
 */
class SourceLeasesIT {
    static EmbeddedPg pg;
    static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30), INTERVAL = Duration.ofSeconds(60);

    PostgresStore store;
    SourceLeases leases;

    @BeforeAll static void startServer() { pg = EmbeddedPg.start(); }

    @AfterAll static void stopServer() { if (pg != null) pg.close(); }

    @BeforeEach void open() {
        store = PostgresStore.open(pg.newDatabase(), 8);
        leases = new SourceLeases(store);
    }

    @AfterEach void close() { store.close(); }

    private void sources(int n, String urlBase) {
        for (int i = 0; i < n; i++) {
            store.saveSource(new Source(String.format("rss:%03d", i), null, "rss", urlBase + "/feed/" + i, null, null, 'F', INTERVAL, false));
        }
    }

    @Test void concurrentClaimsTakeDisjointSourcesAndSkipPausedAndOtherTypes() throws Exception {
        sources(120, "http://127.0.0.1:9");
        store.saveSource(new Source("rss:paused", null, "rss", "http://127.0.0.1:9/p", null, null, 'F', INTERVAL, true));
        store.saveSource(new Source("tg:chan", null, "telegram", "chan", null, null, 'F', INTERVAL, false));
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> claims = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            String node = "node-" + i;
            claims.add(pool.submit(() -> {
                go.await();
                List<String> mine = new ArrayList<>();
                List<SourceLeases.Lease> got;
                while (!(got = leases.acquire(node, Set.of("rss"), 7, LEASE, T0)).isEmpty()) got.forEach(l -> mine.add(l.sourceId()));
                return mine;
            }));
        }
        go.countDown();
        Set<String> all = new HashSet<>();
        int total = 0;
        for (Future<List<String>> f : claims) {
            List<String> mine = f.get();
            total += mine.size();
            all.addAll(mine);
        }
        pool.shutdown();
        assertEquals(120, total, "no source leased twice");
        assertEquals(120, all.size(), "every due rss source leased");
        assertFalse(all.contains("rss:paused"));
        assertFalse(all.contains("tg:chan"));
        assertEquals(List.of("tg:chan"), leases.acquire("node-x", Set.of(), 10, LEASE, T0).stream().map(SourceLeases.Lease::sourceId).toList(),
                "no type filter: the remaining unpaused source");
    }

    @Test void anExpiredLeaseIsTakenOverAndTheFormerHolderCannotCommit() {
        sources(3, "http://127.0.0.1:9");
        List<SourceLeases.Lease> a = leases.acquire("a", Set.of(), 10, LEASE, T0);
        assertEquals(3, a.size());
        assertTrue(leases.acquire("b", Set.of(), 10, LEASE, T0.plusSeconds(29)).isEmpty(), "live leases are respected");
        assertTrue(leases.renew("a", "rss:000", LEASE, T0.plusSeconds(20)), "a renews one source at +20 s, until +50 s");
        List<SourceLeases.Lease> b = leases.acquire("b", Set.of(), 10, LEASE, T0.plusSeconds(31));
        assertEquals(List.of("rss:001", "rss:002"), b.stream().map(SourceLeases.Lease::sourceId).toList(), "expired leases are taken over");
        assertFalse(leases.renew("a", "rss:001", LEASE, T0.plusSeconds(32)), "a lost it");
        assertFalse(leases.release("a", "rss:001", T0.plusSeconds(92)), "a cannot commit what b now holds");
        assertEquals(1, leases.releaseAll("a"), "a restarting frees what it still holds (rss:000)");
        assertTrue(leases.release("b", "rss:001", T0.plusSeconds(92)));
        assertTrue(leases.acquire("c", Set.of(), 10, LEASE, T0.plusSeconds(91)).stream().noneMatch(l -> l.sourceId().equals("rss:001")),
                "released with its next poll time: not due before it");
    }

    /**
     * Two nodes poll 40 feeds from a local HTTP server every 60 s on a shared simulated clock ticking
     * 10 s; node A dies mid-poll at 70 s (after fetching half of what it leased, committing nothing).
     * Node B takes A's sources over once A's leases expire; every committed fetch of a source is at
     * least one interval after the previous one, and every source keeps being polled.
     */
    @Test void aDeadNodesSourcesAreTakenOverAndNothingIsFetchedTwiceInAnInterval() throws Exception {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/feed/", ex -> {
            hits.computeIfAbsent(ex.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            byte[] body = "<rss/>".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        HttpClient client = HttpClient.newHttpClient();
        int feeds = 40;
        sources(feeds, "http://127.0.0.1:" + http.getAddress().getPort());
        Map<String, List<Instant>> committed = new ConcurrentHashMap<>();
        Map<String, String> holder = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Instant killedAt = T0.plusSeconds(70);
        Set<String> diedHolding = new HashSet<>();
        try {
            for (Instant now = T0; now.isBefore(T0.plusSeconds(300)); now = now.plusSeconds(10)) {
                Instant t = now;
                List<Future<List<SourceLeases.Lease>>> claims = new ArrayList<>();
                for (String node : List.of("a", "b")) {
                    if (node.equals("a") && t.isAfter(killedAt)) continue;
                    claims.add(pool.submit(() -> leases.acquire(node, Set.of("rss"), 15, LEASE, t)));
                    // at the kill, let A claim first so that it surely dies holding something
                    if (t.equals(killedAt)) claims.get(claims.size() - 1).get();
                }
                for (Future<List<SourceLeases.Lease>> f : claims) {
                    List<SourceLeases.Lease> got = f.get();
                    for (int i = 0; i < got.size(); i++) {
                        SourceLeases.Lease l = got.get(i);
                        String previous = holder.put(l.sourceId(), l.nodeId());
                        assertTrue(previous == null || previous.equals("a") && diedHolding.contains(l.sourceId()),
                                l.sourceId() + " leased to " + l.nodeId() + " while " + previous + " held it");
                        boolean dies = l.nodeId().equals("a") && t.equals(killedAt);
                        if (dies && i >= got.size() / 2) { diedHolding.add(l.sourceId()); continue; } // leased, never fetched
                        String url = store.source(l.sourceId()).orElseThrow().url();
                        HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, res.statusCode());
                        if (dies) { diedHolding.add(l.sourceId()); continue; } // fetched, killed before committing
                        assertTrue(leases.release(l.nodeId(), l.sourceId(), t.plus(INTERVAL)));
                        holder.remove(l.sourceId());
                        committed.computeIfAbsent(l.sourceId(), k -> new ArrayList<>()).add(t);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            http.stop(0);
        }
        assertFalse(diedHolding.isEmpty(), "node A died holding leases (the scenario happened)");
        for (int i = 0; i < feeds; i++) {
            String id = String.format("rss:%03d", i);
            List<Instant> times = committed.getOrDefault(id, List.of());
            assertTrue(times.size() >= 4, id + " kept being polled: " + times);
            for (int k = 1; k < times.size(); k++) {
                assertTrue(!times.get(k).isBefore(times.get(k - 1).plus(INTERVAL)), id + " committed twice within an interval: " + times);
            }
            if (diedHolding.contains(id)) {
                Instant takenOver = times.stream().filter(x -> x.isAfter(killedAt)).findFirst().orElseThrow();
                assertTrue(!takenOver.isAfter(killedAt.plus(LEASE).plusSeconds(10)), id + " taken over soon after A's lease expired: " + takenOver);
            }
        }
        Map<String, Integer> fetches = new HashMap<>();
        hits.forEach((k, v) -> fetches.put(k, v.get()));
        int total = fetches.values().stream().mapToInt(Integer::intValue).sum();
        int commits = committed.values().stream().mapToInt(List::size).sum();
        long fetchedByTheDead = diedHolding.size() / 2; // the first half of what A leased at the kill was fetched
        assertTrue(total - commits <= fetchedByTheDead + 1, "the only uncommitted fetches are the dead node's: " + total + " fetches, " + commits + " commits");
    }
}
