package org.sitrep.web;

import java.time.Instant;
import org.sitrep.http.WebSettings;
import org.sitrep.testing.TestServer;

/**
 * Serves the map over the test fixtures, for looking at the page by hand while working on it:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.sitrep.web.FixtureServer 18082 50000 none}
 * (port, number of bulk events, tile URL or "none", optionally the bulk events' south-west corner lat lon). Stops with Ctrl-C.
 */
final class FixtureServer {
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18082;
        int bulk = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        WebSettings web = args.length > 2 ? WebSettings.of(args[2], null) : WebSettings.OFFLINE;
        TestServer server = new TestServer(web, port);
        Instant now = Instant.now();
        MapFixtures.rich(server.sitrep.store(), now, server.url(""));
        long t0 = System.nanoTime();
        if (bulk > 0 && args.length > 4) {
            MapFixtures.bulk(server.sitrep.store(), bulk, now, 6, 7, Double.parseDouble(args[3]), Double.parseDouble(args[4]), LiveMapIT.BULK_SIDES);
        } else if (bulk > 0) {
            MapFixtures.bulk(server.sitrep.store(), bulk, now, 7, 42);
        }
        System.err.printf("%d bulk events written in %d ms; serving %s%n", bulk, (System.nanoTime() - t0) / 1_000_000, server.url("/"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        Thread.currentThread().join();
    }
}
