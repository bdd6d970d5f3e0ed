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
import org.sitrep.auth.Accounts;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.auth.Role;
import org.sitrep.http.ApiConfig;
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
        this(limits, ApiConfig.DEFAULT);
    }

    /** A server whose web page uses {@code web} (e.g. {@link WebSettings#OFFLINE} for the borders map). */
    public TestServer(WebSettings web) {
        this(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT, realStages(), web, 0);
    }

    /** On a fixed port (0 picks a free one), for serving fixtures by hand. */
    public TestServer(WebSettings web, int port) {
        this(ApiServer.Limits.DEFAULT, ApiConfig.DEFAULT, realStages(), web, port);
    }

    /**
     * Stages that keep each report its own, unclassified event located by its own coordinates: for tests
     * of the API's own behaviour (alerts, exports, change feed) that must not depend on clustering.
     */
    public static final Stages MINIMAL = new Stages(Geoparser.SOURCE_COORDINATES_ONLY, org.sitrep.pipeline.Extractor.UNCLASSIFIED,
            org.sitrep.pipeline.ClaimExtractor.NONE, org.sitrep.pipeline.Clusterer.SINGLETONS);

    /** The real stages, but no full gazetteer download in tests: reports are located by their own coordinates. */
    private static Stages realStages() { return Stages.standard(Geoparser.SOURCE_COORDINATES_ONLY); }

    public TestServer(ApiServer.Limits limits, ApiConfig config) {
        this(limits, config, realStages());
    }

    public TestServer(ApiServer.Limits limits, ApiConfig config, Stages stages) {
        this(limits, config, stages, WebSettings.DEFAULT, 0);
    }

    private TestServer(ApiServer.Limits limits, ApiConfig config, Stages stages, WebSettings web, int port) {
        try {
            dir = Files.createTempDirectory("sitrep-it");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sitrep = Sitrep.open(null, dir, Clock.systemUTC(), stages);
        server = new ApiServer(sitrep.store(), sitrep.ingestor(), limits, Clock.systemUTC(), config, sitrep.teams(), web)
                .start("127.0.0.1", port);
    }

    /** Accounts with a cheap hash (the stored hash carries its iteration count, so the server verifies it the same way). */
    public Accounts accounts() {
        return new Accounts(sitrep.teams().accounts(), new PasswordHasher(1000), Clock.systemUTC(), Duration.ofHours(1));
    }

    public void addUser(String name, String password, Role role) { accounts().addUser(name, password.toCharArray(), role); }

    /** Creates a key and returns its secret. */
    public String createKey(String name, Role role, String sourceId) { return accounts().createKey(name, role, sourceId).secret(); }

    /** A request to {@code path} with a JSON body (null: no body) and header name/value pairs. */
    public HttpResponse<String> request(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return send(b.build());
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
