package org.sitrep.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Page cursors shared by the stores, so a cursor means the same on SQLite and PostgreSQL: the sort
 * key (a time in epoch milliseconds) and the row sequence of the last item of a page, opaque to
 * clients. Pages continue strictly after that pair, so rows with equal times are neither skipped nor
 * repeated.
 */
public final class Cursors {
    private Cursors() {}

    public static String encode(long t, long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((t + ":" + seq).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into {time, seq}, or null for none; a malformed one is the caller's error. */
    public static long[] decode(String cursor) {
        if (cursor == null || cursor.isBlank()) return null;
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not valid; use the nextCursor of a previous page");
        }
    }
}
