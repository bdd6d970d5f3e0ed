package org.sitrep.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sitrep.app.Sitrep;
import org.sitrep.http.ApiConfig;
import org.sitrep.http.ApiServer;
import org.sitrep.http.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Sitrep server: the live map at http://HOST:PORT/ and the API under /api.",
                "Reports arrive through POST /api/reports, 'sitrep ingest' and the configured sources."})
final class ServeCommand implements Runnable {
    @Mixin StoreOptions storeOptions;
    @Mixin ApiOptions apiOptions;

    @Option(names = "--port", defaultValue = "${env:SITREP_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SITREP_HOST:-127.0.0.1}",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; use 0.0.0.0 to accept other machines).")
    String host;

    @Mixin MapOptions mapOptions;

    @Option(names = "--mastodon-streams", defaultValue = "${env:SITREP_MASTODON_STREAMS:-50}", paramLabel = "N",
            description = {"Keep up to N Mastodon hashtag/public sources open on the streaming API, for posts within seconds",
                    "(default: ${DEFAULT-VALUE}; 0 turns streaming off; polling goes on either way). Servers that need a token",
                    "for streaming get it from the environment: SITREP_MASTODON_TOKENS=HOST=TOKEN,HOST=TOKEN."})
    int mastodonStreams;

    @Override public void run() {
        WebSettings web = mapOptions.settings();
        try (Sitrep sitrep = Sitrep.open(storeOptions.db, storeOptions.dataDir, Clock.systemUTC())) {
            org.sitrep.ingest.mastodon.MastodonStreams.Config streams;
            try {
                streams = org.sitrep.ingest.mastodon.MastodonStreams.Config.defaults().withMaxStreams(Math.max(0, mastodonStreams))
                        .withTokens(org.sitrep.ingest.mastodon.MastodonStreams.Config.parseTokens(System.getenv("SITREP_MASTODON_TOKENS")));
            } catch (IllegalArgumentException e) {
                throw new UserException("SITREP_MASTODON_TOKENS: " + e.getMessage());
            }
            serve(sitrep, host, port, apiOptions.config(), web, null, streams);
        }
    }

    /** Options for the web map's base layer, shared by serve and demo. */
    static final class MapOptions {
        @Option(names = "--tiles-url", defaultValue = "${env:SITREP_TILES_URL:-" + WebSettings.OSM_URL + "}",
                description = {"Map tiles: an XYZ URL template with {z}, {x}, {y} (default: OpenStreetMap), or 'none' to draw",
                        "the country borders the page ships (works offline)."})
        String tilesUrl;

        @Option(names = "--tiles-attribution", defaultValue = "${env:SITREP_TILES_ATTRIBUTION}",
                description = "Credit shown on the map for the tiles (required by most tile providers).")
        String tilesAttribution;

        WebSettings settings() {
            try {
                return WebSettings.of(tilesUrl, tilesAttribution);
            } catch (IllegalArgumentException e) {
                throw new UserException("--tiles-url: " + e.getMessage());
            }
        }
    }

    /** Starts the server, runs {@code afterStart} (may be null), and blocks until the process is stopped. */
    static void serve(Sitrep sitrep, String host, int port, ApiConfig config, WebSettings web, Runnable afterStart) {
        serve(sitrep, host, port, config, web, afterStart, org.sitrep.ingest.mastodon.MastodonStreams.Config.defaults());
    }

    /** As above, with Mastodon streaming limited by {@code streams} (maxStreams 0: off). */
    static void serve(Sitrep sitrep, String host, int port, ApiConfig config, WebSettings web, Runnable afterStart,
                      org.sitrep.ingest.mastodon.MastodonStreams.Config streams) {
        // Mastodon hashtag/public sources also stream (seconds, not a poll interval); the poll stays the completeness guarantee
        org.sitrep.ingest.mastodon.StreamClaims claims = streams.maxStreams() <= 0 ? org.sitrep.ingest.mastodon.StreamClaims.LOCAL
                : streamClaims(sitrep.store());
        java.util.Optional<org.sitrep.ingest.mastodon.MastodonStreams> streaming = streams.maxStreams() <= 0 ? java.util.Optional.empty()
                : java.util.Optional.of(new org.sitrep.ingest.mastodon.MastodonStreams(sitrep.store()::sources,
                        new org.sitrep.ingest.SafeFetcher(org.sitrep.ingest.FetchConfig.defaults(), Clock.systemUTC()),
                        report -> sitrep.ingestor().submit(report).created(), streams, Clock.systemUTC(), claims));
        ApiServer server;
        try {
            server = new ApiServer(sitrep.store(), sitrep.ingestor(), ApiServer.Limits.DEFAULT, Clock.systemUTC(), config, sitrep.teams(), web)
                    .streams(streaming.<java.util.function.Supplier<java.util.List<org.sitrep.ingest.mastodon.MastodonStreams.Status>>>map(m -> m::status).orElse(null))
                    .start(host, port);
        } catch (RuntimeException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "); is another server using it? Try --port");
        }
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        System.err.println("Sitrep is running: http://" + shown + ":" + server.port() + "/  (Ctrl-C stops it)");
        // polls the sources added with 'sitrep sources add'; each poll commits its reports and cursor together
        java.util.Optional<org.sitrep.ingest.schedule.PollScheduler> polling = org.sitrep.ingest.schedule.Polling.startIfSupported(
                sitrep.store(), sitrep.ingestor()::attach, org.sitrep.ingest.FetchConfig.defaults(),
                org.sitrep.ingest.schedule.PollScheduler.Config.defaults(), Clock.systemUTC());
        // reports queued by 'sitrep ingest --defer-analysis' or left by a killed process: analysed behind the live ones
        org.sitrep.app.AnalysisBacklog backlog = new org.sitrep.app.AnalysisBacklog(sitrep.ingestor(), java.time.Duration.ofMinutes(5)).start();
        streaming.ifPresent(org.sitrep.ingest.mastodon.MastodonStreams::start);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streaming.ifPresent(org.sitrep.ingest.mastodon.MastodonStreams::close);
            claims.close();
            polling.ifPresent(org.sitrep.ingest.schedule.PollScheduler::close);
            backlog.close();
            server.close();
            stop.countDown();
        }));
        if (afterStart != null) afterStart.run();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** On PostgreSQL every node of the database shares the streams: each source is streamed by one node. */
    private static org.sitrep.ingest.mastodon.StreamClaims streamClaims(org.sitrep.store.Store store) {
        return store instanceof org.sitrep.store.postgres.PostgresStore pg ? new org.sitrep.ingest.mastodon.PostgresStreamClaims(pg)
                : org.sitrep.ingest.mastodon.StreamClaims.LOCAL;
    }

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
