package org.sitrep.ingest.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How CSV columns become report fields. Each field maps to a template: a bare column name, or text
 * with {@code {column}} placeholders (ACLED has no headline, so one is composed from event type and
 * place). Fields: externalId, url, title, text, publishedAt, language, latitude, longitude, media,
 * source. Immutable.
 */
public record CsvMapping(String name, Map<String, String> fields) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

    public CsvMapping {
        fields = Map.copyOf(fields);
    }

    /**
     * ACLED's export (event_id_cnty, event_date, event_type, sub_event_type, location, admin1,
     * country, latitude, longitude, notes, ...): one report per event, its notes as text.
     */
    public static CsvMapping acled() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("externalId", "event_id_cnty");
        m.put("publishedAt", "event_date");
        m.put("title", "{event_type}: {sub_event_type} in {location}, {admin1}, {country}");
        m.put("text", "notes");
        m.put("latitude", "latitude");
        m.put("longitude", "longitude");
        return new CsvMapping("acled", m);
    }

    /** Common column names (id, url/link, title/headline, text/body/notes, date, lat/lon, ...). */
    public static CsvMapping generic(List<String> header) {
        Map<String, String> m = new LinkedHashMap<>();
        pick(m, header, "externalId", "external_id", "externalid", "id", "guid");
        pick(m, header, "url", "url", "link");
        pick(m, header, "title", "title", "headline");
        pick(m, header, "text", "text", "body", "content", "description", "notes");
        pick(m, header, "publishedAt", "published_at", "publishedat", "published", "date", "datetime", "timestamp", "time", "event_date");
        pick(m, header, "language", "language", "lang");
        pick(m, header, "latitude", "latitude", "lat");
        pick(m, header, "longitude", "longitude", "lon", "lng", "long");
        pick(m, header, "media", "media", "image", "image_url");
        pick(m, header, "source", "source");
        pick(m, header, "author", "author", "byline", "creator");
        return new CsvMapping("generic", m);
    }

    /** ACLED when the header has its key columns, else {@link #generic}. */
    public static CsvMapping detect(List<String> header) {
        List<String> lower = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (lower.containsAll(List.of("event_id_cnty", "event_date", "event_type", "notes"))) return acled();
        return generic(header);
    }

    private static void pick(Map<String, String> m, List<String> header, String field, String... names) {
        for (String n : names) {
            for (String h : header) {
                if (h.strip().equalsIgnoreCase(n)) { m.put(field, h.strip()); return; }
            }
        }
    }

    /** Fills the template of {@code field} from a row (column -> value); null when unmapped or empty. */
    String value(String field, Map<String, String> row) {
        String t = fields.get(field);
        if (t == null) return null;
        if (t.indexOf('{') < 0) {
            String v = row.get(t.toLowerCase(Locale.ROOT));
            return v == null || v.isBlank() ? null : v.strip();
        }
        Matcher m = PLACEHOLDER.matcher(t);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = row.get(m.group(1).strip().toLowerCase(Locale.ROOT));
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? "" : v.strip()));
        }
        m.appendTail(sb);
        // drop the separators left by empty placeholders ("in , Donetsk" -> "in Donetsk")
        String s = sb.toString().replaceAll("\\s*,\\s*(,\\s*)+", ", ").replaceAll("\\s+,", ",").replaceAll(",\\s*$", "")
                .replaceAll("\\s{2,}", " ").strip();
        return s.isEmpty() ? null : s;
    }
}
