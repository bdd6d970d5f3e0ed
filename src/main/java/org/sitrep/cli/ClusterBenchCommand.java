package org.sitrep.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.cluster.ClusterBenchmark;
import org.sitrep.internal.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sitrep bench cluster}: clustering throughput with many events in the candidate index. */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Preload an in-memory event index with generated events, stream generated reports through",
                "the clustering loop (candidate query, assign, assemble, re-index) and print reports per second.",
                "1,000,000 events need about 4 GB of heap: SITREP_JAVA_OPTS=-Xmx6g ./sitrep bench cluster"})
final class ClusterBenchCommand implements Callable<Integer> {
    @Option(names = "--events", description = "Events preloaded (default ${DEFAULT-VALUE}).")
    int events = 1_000_000;

    @Option(names = "--reports", description = "Reports streamed and timed (default ${DEFAULT-VALUE}).")
    int reports = 20_000;

    @Option(names = "--days", description = "Days the preloaded events span (default ${DEFAULT-VALUE}).")
    int days = 365;

    @Option(names = "--unlocated", description = "Share of streamed reports without a location (default ${DEFAULT-VALUE}).")
    double unlocated = 0.1;

    @Option(names = "--no-waves", description = "Leave the wave detector out.")
    boolean noWaves;

    @Option(names = "--no-splits", description = "Leave out the re-checks of grown events (for two stories, and for strays of their story to merge).")
    boolean noSplits;

    @Option(names = "--text-candidates", description = "Events the text search adds per report; 0 turns it off (default ${DEFAULT-VALUE}).")
    int textCandidates = org.sitrep.cluster.ClusterConfig.DEFAULTS.textCandidates();

    @Option(names = "--seed", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--json", description = "Print the figures as one JSON object on the last line.")
    boolean json;

    @Override
    public Integer call() {
        if (events < 0 || events > 20_000_000) throw new UserException("--events must be between 0 and 20000000");
        if (reports < 1 || reports > 10_000_000) throw new UserException("--reports must be between 1 and 10000000");
        if (days < 1 || days > 3650) throw new UserException("--days must be between 1 and 3650");
        if (unlocated < 0 || unlocated > 1) throw new UserException("--unlocated must be between 0 and 1");
        if (textCandidates < 0 || textCandidates > 1000) throw new UserException("--text-candidates must be between 0 and 1000");
        ClusterBenchmark.Result r;
        try {
            r = new ClusterBenchmark(new ClusterBenchmark.Settings(events, reports, days, unlocated, !noWaves, seed, textCandidates, !noSplits)).run();
        } catch (OutOfMemoryError e) {
            throw new UserException("out of memory preloading " + events + " events; give Java more heap, e.g. SITREP_JAVA_OPTS=-Xmx6g");
        }
        var out = System.out;
        out.printf(Locale.ROOT, "index     %,d events (preloaded in %.1f s), heap in use %,d MB%n", r.events(), r.preloadSeconds(), r.heapMb());
        out.printf(Locale.ROOT, "stream    %,d reports in %.2f s in the clusterer: %.0f reports/s on one thread%n", r.reports(), r.seconds(), r.reportsPerSecond());
        out.printf(Locale.ROOT, "cpu       %.2f s on the clustering thread (%.0f reports per CPU-second), %.2f s in GC%n",
                r.cpuSeconds(), r.reports() / Math.max(1e-9, r.cpuSeconds()), r.gcSeconds());
        out.printf(Locale.ROOT, "latency   p50 %d us, p99 %d us; %.1f candidates per report%n", r.p50Micros(), r.p99Micros(), r.meanCandidates());
        out.printf(Locale.ROOT, "decisions %,d joined an event (%,d as copies), %,d wave updates%n", r.joined(), r.copies(), r.waves());
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("events", r.events());
            o.put("reports", r.reports());
            o.put("reports_per_s", Math.round(r.reportsPerSecond()));
            o.put("reports_per_cpu_s", Math.round(r.reports() / Math.max(1e-9, r.cpuSeconds())));
            o.put("p50_us", r.p50Micros());
            o.put("p99_us", r.p99Micros());
            o.put("candidates_per_report", Math.round(r.meanCandidates() * 10) / 10.0);
            o.put("heap_mb", r.heapMb());
            try {
                out.println(Json.MAPPER.writeValueAsString(o));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return 0;
    }
}
