package org.sitrep.ingest.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.Validators;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;

/**
 * A local file as a source: JSON Lines ({@code .jsonl}, {@code .ndjson}; one {@link ReportJson}
 * object per line) or CSV ({@code .csv}; columns mapped by {@link CsvMapping#detect}, so an ACLED
 * export maps itself). The cursor is the byte offset after the last record taken, so a file that
 * grows is read on from there, a big file is imported in batches of {@link #MAX_RECORDS} (each batch
 * committed with its offset), and a file that shrank (replaced) is read again from the start with the
 * store dropping what it already has. Thread-safe (no shared state).
 */
public final class FileConnector implements Connector {
    public static final int MAX_RECORDS = 5000;
    /** Longest line (JSON Lines) or physical line of a CSV record, in bytes. */
    public static final int MAX_LINE_BYTES = 1 << 20;
    private static final int MAX_FIELDS = 500;
    private static final int MAX_ERRORS = 1000;
    private final Clock clock;
    private final int maxRecords;

    public FileConnector(Clock clock) { this(clock, MAX_RECORDS); }

    public FileConnector(Clock clock, int maxRecords) {
        this.clock = clock;
        this.maxRecords = maxRecords;
    }

    @Override public String type() { return "file"; }

    static Path path(String url) throws FetchException {
        if (url == null || url.isBlank()) throw new FetchException(FetchException.Reason.BAD_URL, null, "file source needs a path");
        String u = url.strip();
        try {
            return u.startsWith("file:") ? Path.of(URI.create(u)) : Path.of(u);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, null, "not a file path: '" + url + "'");
        }
    }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        Path file = path(source.url());
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, file.toUri(), "file not found: " + file);
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.IO, file.toUri(), 0, null, "cannot read " + file + ": " + e.getMessage(), e);
        }
        long offset = 0, line = 0;
        if (cursor.position() != null) {
            for (String kv : cursor.position().split(";")) {
                if (kv.startsWith("offset=")) offset = parse(kv.substring(7));
                if (kv.startsWith("line=")) line = parse(kv.substring(5));
            }
        }
        if (offset > size) { offset = 0; line = 0; } // replaced by a shorter file: start over, dedup keeps it exact
        if (offset == size) return Batch.unchanged(cursor);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv")) return csv(source, file, offset, line);
            if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) return jsonLines(source, file, offset, line);
        } catch (UncheckedIOException e) {
            throw new FetchException(FetchException.Reason.IO, file.toUri(), 0, null, "reading " + file + ": " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new FetchException(FetchException.Reason.IO, file.toUri(), 0, null, "reading " + file + ": " + e.getMessage(), e);
        }
        throw new FetchException(FetchException.Reason.BAD_CONTENT, file.toUri(), "unknown file type (use .jsonl, .ndjson or .csv): " + file);
    }

    private Batch jsonLines(Source source, Path file, long offset, long lineNo) throws IOException {
        Instant now = clock.instant();
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        try (LineReader r = open(file, offset, lineNo)) {
            LineReader.Line l;
            long end = offset, endLine = lineNo;
            int taken = 0;
            while (taken < maxRecords && (l = r.next()) != null) {
                end = l.endOffset();
                endLine = l.number();
                String where = "line " + l.number();
                if (l.text() == null) { error(errors, ItemError.skipped(where, "line longer than " + MAX_LINE_BYTES + " bytes")); continue; }
                if (l.text().isBlank()) continue;
                taken++;
                try {
                    JsonNode n = Json.MAPPER.readTree(l.text());
                    out.add(ReportJson.read(n, source.id(), now));
                } catch (JsonProcessingException e) {
                    error(errors, ItemError.skipped(where, "not valid JSON: " + e.getOriginalMessage()));
                } catch (IllegalArgumentException e) {
                    error(errors, ItemError.skipped(where, e.getMessage()));
                }
            }
            boolean more = r.next() != null;
            return new Batch(out, position(end, endLine), errors, more);
        }
    }

    private Batch csv(Source source, Path file, long offset, long lineNo) throws IOException {
        List<String> header;
        long afterHeader, headerLines;
        try (LineReader h = open(file, 0, 0)) {
            LineReader.Line first = h.next();
            if (first == null || first.text() == null) return new Batch(List.of(), Cursor.START, List.of(ItemError.skipped("line 1", "no CSV header")), false);
            header = Csv.parse(first.text(), () -> null, MAX_FIELDS);
            if (header == null) return new Batch(List.of(), Cursor.START, List.of(ItemError.skipped("line 1", "unterminated quote in the header")), false);
            afterHeader = first.endOffset();
            headerLines = first.number();
        }
        if (offset < afterHeader) { offset = afterHeader; lineNo = headerLines; }
        CsvMapping mapping = CsvMapping.detect(header);
        List<String> cols = header.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        Instant now = clock.instant();
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        try (LineReader r = open(file, offset, lineNo)) {
            long end = offset, endLine = lineNo;
            int taken = 0;
            LineReader.Line l;
            while (taken < maxRecords && (l = r.next()) != null) {
                String where = "line " + l.number();
                long[] last = {l.endOffset(), l.number()};
                if (l.text() == null) {
                    end = last[0]; endLine = last[1];
                    error(errors, ItemError.skipped(where, "line longer than " + MAX_LINE_BYTES + " bytes"));
                    continue;
                }
                if (l.text().isBlank()) { end = last[0]; endLine = last[1]; continue; }
                taken++;
                List<String> row;
                String problem = "unterminated quoted field";
                try {
                    row = Csv.parse(l.text(), () -> {
                        try {
                            LineReader.Line m = r.next();
                            if (m == null || m.text() == null) return null;
                            last[0] = m.endOffset();
                            last[1] = m.number();
                            return m.text();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, MAX_FIELDS);
                } catch (IllegalArgumentException e) {
                    row = null;
                    problem = e.getMessage();
                }
                end = last[0];
                endLine = last[1];
                if (row == null) {
                    error(errors, ItemError.skipped(where, problem));
                    continue;
                }
                try {
                    out.add(ReportJson.read(toJson(mapping, cols, row), source.id(), now));
                } catch (IllegalArgumentException e) {
                    error(errors, ItemError.skipped(where, e.getMessage()));
                }
            }
            boolean more = r.next() != null;
            return new Batch(out, position(end, endLine), errors, more);
        }
    }

    private static ObjectNode toJson(CsvMapping mapping, List<String> cols, List<String> row) {
        Map<String, String> byName = new HashMap<>();
        for (int i = 0; i < cols.size() && i < row.size(); i++) byName.put(cols.get(i), row.get(i));
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String f : List.of("source", "externalId", "url", "title", "text", "publishedAt", "language", "latitude", "longitude", "author")) {
            String v = mapping.value(f, byName);
            if (v != null) o.put(f, v);
        }
        String media = mapping.value("media", byName);
        if (media != null) {
            var arr = o.putArray("media");
            for (String u : media.split("[\\s|;]+")) if (!u.isBlank()) arr.add(u);
        }
        // the ACLED "source" column names the publisher an event came from, not a Sitrep source
        if (mapping.name().equals("acled")) o.remove("source");
        return o;
    }

    private static void error(List<ItemError> errors, ItemError e) {
        if (errors.size() < MAX_ERRORS) errors.add(e);
    }

    private static Cursor position(long offset, long line) {
        return new Cursor("offset=" + offset + ";line=" + line, Validators.NONE);
    }

    private static LineReader open(Path file, long offset, long line) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(offset);
        InputStream in = Channels.newInputStream(ch);
        return new LineReader(in, offset, line, MAX_LINE_BYTES);
    }

    private static long parse(String s) {
        try {
            return Math.max(0, Long.parseLong(s));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
