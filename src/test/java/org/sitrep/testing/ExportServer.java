package org.sitrep.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sitrep.app.Sitrep;
import org.sitrep.http.ApiConfig;
import org.sitrep.http.ApiServer;

/**
 * A Sitrep server over an existing database file, with the minimal stages and no rate limits, for
 * tests that run the server in a separate JVM (heap caps). Prints the same start line as serve.
 */
public final class ExportServer {
    private ExportServer() {}

    public static void main(String[] args) throws InterruptedException {
        Path db = Path.of(args[0]);
        Sitrep sitrep = Sitrep.open("sqlite:" + db, db.getParent(), Clock.systemUTC(), TestServer.MINIMAL);
        ApiConfig config = ApiConfig.DEFAULT.withRateLimits(ApiConfig.RateLimit.NONE, ApiConfig.RateLimit.NONE, ApiConfig.RateLimit.NONE);
        ApiServer server = new ApiServer(sitrep.store(), sitrep.ingestor(), ApiServer.Limits.DEFAULT, Clock.systemUTC(), config, sitrep.teams())
                .start("127.0.0.1", 0);
        System.err.println("Sitrep is running: http://127.0.0.1:" + server.port() + "/");
        new CountDownLatch(1).await();
    }
}
