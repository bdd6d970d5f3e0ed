package org.sitrep.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.store.Store;

/**
 * The fast half of {@code sitrep ingest}: reads JSON Lines ({@link ReportInput} objects), validates
 * each line, and stores the reports in large transactions, dropping the ones the store already has.
 * Nothing is analysed here: stored reports are not yet in an event, which is exactly the state
 * {@link Ingestor#analysePending} (and {@code serve} at start) picks up, so analysis can follow at
 * once, later, or in the background, and a kill at any moment loses nothing: a batch is committed or
 * not at all, and running the same file again stores only what is missing (the store's
 * deduplication on source + external id, URL and content makes the re-run exact).
 *
 * <p>A broken line (not JSON, a field that fails validation, longer than {@link #MAX_LINE_BYTES}) is
 * handed to the {@link Rejects} with its line number and reason and skipped; the rest of the file
 * goes in. Not thread-safe: one import at a time per instance.
 */
public final class JsonLinesImport {
    /** Longest line read, in bytes; a longer one is skipped to its end without being held in memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /** Where rejected lines go, each with its 1-based line number and the reason. */
    @FunctionalInterface
    public interface Rejects {
        void rejected(long line, String reason);
    }

    /** Counts of one import. Duplicate reasons are the store's ("same URL", ...). */
    public record Result(long lines, long stored, long duplicates, long rejected, Map<String, Long> duplicateReasons) {}

    private final Store store;
    private final Clock clock;
    private final int batch;

    /** @param batch reports committed per transaction; bigger is faster up to a few thousand */
    public JsonLinesImport(Store store, Clock clock, int batch) {
        if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
        this.store = store;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * Imports every line of {@code in} (UTF-8). {@code progress} runs after each committed batch with the
     * bytes read so far. Lines are read and parsed on a second thread while this one stores the
     * previous batch (SQLite takes one writer: parsing is the part that can run beside it). The
     * callbacks run on the calling thread.
     */
    public Result run(InputStream in, Rejects rejects, java.util.function.LongConsumer progress) throws IOException {
        Counts counts = new Counts();
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
        Thread reader = Thread.ofPlatform().name("import-parse").daemon(true).start(() -> parse(in, chunks));
        try {
            while (true) {
                Chunk chunk = chunks.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (chunk == null) {
                    // an Error (out of memory) ends the parsing thread without handing anything over
                    if (!reader.isAlive() && chunks.isEmpty()) throw new IOException("the parsing thread stopped; see the log");
                    continue;
                }
                if (chunk.failure() != null) throw chunk.failure();
                counts.lines = chunk.lines();
                for (Rejection r : chunk.rejections()) counts.reject(rejects, r.line(), r.reason());
                store(chunk.reports(), chunk.lineNos(), counts, rejects);
                progress.accept(chunk.bytes());
                if (chunk.last()) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("import interrupted");
        } finally {
            reader.interrupt();
        }
        return new Result(counts.lines, counts.stored, counts.duplicates, counts.rejected, Map.copyOf(counts.reasons));
    }

    private record Rejection(long line, String reason) {}

    /** A batch of parsed lines handed from the parsing thread to the storing one. */
    private record Chunk(List<Report> reports, List<Long> lineNos, List<Rejection> rejections, long lines, long bytes,
                         boolean last, IOException failure) {}

    private void parse(InputStream in, BlockingQueue<Chunk> out) {
        Lines lines = new Lines(in, MAX_LINE_BYTES);
        List<Report> reports = new ArrayList<>(batch);
        List<Long> lineNos = new ArrayList<>(batch);
        List<Rejection> rejected = new ArrayList<>();
        long count = 0;
        try {
            String line;
            while ((line = lines.next()) != Lines.END) {
                long n = lines.number();
                count++;
                if (line == Lines.TOO_LONG) {
                    rejected.add(new Rejection(n, "line longer than " + MAX_LINE_BYTES + " bytes"));
                } else if (!line.isBlank()) {
                    try {
                        reports.add(ReportInput.parse(Json.MAPPER.readTree(line), clock.instant()));
                        lineNos.add(n);
                    } catch (JsonProcessingException e) {
                        rejected.add(new Rejection(n, "not valid JSON (" + e.getOriginalMessage() + ")"));
                    } catch (ReportInput.InvalidReport e) {
                        rejected.add(new Rejection(n, e.getMessage()));
                    }
                }
                // rejections count toward the batch too, so a file of broken lines is not held in memory
                if (reports.size() + rejected.size() >= batch) {
                    out.put(new Chunk(reports, lineNos, rejected, count, lines.bytes(), false, null));
                    reports = new ArrayList<>(batch);
                    lineNos = new ArrayList<>(batch);
                    rejected = new ArrayList<>();
                }
            }
            out.put(new Chunk(reports, lineNos, rejected, count, lines.bytes(), true, null));
        } catch (IOException e) {
            putQuietly(out, new Chunk(List.of(), List.of(), List.of(), count, lines.bytes(), true, e));
        } catch (RuntimeException e) {
            putQuietly(out, new Chunk(List.of(), List.of(), List.of(), count, lines.bytes(), true,
                    new IOException("parsing failed at line " + (lines.number()) + ": " + e, e)));
        } catch (InterruptedException e) {
            // the storing thread gave up (it failed or was interrupted): nothing more to hand over
        }
    }

    private static void putQuietly(BlockingQueue<Chunk> out, Chunk c) {
        try {
            out.put(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void store(List<Report> pending, List<Long> lineNos, Counts counts, Rejects rejects) {
        if (pending.isEmpty()) return;
        List<Store.AddResult> added;
        try {
            added = store.addReports(pending);
        } catch (RuntimeException batchFailure) {
            // One report broke the batch (a database error on odd content): nothing of it was committed,
            // so store the batch one report at a time and lose only the report that fails.
            added = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                try {
                    added.add(store.addReport(pending.get(i)));
                } catch (RuntimeException e) {
                    counts.reject(rejects, lineNos.get(i), "could not be stored: " + e.getMessage());
                }
            }
        }
        for (Store.AddResult a : added) {
            if (a.created()) {
                counts.stored++;
            } else {
                counts.duplicates++;
                String reason = a.duplicateReason() == null ? "already stored" : a.duplicateReason().replaceAll(" as report .*", "");
                counts.reasons.merge(reason, 1L, Long::sum);
            }
        }
    }

    private static final class Counts {
        long lines, stored, duplicates, rejected;
        final Map<String, Long> reasons = new LinkedHashMap<>();

        void reject(Rejects rejects, long line, String reason) {
            rejected++;
            rejects.rejected(line, reason);
        }
    }

    /**
     * UTF-8 lines scanned from a byte buffer (a JSON Lines file is mostly long lines: reading them
     * byte by byte through a stream's read() would cost more than parsing them). A line over the limit
     * is consumed to its end and returned as {@link #TOO_LONG}. Not thread-safe.
     */
    static final class Lines {
        static final String END = new String("end");
        static final String TOO_LONG = new String("too long");
        private final InputStream in;
        private final int max;
        private final byte[] buf = new byte[1 << 16];
        private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        private int pos, limit;
        private long number, bytes;

        Lines(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        long number() { return number; }

        long bytes() { return bytes; }

        String next() throws IOException {
            line.reset();
            boolean tooLong = false, any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) return END;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buf[pos] != '\n') pos++;
                int len = pos - start;
                if (!tooLong && line.size() + len > max) tooLong = true;
                if (!tooLong) line.write(buf, start, len);
                bytes += len;
                if (pos < limit) { // the newline
                    pos++;
                    bytes++;
                    break;
                }
            }
            number++;
            if (tooLong) return TOO_LONG;
            byte[] b = line.toByteArray();
            int n = b.length, from = 0;
            if (n > 0 && b[n - 1] == '\r') n--;
            if (number == 1 && n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) from = 3;
            return new String(b, from, n - from, StandardCharsets.UTF_8);
        }
    }
}
