package org.sitrep.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;
import org.sitrep.model.Report;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;

/**
 * Load test of the clustering loop: preloads an index with many synthetic events spread over a year
 * of a conflict region, then streams new reports through query, assign, assemble and re-index, the
 * way the ingest service does, and times it. The synthetic texts are generated here (random words
 * with a Zipf-like frequency, town names, numbers), so the figures measure the machinery, not
 * quality. Single-threaded, deterministic for a given seed.
 */
public final class ClusterBenchmark {
    /**
     * @param events    events preloaded in the index
     * @param reports   reports streamed and timed
     * @param days      span the preloaded events cover
     * @param unlocated share of streamed reports without a location (they see every event in the window)
     * @param waves     also run the wave detector on each report
     * @param textCandidates events added per report by the text search ({@link ClusterConfig#textCandidates})
     */
    public record Settings(int events, int reports, int days, double unlocated, boolean waves, long seed, int textCandidates, boolean splits) {
        public Settings {
            if (events < 0 || reports < 1 || days < 1 || unlocated < 0 || unlocated > 1 || textCandidates < 0) {
                throw new IllegalArgumentException("bad benchmark settings");
            }
        }
    }

    /** What was measured. Latencies are per streamed report, in microseconds. */
    public record Result(int events, int reports, double preloadSeconds, double seconds, double reportsPerSecond,
                         double cpuSeconds, double gcSeconds, double meanCandidates, long p50Micros, long p99Micros, int joined, int copies, int waves,
                         long heapMb) {}

    private static final int TOWNS = 5_000, WORDS = 20_000;
    private static final String[] TYPES = {"Explosions/Remote violence", "Battles", "Violence against civilians", "Protests",
            "Strategic developments"};

    private final Settings s;
    private final SplittableRandom rnd;
    private final Place[] towns = new Place[TOWNS];
    private final String[] words = new String[WORDS];

    public ClusterBenchmark(Settings settings) {
        this.s = settings;
        this.rnd = new SplittableRandom(settings.seed());
        for (int i = 0; i < TOWNS; i++) {
            GeoPoint p = new GeoPoint(44 + rnd.nextDouble() * 8, 22 + rnd.nextDouble() * 18);
            towns[i] = new Place(-(i + 1), "Town" + syllables(i), p, "P", "PPL", "XX", String.valueOf(i % 25), "", 10_000);
        }
        for (int i = 0; i < WORDS; i++) words[i] = syllables(i + 7919).toLowerCase(java.util.Locale.ROOT);
    }

    public Result run() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Instant now = start.plus(Duration.ofDays(s.days()));
        OnlineClusterer clusterer = new OnlineClusterer(ClusterConfig.DEFAULTS.withTextCandidates(s.textCandidates()));
        InMemoryEventIndex index = new InMemoryEventIndex();
        EventStream stream = new EventStream(clusterer, new EventAssembler(new AdmiraltyGrader()), index, Map.of(),
                s.waves() ? new WaveDetector() : null);
        if (s.splits()) stream.withSplits(clusterer).withMerges(clusterer);

        long t0 = System.nanoTime();
        List<Event> recent = new ArrayList<>();
        Instant recentFrom = now.minus(Duration.ofDays(3));
        for (int i = 0; i < s.events(); i++) {
            Instant day = start.plus(Duration.ofDays(rnd.nextInt(s.days())));
            Place town = towns[rnd.nextInt(TOWNS)];
            String type = TYPES[rnd.nextInt(TYPES.length)];
            String id = "p" + i;
            AnalyzedReport r = report("pr" + i, "src" + rnd.nextInt(500), town, type, day, day.plusSeconds(rnd.nextInt(86_400)),
                    incidentWords(i));
            if (i < 20_000) clusterer.observe(r);   // document frequencies, as a warm-up from the store would give
            TimeWindow tw = r.extraction().time();
            Event e = new Event(id, r.report().title(), "", r.extraction().location(), tw, type, null, null, null,
                    List.of(r.report().id()), null, EventState.PENDING, 1, 6, "", r.report().fetchedAt(), r.report().fetchedAt(), 1);
            stream.preload(e, List.of(new EventMember(r, new ClusterDecision(null, 0, List.of(), null))));
            if (!day.isBefore(recentFrom)) recent.add(e);
        }
        double preload = (System.nanoTime() - t0) / 1e9;

        long[] latency = new long[s.reports()];
        long candidates = 0;
        int joined = 0, copies = 0, waves = 0;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long gc0 = gcMillis(), cpuNanos = 0, wallNanos = 0;
        for (int i = 0; i < s.reports(); i++) {
            AnalyzedReport r;
            Instant published = now.minus(Duration.ofSeconds(rnd.nextInt(2 * 86_400)));
            if (!recent.isEmpty() && rnd.nextDouble() < 0.6) {
                // Another report of a recent event: same town, type and day, overlapping words.
                Event e = recent.get(rnd.nextInt(recent.size()));
                int seed = Integer.parseInt(e.id().substring(1));
                Place town = towns[(int) (-e.location().geonameId() - 1)];
                r = report("s" + i, "src" + rnd.nextInt(500), town, e.type(), e.time().start(), published, incidentWords(seed));
            } else {
                Place town = towns[rnd.nextInt(TOWNS)];
                Instant day = published.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
                r = report("s" + i, "src" + rnd.nextInt(500), town, TYPES[rnd.nextInt(TYPES.length)], day, published,
                        incidentWords(s.events() + i));
            }
            if (rnd.nextDouble() < s.unlocated()) r = unlocated(r);
            // Timed around the clusterer only: making up the synthetic report is the benchmark's work, not the
            // clusterer's (it was a fifth of the thread's CPU when the whole loop was timed).
            long c = threads.getCurrentThreadCpuTime(), a = System.nanoTime();
            EventStream.Step step = stream.accept(r, published);
            long spent = System.nanoTime() - a;
            cpuNanos += threads.getCurrentThreadCpuTime() - c;
            wallNanos += spent;
            latency[i] = spent / 1000;
            candidates += step.candidates();
            if (step.decision().joinsExisting()) joined++;
            if (step.decision().copyOfReportId() != null) copies++;
            waves += step.waves().size();
        }
        double seconds = wallNanos / 1e9;
        double cpu = cpuNanos / 1e9, gc = (gcMillis() - gc0) / 1e3;
        Arrays.sort(latency);
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        return new Result(index.size(), s.reports(), preload, seconds, s.reports() / seconds, cpu, gc,
                (double) candidates / s.reports(), latency[latency.length / 2], latency[(int) (latency.length * 0.99)],
                joined, copies, waves, heap);
    }

    private static long gcMillis() {
        long t = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }

    /** 25-40 words of one incident: words drawn from a per-incident random stream, so reports of it overlap. */
    private String[] incidentWords(int incident) {
        SplittableRandom r = new SplittableRandom(incident * 0x9E3779B97F4A7C15L);
        int n = 25 + r.nextInt(16);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            // Zipf-like: squares of uniforms favour the frequent end of the word list.
            double u = r.nextDouble();
            out[i] = words[(int) (u * u * u * (WORDS - 1))];
        }
        return out;
    }

    private AnalyzedReport report(String id, String source, Place town, String type, Instant day, Instant published, String[] base) {
        StringBuilder text = new StringBuilder();
        for (String w : base) {
            if (rnd.nextDouble() < 0.7) text.append(w).append(' ');           // each report keeps ~70% of the words
            if (rnd.nextDouble() < 0.1) text.append(words[rnd.nextInt(WORDS)]).append(' ');
        }
        text.append("in ").append(town.name()).append(", ").append(1 + rnd.nextInt(20)).append(" people.");
        Report rep = new Report(id, source, id, null, town.name() + " " + base[0] + " " + base[1], text.toString(), "en",
                published, published, null, null);
        EventLocation loc = new EventLocation(town.point(), LocationPrecision.DISTRICT, town.name(), town.geonameId(), "XX", "benchmark");
        Geoparse g = new Geoparse(List.of(new Mention(0, 0, town.name(), town, town.name(), 0.9)), loc);
        TimeWindow tw = new TimeWindow(day, day.plus(Duration.ofDays(1)), TimePrecision.DAY);
        return new AnalyzedReport(rep, g, new Extraction(type, null, null, null, null, null, tw, loc, 0.8), List.of());
    }

    private static AnalyzedReport unlocated(AnalyzedReport r) {
        var x = r.extraction();
        return new AnalyzedReport(r.report(), Geoparse.NONE, new Extraction(x.type(), null, null, null, null, null, x.time(), null,
                x.confidence()), List.of());
    }

    private static String syllables(int n) {
        String[] syl = {"ka", "ro", "mi", "ne", "tu", "sa", "li", "vo", "de", "ba", "zo", "pi", "ch", "sh", "ar", "el"};
        StringBuilder b = new StringBuilder();
        int x = n + 1;
        while (x > 0) {
            b.append(syl[x % syl.length]);
            x /= syl.length;
        }
        return Character.toUpperCase(b.charAt(0)) + b.substring(1);
    }
}
