package org.sitrep.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.sitrep.app.JsonLinesImport;
import org.sitrep.app.Sitrep;
import org.sitrep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sitrep bench import}: writes a JSON Lines file of synthetic reports (or takes one), imports
 * it into a fresh embedded store exactly as {@code sitrep ingest --defer-analysis} does, and prints the
 * import rate; then, separately, the analysis rate (geoparse, extract, claims, clustering) over the
 * first {@code --analyse} reports of the same file in a second fresh store. The two are printed apart
 * because they differ by orders of magnitude: storing is bound by SQLite's one writer, analysing by
 * the stages' CPU time.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Measure JSON Lines import into a fresh embedded (SQLite) store, and the analysis rate separately.",
                "Generates the file itself (synthetic English reports, 1% repeated lines, 0.1% broken lines) unless --file is given."})
public final class ImportBenchCommand implements Runnable {
    @Option(names = "--reports", defaultValue = "100000", description = "Lines to generate (default: ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--file", paramLabel = "FILE.jsonl", description = "Import this file instead of a generated one.")
    Path file;

    @Option(names = "--batch", defaultValue = "5000", description = "Reports per transaction, as 'sitrep ingest --batch' (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--analyse", defaultValue = "1000",
            description = "Also time the analysis of the file's first N reports in a second store (default: ${DEFAULT-VALUE}; 0 skips it).")
    int analyse;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the file and the stores (default: a new temporary directory, deleted after).")
    Path dir;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed of the generated file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override public void run() {
        boolean temporary = dir == null;
        try {
            Path work = temporary ? Files.createTempDirectory("sitrep-bench-import") : Files.createDirectories(dir);
            try {
                measure(work);
            } finally {
                if (temporary) deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void measure(Path work) throws IOException {
        Path input = file;
        if (input == null) {
            input = work.resolve("reports.jsonl");
            long t0 = System.nanoTime();
            SyntheticReports gen = new SyntheticReports(seed, 200);
            try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                for (int i = 0; i < reports; i++) {
                    w.write(gen.nextLine());
                    w.write('\n');
                }
            }
            System.out.printf("generated %,d lines (%.1f MB) in %.1f s: %s%n", reports, Files.size(input) / 1e6, (System.nanoTime() - t0) / 1e9, input);
        }
        Path db = work.resolve("import-" + System.currentTimeMillis() + ".db");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong rejected = new AtomicLong();
        JsonLinesImport.Result r;
        long wall, cpuNanos, storeNanos, waitNanos = -1;
        try (Store store = Sitrep.openStore("sqlite:" + db, work); InputStream in = Files.newInputStream(input)) {
            var threads = ManagementFactory.getThreadMXBean();
            long[] sched0 = schedstat();
            long c0 = os.getProcessCpuTime(), s0 = threads.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            r = new JsonLinesImport(store, Clock.systemUTC(), batch).run(in, (line, reason) -> rejected.incrementAndGet(), bytes -> { });
            wall = System.nanoTime() - t0;
            cpuNanos = os.getProcessCpuTime() - c0;
            storeNanos = threads.getCurrentThreadCpuTime() - s0;
            long[] sched1 = schedstat();
            if (sched0 != null && sched1 != null) waitNanos = sched1[1] - sched0[1];
            if (store.stats().reports() != r.stored()) {
                throw new IllegalStateException("the store holds " + store.stats().reports() + " reports, the import counted " + r.stored());
            }
        }
        double secs = wall / 1e9;
        System.out.printf("import: %,d lines -> %,d stored, %,d duplicates, %,d rejected in %.2f s wall = %,.0f lines/s (%,.0f stored reports/s);"
                        + " process CPU %.2f s = %,.0f lines per CPU-second (all threads: parsing, storing, GC, JIT);"
                        + " the storing thread alone %.2f s CPU = %,.0f lines/s at most on an idle core; store file %.1f MB%n",
                r.lines(), r.stored(), r.duplicates(), r.rejected(), secs, r.lines() / secs, r.stored() / secs,
                cpuNanos / 1e9, r.lines() / (cpuNanos / 1e9), storeNanos / 1e9, r.lines() / (storeNanos / 1e9), Files.size(db) / 1e6);
        if (waitNanos >= 0) {
            System.out.printf("the storing thread waited %.1f s of the %.1f s for a free CPU (run queue, /proc/thread-self/schedstat):"
                    + " on a machine shared with other work the wall-clock rate is that much lower%n", waitNanos / 1e9, secs);
        }
        if (analyse > 0) analyse(work, input);
    }

    /** Linux only: this thread's time on a CPU and time runnable but waiting for one, in ns; null elsewhere. */
    private static long[] schedstat() {
        try {
            String[] f = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split("\\s+");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Imports the first {@code analyse} lines into a fresh store, then times putting them into events. */
    private void analyse(Path work, Path input) throws IOException {
        Path sample = work.resolve("sample.jsonl");
        try (var lines = Files.lines(input, StandardCharsets.UTF_8)) {
            Files.write(sample, (Iterable<String>) lines.limit(analyse)::iterator, StandardCharsets.UTF_8);
        }
        long l0 = System.nanoTime();
        try (Sitrep sitrep = Sitrep.open("sqlite:" + work.resolve("analyse-" + System.currentTimeMillis() + ".db"), work, Clock.systemUTC());
             InputStream in = Files.newInputStream(sample)) {
            long loaded = System.nanoTime() - l0;
            JsonLinesImport.Result r = new JsonLinesImport(sitrep.store(), Clock.systemUTC(), batch).run(in, (line, reason) -> { }, b -> { });
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            int n = sitrep.ingestor().analysePending(500, (done, failed) -> { });
            double secs = (System.nanoTime() - t0) / 1e9, cpu = (os.getProcessCpuTime() - c0) / 1e9;
            System.out.printf("analysis: %,d stored reports put into %,d events in %.1f s = %,.0f reports/s (%d cores; stages loaded in %.1f s,"
                            + " not counted); process CPU %.1f s = %,.0f reports per CPU-second%n",
                    n, sitrep.store().stats().events(), secs, n / secs, Runtime.getRuntime().availableProcessors(), loaded / 1e9, cpu, n / cpu);
            if (n != r.stored()) throw new IllegalStateException(r.stored() + " reports stored but " + n + " analysed");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
