package org.sitrep.ingest.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.normalize.Canonical;

/**
 * The JSON object form of a report, as POST /api/reports takes it and JSON Lines files carry it:
 * {@code source, externalId, url, title, text, publishedAt} (ISO 8601), optional {@code language,
 * latitude, longitude, media} (array of URLs), {@code author}. Text fields containing HTML are stripped to text.
 * Stateless; thread-safe.
 */
public final class ReportJson {
    /** Longest title or text accepted, in characters; longer values are an error, not truncated silently. */
    public static final int MAX_FIELD = 200_000;

    private ReportJson() {}

    /**
     * A report from one object. {@code defaultSource} applies when the object names no source.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static Report read(JsonNode o, String defaultSource, Instant fetchedAt) {
        if (o == null || !o.isObject()) throw new IllegalArgumentException("expected a JSON object");
        String source = str(o, "source");
        if (source == null || source.isBlank()) source = defaultSource;
        if (source == null || source.isBlank()) throw new IllegalArgumentException("'source' is required");
        String published = str(o, "publishedAt");
        if (published == null) throw new IllegalArgumentException("'publishedAt' is required (ISO 8601, e.g. 2026-11-24T10:00:00Z)");
        Instant at = IngestSupport.parseTime(published);
        if (at == null) throw new IllegalArgumentException("'publishedAt' is not a date: '" + published + "'");
        String title = HtmlText.text(str(o, "title"));
        String text = HtmlText.text(str(o, "text"));
        if (title.length() > MAX_FIELD || text.length() > MAX_FIELD) throw new IllegalArgumentException("'title' or 'text' longer than " + MAX_FIELD + " characters");
        if (title.isEmpty() && text.isEmpty()) throw new IllegalArgumentException("'title' and 'text' are both empty");
        String url = Canonical.url(str(o, "url"));
        String externalId = str(o, "externalId");
        if (externalId == null || externalId.isBlank()) externalId = url != null ? url : "sha256:" + Canonical.contentHash(title, text);
        GeoPoint point = point(o);
        List<String> media = new ArrayList<>();
        JsonNode m = o.get("media");
        if (m != null && m.isArray()) {
            for (JsonNode u : m) {
                String s = u.isTextual() ? u.asText() : null;
                if (s == null || !(s.startsWith("http://") || s.startsWith("https://"))) throw new IllegalArgumentException("'media' entries must be http(s) URLs");
                media.add(s);
            }
        } else if (m != null && !m.isNull()) {
            throw new IllegalArgumentException("'media' must be an array of URLs");
        }
        return new Report(null, source.strip(), externalId.strip(), url, title, text,
                IngestSupport.language(str(o, "language"), null), at, fetchedAt, media, point, str(o, "author"));
    }

    private static GeoPoint point(JsonNode o) {
        JsonNode lat = o.get("latitude"), lon = o.get("longitude");
        boolean hasLat = lat != null && !lat.isNull(), hasLon = lon != null && !lon.isNull();
        if (!hasLat && !hasLon) return null;
        if (hasLat != hasLon) throw new IllegalArgumentException("'latitude' and 'longitude' go together");
        double a = number(lat, "latitude"), b = number(lon, "longitude");
        try {
            return new GeoPoint(a, b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'latitude'/'longitude' out of range: " + a + ", " + b);
        }
    }

    private static double number(JsonNode n, String field) {
        if (n.isNumber()) return n.asDouble();
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.asText().strip());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("'" + field + "' is not a number: " + n);
    }

    private static String str(JsonNode o, String f) {
        JsonNode v = o.get(f);
        if (v == null || v.isNull()) return null;
        if (v.isContainerNode()) throw new IllegalArgumentException("'" + f + "' must be a string");
        return v.asText();
    }
}
