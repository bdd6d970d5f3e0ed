package org.sitrep.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.sitrep.app.Sitrep;
import org.sitrep.http.ApiConfig;
import org.sitrep.http.ApiServer;
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

    @Override public void run() {
        try (Sitrep sitrep = Sitrep.open(storeOptions.db, storeOptions.dataDir, Clock.systemUTC())) {
            serve(sitrep, host, port, apiOptions.config(), null);
        }
    }

    /** Starts the server, runs {@code afterStart} (may be null), and blocks until the process is stopped. */
    static void serve(Sitrep sitrep, String host, int port, Runnable afterStart) {
        serve(sitrep, host, port, ApiConfig.DEFAULT, afterStart);
    }

    static void serve(Sitrep sitrep, String host, int port, ApiConfig config, Runnable afterStart) {
        sitrep.ingestor().resume();
        ApiServer server;
        try {
            server = new ApiServer(sitrep.store(), sitrep.ingestor(), ApiServer.Limits.DEFAULT, Clock.systemUTC(), config, sitrep.teams())
                    .start(host, port);
        } catch (RuntimeException e) {
            throw new UserException("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "); is another server using it? Try --port");
        }
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        System.err.println("Sitrep is running: http://" + shown + ":" + server.port() + "/  (Ctrl-C stops it)");
        // polls the sources added with 'sitrep sources add'; each poll commits its reports and cursor together
        org.sitrep.ingest.schedule.PollScheduler polling = org.sitrep.ingest.schedule.Polling.scheduler(sitrep.store(),
                sitrep.ingestor()::attach, org.sitrep.ingest.FetchConfig.defaults(),
                org.sitrep.ingest.schedule.PollScheduler.Config.defaults(), Clock.systemUTC()).start();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            polling.close();
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

    static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
