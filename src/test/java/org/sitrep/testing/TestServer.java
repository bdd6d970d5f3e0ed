package org.sitrep.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.sitrep.app.Sitrep;
import org.sitrep.app.Stages;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.http.ApiServer;
import org.sitrep.http.WebSettings;

/** A real Sitrep server on a random port over a fresh embedded store, for integration tests. */
public final class TestServer implements AutoCloseable {
    public final Path dir;
    public final Sitrep sitrep;
    public final ApiServer server;
    public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public TestServer() {
        this(ApiServer.Limits.DEFAULT);
    }

    public TestServer(ApiServer.Limits limits) {
        this(limits, WebSettings.DEFAULT);
    }

    /** A server whose web page uses {@code web} (e.g. {@link WebSettings#OFFLINE} for the borders map). */
    public TestServer(WebSettings web) {
        this(ApiServer.Limits.DEFAULT, web);
    }

    public TestServer(ApiServer.Limits limits, WebSettings web) {
        this(limits, web, 0);
    }

    /** On a fixed port (0 picks a free one), for serving fixtures by hand. */
    public TestServer(WebSettings web, int port) {
        this(ApiServer.Limits.DEFAULT, web, port);
    }

    private TestServer(ApiServer.Limits limits, WebSettings web, int port) {
        try {
            dir = Files.createTempDirectory("sitrep-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // The real stages, but no full gazetteer download in tests: reports are located by their own coordinates.
        sitrep = Sitrep.open(null, dir, Clock.systemUTC(), Stages.standard(Geoparser.SOURCE_COORDINATES_ONLY));
        server = new ApiServer(sitrep.store(), sitrep.ingestor(), limits, Clock.systemUTC(), web).start("127.0.0.1", port);
    }

    public String url(String path) { return "http://127.0.0.1:" + server.port() + path; }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20)).GET().build());
    }

    public HttpResponse<String> post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> send(HttpRequest req) {
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + req.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override public void close() {
        server.close();
        sitrep.close();
    }
}
