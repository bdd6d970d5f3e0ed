package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sitrep.app.ReportInput;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.store.Store;

/** The bundled demo data (src/main/resources/demo): fictional reports written by the project. */
public final class DemoData {
    private DemoData() {}

    /** Reads the bundled sources and reports, saving the sources; returns reports oldest first, shifted to end near {@code now}. */
    public static List<Report> load(Store store, Instant now) {
        try {
            for (JsonNode s : Json.MAPPER.readTree(resource("demo/sources.json"))) {
                store.saveSource(new Source(s.path("id").asText(), s.path("name").asText(), s.path("type").asText(null),
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
                        r.media(), r.point(), r.author()));
            }
            return shifted;
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo data is unreadable", e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }
}
