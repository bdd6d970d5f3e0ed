package org.sitrep.ingest;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small helpers shared by the connectors. Not part of the ingest API; stateless. */
public final class IngestSupport {
    private IngestSupport() {}

    /** {@code href} resolved against {@code base}; null when either is unusable or the result is not http(s). */
    public static String absolute(String base, String href) {
        if (href == null || href.isBlank()) return null;
        try {
            URI h = new URI(href.strip());
            URI abs = h.isAbsolute() || base == null ? h : new URI(base).resolve(h);
            String s = abs.getScheme();
            return s != null && (s.equalsIgnoreCase("http") || s.equalsIgnoreCase("https")) ? abs.toString() : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A timestamp in any form a source writes (ISO 8601, RFC 1123, a bare date), or null. */
    public static Instant parseTime(String s) { return Dates.parse(s); }

    public static Instant instantOrNull(String s) {
        if (s == null) return null;
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** ISO 639-1 from a source's language tag, else the fallback. */
    public static String language(String tag, String fallback) { return Languages.iso639(tag, Languages.iso639(fallback, null)); }

    /** A one-line description of an exception for a diagnostic (type and message, no trace). */
    public static String describe(Throwable t) {
        String m = t.getMessage();
        if (m != null && m.length() > 300) m = m.substring(0, 300) + "...";
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replace('\n', ' ');
    }
}
