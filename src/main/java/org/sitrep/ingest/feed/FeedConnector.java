package org.sitrep.ingest.feed;

import com.rometools.modules.georss.GeoRSSModule;
import com.rometools.modules.georss.GeoRSSUtils;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Thumbnail;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * RSS 0.9x/1.0/2.0 and Atom feeds through Rome, with GeoRSS points (simple, W3C geo and GML) and
 * Media RSS / enclosure links. Every entry of the document is returned on each changed fetch: the
 * store's idempotent add drops the ones it has (feeds reorder and edit entries, so a "newest date"
 * cursor would lose back-dated items). The cursor keeps the validators (a 304 costs nothing) and the
 * newest publication time for display. Thread-safe.
 */
public final class FeedConnector implements Connector {
    /** Entries read from one document; a feed with more is truncated and says so. */
    static final int MAX_ENTRIES = 2000;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1";
    private final SafeFetcher fetcher;

    public FeedConnector(SafeFetcher fetcher) { this.fetcher = fetcher; }

    @Override public String type() { return "rss"; }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        FetchResult r = fetcher.fetch(source.url(), cursor.validators(), ACCEPT);
        if (r.notModified()) return Batch.unchanged(new Cursor(cursor.position(), r.validators()));
        SyndFeed feed;
        try {
            feed = parse(r.finalUri(), r.text());
        } catch (FetchException notWellFormed) {
            return lenient(source, cursor, r, notWellFormed);
        }
        String feedLang = feed.getLanguage();
        // relative item links are relative to the site (the channel link), not to wherever the feed file lives
        String site = IngestSupport.absolute(r.finalUri().toString(), feed.getLink());
        String base = site != null ? site : r.finalUri().toString();
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        Instant newest = cursor.position() == null ? null : IngestSupport.instantOrNull(cursor.position());
        for (int i = 0; i < entries.size(); i++) {
            String where = "entry " + (i + 1);
            if (i >= MAX_ENTRIES) {
                errors.add(ItemError.skipped(where, "feed has " + entries.size() + " entries; only the first " + MAX_ENTRIES + " are read"));
                break;
            }
            try {
                Report rep = toReport(source, entries.get(i), r, base, feedLang, where, errors);
                if (rep == null) continue;
                out.add(rep);
                if (newest == null || rep.publishedAt().isAfter(newest)) newest = rep.publishedAt();
            } catch (RuntimeException e) {
                // Rome and the modules throw unchecked exceptions on odd entries; one entry must not sink the feed.
                errors.add(ItemError.skipped(where, "unreadable entry: " + IngestSupport.describe(e)));
            }
        }
        return new Batch(out, new Cursor(newest == null ? null : newest.toString(), r.validators()), errors, false);
    }

    /**
     * Recovers the entries of a feed Rome refused. A document with a DOCTYPE stays refused (that is a
     * safety rule, not breakage), and so does a document in which no entry can be found.
     */
    private Batch lenient(Source source, Cursor cursor, FetchResult r, FetchException cause) throws FetchException {
        String xml = r.text();
        String head = xml.length() > 2048 ? xml.substring(0, 2048) : xml;
        if (head.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE")) throw cause;
        List<ItemError> errors = new ArrayList<>();
        String base = r.finalUri().toString();
        List<Report> out = LenientFeedReader.read(xml, base, source, r.fetchedAt(), errors, MAX_ENTRIES);
        if (out.isEmpty()) throw cause;
        errors.add(0, ItemError.repaired("feed", "not well-formed XML (" + cause.getMessage().replaceFirst("^BAD_CONTENT \\S+: ", "")
                + "); " + out.size() + " entries recovered leniently"));
        Instant newest = IngestSupport.instantOrNull(cursor.position());
        for (Report rep : out) if (newest == null || rep.publishedAt().isAfter(newest)) newest = rep.publishedAt();
        return new Batch(out, new Cursor(newest == null ? null : newest.toString(), r.validators()), errors, false);
    }

    static SyndFeed parse(URI uri, String xml) throws FetchException {
        SyndFeedInput in = new SyndFeedInput();
        // DOCTYPEs stay refused (Rome's default): no external entities, no billion laughs.
        in.setAllowDoctypes(false);
        try {
            return in.build(new StringReader(xml));
        } catch (FeedException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, uri, 0, null,
                    "not a readable RSS or Atom feed: " + IngestSupport.describe(e), e);
        }
    }

    private Report toReport(Source source, SyndEntry e, FetchResult r, String base, String feedLang, String where, List<ItemError> errors) {
        String link = IngestSupport.absolute(base, e.getLink());
        if (link == null && e.getUri() != null && e.getUri().startsWith("http")) link = e.getUri();
        String url = Canonical.url(link);
        String title = HtmlText.text(e.getTitle());
        String html = bestBody(e);
        String text = HtmlText.text(html);
        if (title.isEmpty() && text.isEmpty()) {
            errors.add(ItemError.skipped(where, "entry has neither title nor text"));
            return null;
        }
        String id = e.getUri() != null && !e.getUri().isBlank() ? e.getUri().strip() : url;
        if (id == null) id = "sha256:" + Canonical.contentHash(title, text);
        Date d = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
        Instant published = d == null ? r.fetchedAt() : d.toInstant();
        Set<String> media = new LinkedHashSet<>();
        for (SyndEnclosure enc : e.getEnclosures()) HtmlTextUrls.add(media, IngestSupport.absolute(base, enc.getUrl()));
        if (e.getModule(MediaModule.URI) instanceof MediaEntryModule m) {
            for (MediaContent c : m.getMediaContents()) {
                if (c.getReference() instanceof UrlReference u && u.getUrl() != null) HtmlTextUrls.add(media, u.getUrl().toString());
            }
            if (m.getMetadata() != null) {
                for (Thumbnail t : m.getMetadata().getThumbnail()) {
                    if (t.getUrl() != null) HtmlTextUrls.add(media, t.getUrl().toString());
                }
            }
        }
        media.addAll(HtmlText.media(html, link == null ? base : link));
        GeoPoint point = null;
        GeoRSSModule geo = GeoRSSUtils.getGeoRSS(e);
        if (geo != null && geo.getPosition() != null) {
            double lat = geo.getPosition().getLatitude(), lon = geo.getPosition().getLongitude();
            try {
                point = new GeoPoint(lat, lon);
            } catch (IllegalArgumentException bad) {
                errors.add(ItemError.repaired(where, "GeoRSS point out of range (" + lat + ", " + lon + "); kept without coordinates"));
            }
        }
        String lang = IngestSupport.language(feedLang, source.language());
        return new Report(null, source.id(), id, url, title, text, lang, published, r.fetchedAt(), new ArrayList<>(media), point,
                author(e));
    }

    /** The entry's author (RSS author or dc:creator, Atom author name), else the first of several; an e-mail alone is kept as given. */
    private static String author(SyndEntry e) {
        String a = e.getAuthor();
        if ((a == null || a.isBlank()) && e.getAuthors() != null && !e.getAuthors().isEmpty()) a = e.getAuthors().get(0).getName();
        return a == null ? null : HtmlText.text(a);
    }

    /** The longest of content:encoded / Atom content and the description: feeds put the full text in either. */
    private static String bestBody(SyndEntry e) {
        String best = e.getDescription() == null ? null : e.getDescription().getValue();
        for (SyndContent c : e.getContents()) {
            String v = c.getValue();
            if (v != null && (best == null || v.length() > best.length())) best = v;
        }
        return best;
    }

    /** Keeps only http(s) URLs. */
    private static final class HtmlTextUrls {
        static void add(Set<String> out, String url) {
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) out.add(url.strip());
        }
    }
}
