package org.sitrep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.sitrep.app.Sitrep;
import org.sitrep.http.ApiConfig;
import org.sitrep.model.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve the map with the demo data: fictional reports about incidents in northwest Syria.",
                "Uses its own database (DIR/demo.db), rebuilt at each start, and moves the reports by whole days (the",
                "dates and weekdays their texts name move with them) so the newest is less than a day old.",
                "The last reports arrive one by one after start, to show live updates."})
final class DemoCommand implements Runnable {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--port", defaultValue = "${env:SITREP_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SITREP_HOST:-127.0.0.1}", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--live", defaultValue = "6", description = "How many of the newest reports arrive after start, one every few seconds (default: ${DEFAULT-VALUE}).")
    int live;

    @Mixin ServeCommand.MapOptions mapOptions;

    @Override public void run() {
        var web = mapOptions.settings();
        Path db = storeOptions.dataDir.resolve("demo.db");
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
        } catch (IOException e) {
            throw new UserException("cannot reset the demo database " + db + ": " + e.getMessage());
        }
        try (Sitrep sitrep = Sitrep.open("sqlite:" + db, storeOptions.dataDir, Clock.systemUTC())) {
            List<Report> reports = DemoData.load(sitrep.store(), Clock.systemUTC().instant());
            int now = Math.max(0, reports.size() - Math.max(0, live));
            sitrep.ingestor().submitAll(reports.subList(0, now));
            System.err.println("Loaded " + now + " demo reports; " + (reports.size() - now) + " more will arrive live.");
            ServeCommand.serve(sitrep, host, port, ApiConfig.DEFAULT, web, () -> Thread.ofVirtual().start(() -> {
                for (Report r : reports.subList(now, reports.size())) {
                    try {
                        Thread.sleep(4000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    sitrep.ingestor().submit(r);
                }
            }));
        }
    }

}
