package org.sitrep.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One raw item as a source published it: an article, a feed entry, a post. Immutable.
 *
 * @param id          stable id assigned by the store (null before it is stored)
 * @param sourceId    the {@link Source#id()}
 * @param externalId  the source's own id (GUID, post id); with sourceId it identifies the report
 * @param url         canonical URL (tracking parameters stripped), may be null
 * @param title       headline; may be empty
 * @param text        plain text body (never HTML)
 * @param language    ISO 639-1 code or null when unknown
 * @param publishedAt when the source published it (UTC)
 * @param fetchedAt   when Sitrep received it (UTC)
 * @param media       media links (URLs only, never bytes)
 * @param point       coordinates the source itself attached (GeoRSS, a pushed lat/lon), or null
 * @param author      byline or account the source names (an article's author, a post's account), or null;
 *                    added after the first release: records stored before it read back with null
 */
public record Report(String id, String sourceId, String externalId, String url, String title, String text,
                     String language, Instant publishedAt, Instant fetchedAt, List<String> media, GeoPoint point, String author) {
    public Report {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(publishedAt, "publishedAt");
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
        if (fetchedAt == null) fetchedAt = publishedAt;
        if (author != null) {
            author = author.strip();
            if (author.isEmpty()) author = null;
            else if (author.length() > MAX_AUTHOR) author = author.substring(0, MAX_AUTHOR);
        }
    }

    /** Longest byline kept, in characters (a page's "author" can be a paragraph of credits). */
    public static final int MAX_AUTHOR = 200;

    /** A report without an author (the form most callers and tests use). */
    public Report(String id, String sourceId, String externalId, String url, String title, String text,
                  String language, Instant publishedAt, Instant fetchedAt, List<String> media, GeoPoint point) {
        this(id, sourceId, externalId, url, title, text, language, publishedAt, fetchedAt, media, point, null);
    }

    /** Title and body as one text, the way the pipeline stages read a report. */
    public String fullText() {
        if (title.isEmpty()) return text;
        if (text.isEmpty()) return title;
        return title + "\n\n" + text;
    }

    public Report withAuthor(String newAuthor) {
        return new Report(id, sourceId, externalId, url, title, text, language, publishedAt, fetchedAt, media, point, newAuthor);
    }

    public Report withId(String newId) {
        return new Report(newId, sourceId, externalId, url, title, text, language, publishedAt, fetchedAt, media, point, author);
    }
}
