package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.cluster.ClusterConfig;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.cluster.EventStream;
import org.sitrep.cluster.InMemoryEventIndex;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.eval.ClusterScores;
import org.sitrep.extract.EventExtractor;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.internal.Json;
import org.sitrep.internal.JsonLines;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitrep eval cluster FILE.jsonl}: feeds gold-clustered documents through the per-report
 * pipeline and the online clusterer as one stream, and scores the events it makes.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Score online event clustering on a JSON Lines file of documents with gold clusters.",
                "Each line: doc_id, text (or title), gold cluster_id, optional date (ISO) and source.",
                "Documents are fed in file order, or in date order when they carry dates.",
                "Prints B-cubed P/R/F1, pairwise F1 and documents per second."})
final class ClusterEvalCommand implements Callable<Integer> {
    /** Documents without dates are spaced this far apart, so they all fall in one candidate window. */
    private static final Instant UNDATED_BASE = Instant.parse("2020-01-01T00:00:00Z");
    private static final int MAX_DOCS = 1_000_000;

    @Parameters(index = "0", paramLabel = "FILE.jsonl") Path file;

    @Option(names = "--json", description = "Print the scores as one JSON object on the last line.")
    boolean json;

    @Option(names = "--threshold", paramLabel = "T", description = "Join threshold (default ${DEFAULT-VALUE}).")
    double threshold = ClusterConfig.DEFAULTS.joinThreshold();

    @Option(names = "--decisions", paramLabel = "OUT.jsonl", description = "Also write each document's gold cluster, event and decision reasons to OUT.jsonl.")
    Path decisions;

    @Option(names = "--stages", paramLabel = "full|text", description = {"full: the real per-report pipeline (gazetteer geoparser,",
            "event extractor) before clustering; text: normalisation only, so clustering sees text alone. Default ${DEFAULT-VALUE}."})
    String stages = "full";

    @Option(names = "--gazetteer", paramLabel = "DIR", description = "Gazetteer directory (default: $SITREP_HOME/gazetteer or ~/.sitrep/gazetteer; installed when missing).")
    Path gazetteer;

    @Option(names = "--topics", paramLabel = "odd|even|all", description = "Keep only documents whose numeric 'topic' field is odd or even (a documented split for tuning); default ${DEFAULT-VALUE}.")
    String topics = "all";

    @Option(names = "--no-splits", negatable = true, description = "Do not re-check grown events for two stories (the product does; see BENCHMARKS.md).")
    boolean splits = true;

    @Option(names = "--no-merges", negatable = true, description = "Do not gather small events into a grown event of the same story (the product does; see BENCHMARKS.md).")
    boolean merges = true;

    record Doc(String id, String cluster, String title, String text, Instant date, String source, int line) {}

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) throw new UserException("no such file: " + file);
        List<JsonNode> rows;
        try {
            rows = JsonLines.readAll(file);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (rows.size() > MAX_DOCS) throw new UserException(file + ": more than " + MAX_DOCS + " documents");
        List<Doc> docs = parse(rows);
        if (docs.isEmpty()) throw new UserException(file + ": no documents");

        Pipeline pipeline = pipeline();
        OnlineClusterer clusterer = new OnlineClusterer(ClusterConfig.DEFAULTS.withJoinThreshold(threshold));
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Doc d : docs) sources.computeIfAbsent(d.source, Source::named);
        EventStream stream = new EventStream(clusterer, new EventAssembler(new AdmiraltyGrader()), new InMemoryEventIndex(), sources);
        if (splits) stream.withSplits(clusterer);
        if (merges) stream.withMerges(clusterer);

        List<String> gold = new ArrayList<>(), predicted = new ArrayList<>();
        List<Map<String, Object>> log = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Doc d : docs) {
            Report r = new Report(d.id, d.source, d.id, null, d.title, d.text, null, d.date, d.date, null, null);
            AnalyzedReport ar = pipeline.analyze(r, sources.get(d.source));
            var step = stream.accept(ar, d.date);
            gold.add(d.cluster);
            if (decisions != null) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("doc_id", d.id);
                o.put("gold", d.cluster);
                o.put("event", step.event().id());
                o.put("score", step.decision().score());
                var loc = ar.extraction() != null && ar.extraction().location() != null ? ar.extraction().location()
                        : ar.geoparse() == null ? null : ar.geoparse().eventLocation();
                if (loc != null) {
                    o.put("location", loc.name() + " (" + loc.precision() + ", GeoNames " + loc.geonameId() + ", "
                            + String.format(Locale.ROOT, "%.3f,%.3f", loc.point().lat(), loc.point().lon()) + ")");
                }
                if (ar.extraction() != null) o.put("type", ar.extraction().type());
                if (ar.extraction() != null) o.put("type_conf", ar.extraction().confidence());
                if (loc != null && ar.geoparse() != null) {
                    o.put("loc_mentions", ar.geoparse().mentions().stream().filter(m -> m.place() != null && loc.geonameId() != null && m.place().geonameId() == loc.geonameId()).map(m -> m.text() + ":" + String.format(Locale.ROOT, "%.2f", m.confidence())).toList());
                    o.put("loc_reason", loc.reason());
                }
                o.put("copy_of", step.decision().copyOfReportId());
                o.put("reasons", step.decision().reasons());
                log.add(o);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // Score each document's FINAL event after the whole stream (what an analyst sees), not the
        // event it joined on arrival.
        for (Doc d : docs) predicted.add(stream.eventOf(d.id));
        ClusterScores s = ClusterScores.of(gold, predicted);
        if (decisions != null) {
            for (Map<String, Object> o : log) o.put("final_event", stream.eventOf((String) o.get("doc_id")));
            writeDecisions(log);
        }
        double rate = docs.size() / Math.max(seconds, 1e-9);
        var out = System.out;
        out.printf(Locale.ROOT, "%s: %d documents, %d gold clusters, %d predicted events (threshold %.2f, stages %s, topics %s)%n",
                file.getFileName(), s.items(), s.goldClusters(), s.predictedClusters(), threshold, stages, topics);
        out.printf(Locale.ROOT, "B-cubed   P %.3f  R %.3f  F1 %.3f%n", s.bcubedP(), s.bcubedR(), s.bcubedF1());
        out.printf(Locale.ROOT, "pairwise  P %.3f  R %.3f  F1 %.3f%n", s.pairwiseP(), s.pairwiseR(), s.pairwiseF1());
        out.printf(Locale.ROOT, "speed     %.0f docs/s (pipeline + clustering, %.2f s)%n", rate, seconds);
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("bcubed_p", round(s.bcubedP()));
            o.put("bcubed_r", round(s.bcubedR()));
            o.put("bcubed_f1", round(s.bcubedF1()));
            o.put("pairwise_f1", round(s.pairwiseF1()));
            o.put("docs_per_s", Math.round(rate));
            o.put("docs", s.items());
            try {
                out.println(Json.MAPPER.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return 0;
    }

    private Pipeline pipeline() {
        return switch (stages) {
            case "text" -> new Pipeline(new Normalizer(), Geoparser.SOURCE_COORDINATES_ONLY, Extractor.UNCLASSIFIED, ClaimExtractor.NONE);
            case "full" -> {
                Geoparser g;
                try {
                    g = Geoparsers.load(gazetteer, true, System.err);
                } catch (Geoparsers.GazetteerUnavailableException e) {
                    throw new UserException(e.getMessage() + " (or use --stages text)");
                }
                yield new Pipeline(new Normalizer(), g, undatedWithoutTime(EventExtractor.loadDefault()), ClaimExtractor.NONE);
            }
            default -> throw new UserException("--stages must be full or text, not " + stages);
        };
    }

    /**
     * For documents without a date the publication time is made up (file order), so a resolved
     * "on Friday" would be a made-up date too: keep such documents' event time unknown. Dated
     * documents keep the extractor's time.
     */
    private Extractor undatedWithoutTime(Extractor inner) {
        return (report, geo) -> {
            Extraction x = inner.extract(report, geo);
            if (!undated.contains(report.id())) return x;
            return new Extraction(x.type(), x.subType(), x.triggers(), x.actors(), x.fatalities(), x.means(),
                    TimeWindow.at(report.publishedAt(), TimePrecision.UNKNOWN), x.location(), x.confidence());
        };
    }

    private final java.util.Set<String> undated = new java.util.HashSet<>();

    private List<Doc> parse(List<JsonNode> rows) {
        if (!List.of("all", "odd", "even").contains(topics)) throw new UserException("--topics must be odd, even or all");
        List<Doc> docs = new ArrayList<>();
        boolean anyDate = false;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode n = rows.get(i);
            int line = i + 1;
            if (!topics.equals("all")) {
                if (!n.path("topic").canConvertToInt()) throw new UserException("record " + line + ": --topics needs a numeric 'topic'");
                boolean odd = n.path("topic").asInt() % 2 != 0;
                if (odd != topics.equals("odd")) continue;
            }
            String id = text(n, "doc_id");
            String cluster = text(n, "cluster_id");
            if (id == null) throw new UserException("record " + line + ": missing doc_id");
            if (cluster == null) throw new UserException("record " + line + " (" + id + "): missing cluster_id");
            String title = text(n, "title"), body = text(n, "text");
            if (title == null && body == null) throw new UserException("record " + line + " (" + id + "): needs text or title");
            if (title != null && body != null && body.startsWith(title)) body = body.substring(title.length()).strip();
            Instant date = null;
            String ds = text(n, "date");
            if (ds != null) {
                date = parseDate(ds, line);
                anyDate = true;
            }
            String source = text(n, "source");
            docs.add(new Doc(id, cluster, title, body, date, source == null ? "eval" : source, line));
        }
        // Undated documents keep their file position: they take the date of the document before them.
        Instant last = UNDATED_BASE;
        List<Doc> dated = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Doc d = docs.get(i);
            Instant t = d.date != null ? d.date : anyDate ? last : UNDATED_BASE.plusSeconds(i);
            if (d.date == null) undated.add(d.id);
            last = t;
            dated.add(new Doc(d.id, d.cluster, d.title, d.text, t, d.source, d.line));
        }
        if (anyDate) dated.sort(Comparator.comparing(Doc::date)); // stable: file order within a date
        return dated;
    }

    private static Instant parseDate(String s, int line) {
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UserException("record " + line + ": date '" + s + "' is not ISO 8601 (2024-05-01 or 2024-05-01T10:00:00Z)");
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        String s = v.asText();
        return s.isBlank() ? null : s;
    }

    private void writeDecisions(List<Map<String, Object>> log) {
        try (var w = Files.newBufferedWriter(decisions)) {
            for (var o : log) {
                w.write(Json.MAPPER.writeValueAsString(o));
                w.newLine();
            }
        } catch (java.io.IOException e) {
            throw new UserException("cannot write " + decisions + ": " + e.getMessage());
        }
    }

    private static double round(double v) { return Math.round(v * 10000) / 10000.0; }
}
