package org.sitrep.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.app.Ingestor;
import org.sitrep.app.ReportInput;
import org.sitrep.app.Sitrep;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Import reports from a JSON Lines file into the store, then exit.",
                "Each line is one report: {\"source\", \"externalId\", \"url\", \"title\", \"text\", \"publishedAt\",",
                "\"language\"?, \"latitude\"?, \"longitude\"?, \"media\"?}. Reports already stored are skipped, so",
                "running the same file twice, or again after an interrupted run, stores every report once."})
final class IngestCommand implements Runnable {
    static final int MAX_LINE_CHARS = 1_000_000;

    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE.jsonl", description = "JSON Lines file to import ('-' reads standard input).")
    String file;

    @Option(names = "--batch", defaultValue = "500", description = "Reports committed per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    /** Counts and reasons of one import. */
    static final class Summary {
        int accepted, duplicates, rejected;
        final Map<String, Integer> duplicateReasons = new LinkedHashMap<>();
        final List<String> rejections = new ArrayList<>();

        void reject(long line, String reason) {
            rejected++;
            if (rejections.size() < 20) rejections.add("line " + line + ": " + reason);
        }

        void print(PrintStream out) {
            out.printf("accepted %d, duplicates %d, rejected %d%n", accepted, duplicates, rejected);
            duplicateReasons.forEach((r, n) -> out.printf("  duplicate (%s): %d%n", r, n));
            for (String r : rejections) out.println("  rejected " + r);
            if (rejected > rejections.size()) out.printf("  ... and %d more rejected lines%n", rejected - rejections.size());
        }
    }

    @Override public void run() {
        InputStream in;
        long size;
        try {
            if (file.equals("-")) {
                in = System.in;
                size = -1;
            } else {
                Path p = Path.of(file);
                size = Files.size(p);
                in = Files.newInputStream(p);
            }
        } catch (NoSuchFileException e) {
            throw new UserException("file not found: " + file);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage());
        }
        Summary s;
        long t0 = System.nanoTime();
        try (Sitrep sitrep = Sitrep.open(storeOptions.db, storeOptions.dataDir, Clock.systemUTC());
             CountingStream counted = new CountingStream(in)) {
            sitrep.ingestor().resume();
            Progress progress = new Progress(size, quiet || System.console() == null ? null : System.err);
            s = importLines(sitrep, new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8)), batch,
                    () -> progress.update(counted.count));
            progress.done();
        } catch (IOException e) {
            throw new UserException("reading " + file + " failed: " + e.getMessage());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        s.print(System.out);
        System.out.printf("%.1f s, %.0f lines/s%n", secs, (s.accepted + s.duplicates + s.rejected) / Math.max(secs, 1e-9));
    }

    /** Reads lines, validates each, and submits them in transactions of {@code batch}; bad lines are recorded and skipped. */
    static Summary importLines(Sitrep sitrep, BufferedReader reader, int batch, Runnable tick) throws IOException {
        Summary s = new Summary();
        List<long[]> lineNos = new ArrayList<>();
        List<Report> pending = new ArrayList<>();
        String line;
        long n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank()) continue;
            if (line.length() > MAX_LINE_CHARS) {
                s.reject(n, "line longer than " + MAX_LINE_CHARS + " characters");
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                pending.add(ReportInput.parse(node, Clock.systemUTC().instant()));
                lineNos.add(new long[] {n});
            } catch (JsonProcessingException e) {
                s.reject(n, "not valid JSON (" + e.getOriginalMessage() + ")");
            } catch (ReportInput.InvalidReport e) {
                s.reject(n, e.getMessage());
            }
            if (pending.size() >= batch) {
                flush(sitrep, pending, lineNos, s);
                tick.run();
            }
        }
        flush(sitrep, pending, lineNos, s);
        tick.run();
        return s;
    }

    private static void flush(Sitrep sitrep, List<Report> pending, List<long[]> lineNos, Summary s) {
        if (pending.isEmpty()) return;
        List<Ingestor.Outcome> outcomes;
        try {
            outcomes = sitrep.ingestor().submitAll(pending);
        } catch (RuntimeException batchFailure) {
            // One report broke the batch (a bug or a database error): retry one by one so only that report is lost.
            outcomes = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    outcomes.add(sitrep.ingestor().submit(pending.get(i)));
                } catch (RuntimeException e) {
                    s.reject(lineNos.get(i)[0], "could not be stored: " + e.getMessage());
                }
            }
        }
        for (Ingestor.Outcome o : outcomes) {
            if (o.created()) s.accepted++;
            else {
                s.duplicates++;
                String reason = o.duplicateReason() == null ? "already stored" : o.duplicateReason().replaceAll(" as report .*", "");
                s.duplicateReasons.merge(reason, 1, Integer::sum);
            }
        }
        pending.clear();
        lineNos.clear();
    }

    /** A progress bar on a terminal, by bytes read. */
    private static final class Progress {
        private final long total;
        private final PrintStream out;
        private final long start = System.nanoTime();
        private long lastDraw;

        Progress(long total, PrintStream out) {
            this.total = total;
            this.out = out;
        }

        void update(long bytes) {
            if (out == null || System.nanoTime() - lastDraw < 200_000_000L) return;
            lastDraw = System.nanoTime();
            double secs = (lastDraw - start) / 1e9;
            if (total > 0) {
                int width = 30, done = (int) Math.min(width, width * bytes / Math.max(1, total));
                out.printf("\r[%s%s] %3d%%  %.1f MB/s ", "#".repeat(done), " ".repeat(width - done), 100 * bytes / Math.max(1, total),
                        bytes / 1e6 / Math.max(secs, 1e-9));
            } else {
                out.printf("\r%.1f MB read ", bytes / 1e6);
            }
        }

        void done() {
            if (out != null) out.print("\r" + " ".repeat(60) + "\r");
        }
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
