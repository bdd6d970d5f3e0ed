package org.sitrep.ingest.file;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 lines with the byte offset after each, so an import can resume at the exact byte it stopped
 * at. A line longer than the limit is skipped to its end and reported, never held in memory. Not
 * thread-safe.
 */
final class LineReader implements AutoCloseable {
    /** One physical line; {@code text} is null when the line exceeded the limit. */
    record Line(String text, long endOffset, long number, long length) {}

    private final InputStream in;
    private final int maxBytes;
    private long offset;
    private long number;

    LineReader(InputStream raw, long startOffset, long startLine, int maxBytes) {
        this.in = new BufferedInputStream(raw, 1 << 16);
        this.offset = startOffset;
        this.number = startLine;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator, or null at end of input. */
    Line next() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        long len = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            offset++;
            if (b == '\n') break;
            len++;
            if (len <= maxBytes) buf.write(b);
        }
        if (!any) return null;
        number++;
        if (len > maxBytes) return new Line(null, offset, number, len);
        byte[] bytes = buf.toByteArray();
        int n = bytes.length;
        if (n > 0 && bytes[n - 1] == '\r') n--;
        int start = number == 1 && n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new Line(new String(bytes, start, n - start, StandardCharsets.UTF_8), offset, number, len);
    }

    @Override public void close() throws IOException { in.close(); }
}
