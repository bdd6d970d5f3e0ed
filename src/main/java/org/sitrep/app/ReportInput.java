package org.sitrep.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;

/**
 * The report wire format shared by POST /api/reports and the JSON Lines that {@code sitrep ingest}
 * reads: {@code {source, externalId, url, title, text, publishedAt, language?, author?, latitude?, longitude?,
 * media?}}. Validates and limits everything; errors name the field.
 */
public final class ReportInput {
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_TEXT = 100_000;
    public static final int MAX_MEDIA = 20;
    public static final int MAX_URL = 2_000;
    private static final Set<String> FIELDS = Set.of("source", "externalId", "url", "title", "text", "publishedAt",
            "language", "latitude", "longitude", "media", "author");

    // compiled once: a bulk import validates every line with them
    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._:@/\\-]+");
    private static final java.util.regex.Pattern LANGUAGE = java.util.regex.Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?");

    private ReportInput() {}

    /** A field that failed validation, named so the client can fix it. */
    public static final class InvalidReport extends IllegalArgumentException {
        private final String field;

        public InvalidReport(String field, String message) {
            super(field == null ? message : field + ": " + message);
            this.field = field;
        }

        public String field() { return field; }
    }

    public static Report parse(JsonNode n, Instant now) {
        if (n == null || !n.isObject()) throw new InvalidReport(null, "a report must be a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new InvalidReport(f, "unknown field; expected " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
        }
        String source = text(n, "source", 200, true);
        if (!SOURCE.matcher(source).matches()) {
            throw new InvalidReport("source", "use letters, digits and . _ : @ / - only (got '" + source + "')");
        }
        String externalId = text(n, "externalId", 500, false);
        String url = text(n, "url", MAX_URL, false);
        // canonical form (tracking parameters, fragment, host case) so the store's same-URL check sees one URL
        if (url != null) url = org.sitrep.normalize.Canonical.url(checkUrl("url", url));
        String title = text(n, "title", MAX_TITLE, false);
        String body = text(n, "text", MAX_TEXT, false);
        if ((title == null || title.isBlank()) && (body == null || body.isBlank())) {
            throw new InvalidReport("text", "a report needs a title or a text");
        }
        String publishedRaw = text(n, "publishedAt", 64, true);
        Instant published;
        try {
            published = OffsetDateTime.parse(publishedRaw).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidReport("publishedAt", "'" + publishedRaw + "' is not an ISO 8601 time with offset, e.g. 2026-11-20T08:15:00Z");
        }
        if (published.isAfter(now.plusSeconds(24 * 3600))) {
            throw new InvalidReport("publishedAt", "lies more than a day in the future");
        }
        String author = text(n, "author", Report.MAX_AUTHOR, false);
        String language = text(n, "language", 8, false);
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new InvalidReport("language", "expected an ISO 639 code such as en, ar, ru, uk");
        }
        GeoPoint point = null;
        boolean hasLat = n.hasNonNull("latitude"), hasLon = n.hasNonNull("longitude");
        if (hasLat != hasLon) throw new InvalidReport(hasLat ? "longitude" : "latitude", "latitude and longitude go together");
        if (hasLat) {
            JsonNode la = n.get("latitude"), lo = n.get("longitude");
            if (!la.isNumber()) throw new InvalidReport("latitude", "must be a number");
            if (!lo.isNumber()) throw new InvalidReport("longitude", "must be a number");
            if (Math.abs(la.asDouble()) > 90) throw new InvalidReport("latitude", "must be between -90 and 90");
            if (Math.abs(lo.asDouble()) > 180) throw new InvalidReport("longitude", "must be between -180 and 180");
            point = new GeoPoint(la.asDouble(), lo.asDouble());
        }
        List<String> media = new ArrayList<>();
        JsonNode m = n.get("media");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) throw new InvalidReport("media", "must be an array of URLs");
            if (m.size() > MAX_MEDIA) throw new InvalidReport("media", "at most " + MAX_MEDIA + " links");
            for (JsonNode u : m) {
                if (!u.isTextual()) throw new InvalidReport("media", "must be an array of URLs");
                media.add(checkUrl("media", u.asText()));
            }
        }
        return new Report(null, source, externalId, url, title, body, language == null ? null : language.toLowerCase(java.util.Locale.ROOT),
                published, now, media, point, author);
    }

    private static String text(JsonNode n, String field, int max, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new InvalidReport(field, "is required");
            return null;
        }
        if (!v.isTextual()) throw new InvalidReport(field, "must be a string");
        String s = v.asText();
        if (s.length() > max) throw new InvalidReport(field, "is longer than " + max + " characters");
        if (required && s.isBlank()) throw new InvalidReport(field, "is required");
        return s;
    }

    private static String checkUrl(String field, String raw) {
        if (raw.length() > MAX_URL) throw new InvalidReport(field, "URL longer than " + MAX_URL + " characters");
        try {
            URI u = new URI(raw.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new InvalidReport(field, "'" + raw + "' is not an http(s) URL");
            }
            return u.toString();
        } catch (java.net.URISyntaxException e) {
            throw new InvalidReport(field, "'" + raw + "' is not a valid URL");
        }
    }
}
