package org.sitrep.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.app.JsonLinesImport;
import org.sitrep.app.Sitrep;
import org.sitrep.internal.Json;
import org.sitrep.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Import reports from a JSON Lines file into the store, then analyse them",
                "(place, event type, claims, clustering into events) and exit.",
                "",
                "One report per line: {\"source\", \"externalId\", \"url\", \"title\", \"text\",",
                "\"publishedAt\", \"language\"?, \"author\"?, \"latitude\"?, \"longitude\"?, \"media\"?}.",
                "Reports already stored are skipped, so running the same file twice, or",
                "again after an interrupted run, stores every report once. A broken line is",
                "reported with its line number and reason, and skipped.",
                "",
                "Two phases: the import stores the reports (fast, large transactions), then",
                "the analysis puts them into events (slower). With --defer-analysis the",
                "command stops after the import; the reports stay queued until 'sitrep serve'",
                "analyses them in the background or 'sitrep ingest --pending' does it now.",
                ""})
final class IngestCommand implements Runnable {
    @Mixin StoreOptions storeOptions;

    @Parameters(paramLabel = "FILE.jsonl", arity = "0..1",
            description = "JSON Lines file to import ('-' reads standard input). Omit it with --pending.")
    String file;

    @Option(names = "--batch", defaultValue = "5000", description = "Reports committed per transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--defer-analysis",
            description = "Only import: leave the reports queued for analysis ('sitrep serve' or 'sitrep ingest --pending' does it).")
    boolean deferAnalysis;

    @Option(names = "--pending", description = "Import nothing: analyse the reports queued by earlier imports, then exit.")
    boolean pendingOnly;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write every rejected line as JSON Lines {\"line\": N, \"reason\": \"...\"} to FILE (the first 20 are printed anyway).")
    Path rejectsFile;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override public void run() {
        if (batch < 1 || batch > 100_000) throw new UserException("--batch must be between 1 and 100000");
        if (pendingOnly == (file != null)) {
            throw new UserException(pendingOnly ? "--pending takes no file" : "give a FILE.jsonl to import (or --pending to analyse queued reports)");
        }
        boolean bar = !quiet && System.console() != null;
        if (deferAnalysis) {
            // the stages (gazetteer, models) are not needed to store reports: open the store alone
            try (Store store = Sitrep.openStore(storeOptions.db, storeOptions.dataDir)) {
                if (file != null) importFile(store, bar);
            }
            System.out.println("analysis deferred: the new reports are queued; 'sitrep serve' analyses them in the background,"
                    + " 'sitrep ingest --pending' now");
            return;
        }
        try (Sitrep sitrep = Sitrep.open(storeOptions.db, storeOptions.dataDir, Clock.systemUTC())) {
            if (file != null) importFile(sitrep.store(), bar);
            analyse(sitrep, bar);
        }
    }

    private void importFile(Store store, boolean bar) {
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
        long t0 = System.nanoTime();
        Progress progress = new Progress(size, bar ? System.err : null);
        List<String> shown = new ArrayList<>();
        JsonLinesImport.Result r;
        try (in; PrintWriter rejects = rejectsWriter()) {
            r = new JsonLinesImport(store, Clock.systemUTC(), batch).run(in, (line, reason) -> {
                if (shown.size() < 20) shown.add("line " + line + ": " + reason);
                if (rejects != null) rejects.println(Json.MAPPER.createObjectNode().put("line", line).put("reason", reason));
            }, progress::update);
        } catch (IOException e) {
            throw new UserException("reading " + file + " failed: " + e.getMessage());
        }
        progress.done();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("imported: stored %d, duplicates %d, rejected %d (%d lines in %.1f s, %.0f lines/s)%n",
                r.stored(), r.duplicates(), r.rejected(), r.lines(), secs, r.lines() / Math.max(secs, 1e-9));
        r.duplicateReasons().forEach((reason, n) -> System.out.printf("  duplicate (%s): %d%n", reason, n));
        for (String s : shown) System.out.println("  rejected " + s);
        if (r.rejected() > shown.size()) {
            System.out.printf("  ... and %d more rejected lines%s%n", r.rejected() - shown.size(),
                    rejectsFile == null ? " (--rejects FILE lists them all)" : " (all in " + rejectsFile + ")");
        }
    }

    private PrintWriter rejectsWriter() {
        if (rejectsFile == null) return null;
        try {
            return new PrintWriter(Files.newBufferedWriter(rejectsFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException("cannot write --rejects " + rejectsFile + ": " + e.getMessage());
        }
    }

    /** Analyses every queued report (this import's and any earlier one's), with a count on the terminal. */
    private static void analyse(Sitrep sitrep, boolean bar) {
        System.out.println("analysing the queued reports (place, type, claims, events); Ctrl-C is safe: what is not done yet"
                + " stays queued for 'sitrep ingest --pending' or 'sitrep serve'");
        long t0 = System.nanoTime();
        long[] failedCount = {0};
        int done = sitrep.ingestor().analysePending(500, (attached, failed) -> {
            failedCount[0] = failed;
            if (bar) System.err.printf("\ranalysing: %d reports put into events ", attached);
        });
        if (bar) System.err.print("\r" + " ".repeat(60) + "\r");
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("analysed: %d reports put into events in %.1f s (%.0f reports/s)%n", done, secs, done / Math.max(secs, 1e-9));
        if (failedCount[0] > 0) {
            System.out.printf("  %d reports could not be analysed (reasons in the log); they stay queued and are retried by"
                    + " 'sitrep ingest --pending' or at the next 'sitrep serve'%n", failedCount[0]);
        }
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
}
