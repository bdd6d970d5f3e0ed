package org.sitrep.geoparse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Mention;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.Geoparser;

/**
 * Scores a geoparser end to end on an annotated corpus in the JSON Lines format of
 * shared/data/geoparse: recognition by exact span match (precision, recall, F1 over all gold
 * toponyms), and resolution on the toponyms that were both recognised with the exact gold span and
 * have gold coordinates: acc@161 (share of errors of at most 161 km), the AUC of the sorted
 * ln(1 + error km) normalised by ln(1 + 20,038 km) (Jurgens et al. 2015 as used by Gritta et al.;
 * lower is better), median error. Speed is documents per second of CPU time of the one parsing thread
 * (that is, per core; wall-clock speed is reported beside it), after an untimed warm-up pass over
 * the first documents.
 */
public final class GeoparseEvaluation {
    /** Half of the earth's circumference: the largest possible error. */
    static final double MAX_ERROR_KM = 20_038;

    public enum Split { ALL, DEV, TEST }

    public record Result(int docs, int gold, int predicted, int matched, double precision, double recall, double f1,
                         int resolved, double acc161, double auc, double medianKm, double meanKm, double docsPerSecond,
                         double docsPerWallSecond) {}

    private GeoparseEvaluation() {}

    /** Whether a document id falls in the split: a stable hash of the id, half dev and half test. */
    public static boolean inSplit(String id, Split split) {
        if (split == Split.ALL) return true;
        CRC32 crc = new CRC32();
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        boolean dev = (crc.getValue() & 1) == 0;
        return split == Split.DEV ? dev : !dev;
    }

    public static Result run(List<JsonNode> docs, Geoparser geoparser, Split split) {
        return run(docs, geoparser, split, null);
    }

    /**
     * As {@link #run(List, Geoparser, Split)}, and writes every missed, spurious and far-off toponym as a
     * tab-separated line to {@code errors} (when not null) for inspection.
     */
    public static Result run(List<JsonNode> docs, Geoparser geoparser, Split split, java.io.PrintWriter errors) {
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode d : docs) if (inSplit(d.path("id").asText(""), split)) chosen.add(d);
        Source source = Source.named("eval");
        List<Report> reports = new ArrayList<>(chosen.size());
        for (JsonNode d : chosen) {
            String id = d.path("id").asText("");
            reports.add(new Report(id, "eval", id, null, "", d.path("text").asText(""), null, Instant.EPOCH, Instant.EPOCH, List.of(), null));
        }
        for (int i = 0; i < Math.min(100, reports.size()); i++) geoparser.parse(reports.get(i), source);
        List<List<Mention>> predicted = new ArrayList<>(reports.size());
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isCurrentThreadCpuTimeSupported();
        long c0 = cpuClock ? threads.getCurrentThreadCpuTime() : 0;
        long t0 = System.nanoTime();
        for (Report r : reports) predicted.add(geoparser.parse(r, source).mentions());
        double wall = Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
        // per core: the parsing thread's CPU time, so a busy machine does not understate the speed
        double secs = cpuClock ? Math.max(1e-9, (threads.getCurrentThreadCpuTime() - c0) / 1e9) : wall;

        int gold = 0, pred = 0, matched = 0;
        List<Double> errs0 = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Map<Long, Mention> bySpan = new HashMap<>();
            for (Mention m : predicted.get(i)) bySpan.put(span(m.start(), m.end()), m);
            pred += bySpan.size();
            String id = chosen.get(i).path("id").asText("");
            java.util.Set<Long> goldSpans = new java.util.HashSet<>();
            for (JsonNode t : chosen.get(i).path("toponyms")) {
                gold++;
                long key = span(t.path("start").asInt(), t.path("end").asInt());
                goldSpans.add(key);
                Mention m = bySpan.get(key);
                if (m == null) {
                    if (errors != null) errors.println("MISSED\t" + id + "\t" + t.path("name").asText() + "\t" + context(reports.get(i).text(), t.path("start").asInt(), t.path("end").asInt()));
                    continue;
                }
                matched++;
                if (t.path("lat").isNumber() && t.path("lon").isNumber()) {
                    double km = m.place().point().distanceKm(new GeoPoint(t.path("lat").asDouble(), t.path("lon").asDouble()));
                    errs0.add(km);
                    if (errors != null && km > 161) {
                        errors.println("FAR\t" + id + "\t" + m.text() + "\t" + Math.round(km) + " km\t" + m.adminPath() + " " + m.place().featureCode()
                                + " " + m.place().geonameId() + "\tgold " + t.path("geonameid").asText() + " " + t.path("lat").asDouble() + "," + t.path("lon").asDouble());
                    }
                }
            }
            if (errors != null) {
                for (Mention m : predicted.get(i)) {
                    if (!goldSpans.contains(span(m.start(), m.end()))) {
                        errors.println("SPURIOUS\t" + id + "\t" + m.text() + "\t" + m.adminPath() + "\t" + context(reports.get(i).text(), m.start(), m.end()));
                    }
                }
            }
        }
        double p = pred == 0 ? 0 : (double) matched / pred, r = gold == 0 ? 0 : (double) matched / gold;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        List<Double> errs = errs0;
        errs.sort(Double::compare);
        int n = errs.size();
        long within = errs.stream().filter(e -> e <= 161).count();
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? errs.get(n / 2) : (errs.get(n / 2 - 1) + errs.get(n / 2)) / 2;
        double mean = errs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return new Result(chosen.size(), gold, pred, matched, p, r, f1, n, n == 0 ? Double.NaN : (double) within / n,
                auc(errs), median, mean, chosen.size() / secs, chosen.size() / wall);
    }

    /** Area under the sorted ln(1 + error) curve, trapezoid rule, normalised to 0..1. */
    static double auc(List<Double> sortedErrors) {
        int n = sortedErrors.size();
        if (n == 0) return Double.NaN;
        double max = Math.log1p(MAX_ERROR_KM);
        if (n == 1) return Math.log1p(sortedErrors.getFirst()) / max;
        double area = 0;
        for (int i = 1; i < n; i++) area += (Math.log1p(sortedErrors.get(i - 1)) + Math.log1p(sortedErrors.get(i))) / 2;
        return area / ((n - 1) * max);
    }

    private static String context(String text, int start, int end) {
        return (text.substring(Math.max(0, start - 40), start) + "[" + text.substring(start, end) + "]"
                + text.substring(end, Math.min(text.length(), end + 40))).replace('\n', ' ').replace('\t', ' ');
    }

    private static long span(int start, int end) {
        return ((long) start << 32) | end;
    }
}
