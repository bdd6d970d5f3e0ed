package org.sitrep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * UTF-8 lines from a streaming response, each cut at a maximum length, closed by a watchdog when the
 * server goes silent longer than the idle timeout. Used by one reader thread; {@link #close} may be
 * called from any thread to stop it.
 */
public final class LineStream implements AutoCloseable {
    private final InputStream raw;
    private final Reader in;
    private final int maxLineChars;
    private volatile long lastData = System.nanoTime();
    private volatile boolean closed;
    private final Thread watchdog;

    LineStream(InputStream raw, int maxLineChars, Duration idleTimeout) {
        this.raw = raw;
        this.in = new InputStreamReader(raw, StandardCharsets.UTF_8);
        this.maxLineChars = maxLineChars;
        long idle = idleTimeout.toNanos();
        this.watchdog = Thread.ofVirtual().start(() -> {
            while (!closed) {
                if (System.nanoTime() - lastData > idle) {
                    close();
                    return;
                }
                try {
                    Thread.sleep(Math.max(10, Math.min(1000, idle / 4_000_000)));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** The next line without its terminator (cut at the limit), or null when the stream ended or was closed. */
    public String next() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        boolean any = false;
        try {
            while ((c = in.read()) != -1) {
                lastData = System.nanoTime();
                any = true;
                if (c == '\n') break;
                if (c != '\r' && sb.length() < maxLineChars) sb.append((char) c);
            }
        } catch (IOException e) {
            if (closed) return null;
            throw e;
        }
        return any ? sb.toString() : null;
    }

    /** True when the stream was closed by {@link #close} or the idle watchdog. */
    public boolean isClosed() { return closed; }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        watchdog.interrupt();
        try {
            raw.close();
        } catch (IOException e) {
            // closing an abandoned stream; nothing left to do
        }
    }
}
