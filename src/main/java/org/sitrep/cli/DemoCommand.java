package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitrep.app.ReportInput;
import org.sitrep.app.Sitrep;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Serve the map with the demo data: fictional reports about incidents in northwest Syria.",
                "Uses its own database (DIR/demo.db), rebuilt at each start, and shifts the reports' times so the",
                "newest is a few minutes old. The last reports arrive one by one after start, to show live updates."})
final class DemoCommand implements Runnable {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--port", defaultValue = "${env:SITREP_PORT:-8080}", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SITREP_HOST:-127.0.0.1}", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--live", defaultValue = "6", description = "How many of the newest reports arrive after start, one every few seconds (default: ${DEFAULT-VALUE}).")
    int live;

    @Override public void run() {
        Path db = storeOptions.dataDir.resolve("demo.db");
        try {
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
        } catch (IOException e) {
            throw new UserException("cannot reset the demo database " + db + ": " + e.getMessage());
        }
        try (Sitrep sitrep = Sitrep.open("sqlite:" + db, storeOptions.dataDir, Clock.systemUTC())) {
            List<Report> reports = load(sitrep, Clock.systemUTC().instant());
            int now = Math.max(0, reports.size() - Math.max(0, live));
            sitrep.store().inTransaction(() -> {
                reports.subList(0, now).forEach(sitrep.ingestor()::submit);
                return null;
            });
            System.err.println("Loaded " + now + " demo reports; " + (reports.size() - now) + " more will arrive live.");
            ServeCommand.serve(sitrep, host, port, () -> Thread.ofVirtual().start(() -> {
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

    /** Reads the bundled sources and reports, saving the sources; returns reports oldest first, shifted to end near {@code now}. */
    static List<Report> load(Sitrep sitrep, Instant now) {
        try {
            for (JsonNode s : Json.MAPPER.readTree(resource("demo/sources.json"))) {
                sitrep.store().saveSource(new Source(s.path("id").asText(), s.path("name").asText(), s.path("type").asText(null),
                        s.path("url").asText(null), s.path("language").asText(null),
                        s.hasNonNull("countryPrior") ? s.get("countryPrior").asText() : null,
                        s.path("reliability").asText("F").charAt(0), null, false));
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(resource("demo/reports.jsonl"), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
            }
            Instant far = Instant.parse("2100-01-01T00:00:00Z");
            List<Report> reports = new ArrayList<>();
            for (JsonNode n : lines) reports.add(ReportInput.parse(n, far));
            reports.sort(Comparator.comparing(Report::publishedAt));
            Duration shift = Duration.between(reports.get(reports.size() - 1).publishedAt(), now.minus(Duration.ofMinutes(3)));
            List<Report> shifted = new ArrayList<>();
            for (Report r : reports) {
                Instant t = r.publishedAt().plus(shift);
                shifted.add(new Report(null, r.sourceId(), r.externalId(), r.url(), r.title(), r.text(), r.language(), t, t,
                        r.media(), r.point()));
            }
            return shifted;
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo data is unreadable", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }
}
