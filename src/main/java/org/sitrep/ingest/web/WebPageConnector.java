package org.sitrep.ingest.web;

import java.util.List;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * One web page watched as a source (a live-blog, a ministry's statement page, an article): each
 * fetch whose main text changed becomes a report. The cursor is the content hash of the last stored
 * version, so a page re-served with a new ETag but the same text adds nothing. The report's external
 * id is the canonical URL plus the hash, so each real revision is kept once. Thread-safe.
 */
public final class WebPageConnector implements Connector {
    private final SafeFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();

    public WebPageConnector(SafeFetcher fetcher) { this.fetcher = fetcher; }

    @Override public String type() { return "web"; }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        FetchResult r = fetcher.fetch(source.url(), cursor.validators(), "text/html, application/xhtml+xml;q=0.9, */*;q=0.1");
        if (r.notModified()) return Batch.unchanged(new Cursor(cursor.position(), r.validators()));
        String ct = r.contentType() == null ? "" : r.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!ct.isEmpty() && !ct.contains("html") && !ct.contains("xml")) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(), "expected an HTML page, got " + ct);
        }
        Article a = extractor.extract(r.text(), r.finalUri().toString());
        if (a.text().isEmpty() && a.title().isEmpty()) {
            return new Batch(List.of(), new Cursor(cursor.position(), r.validators()),
                    List.of(ItemError.skipped("page", "no title and no main text found")), false);
        }
        String hash = Canonical.contentHash(a.title(), a.text());
        if (hash.equals(cursor.position())) return Batch.unchanged(new Cursor(hash, r.validators()));
        List<String> media = a.leadImage() == null ? List.of() : List.of(a.leadImage());
        Report rep = new Report(null, source.id(), a.canonicalUrl() + "#" + hash.substring(0, 16), a.canonicalUrl(), a.title(), a.text(),
                IngestSupport.language(a.language(), source.language()),
                a.publishedAt() == null ? r.fetchedAt() : a.publishedAt(), r.fetchedAt(), media, null, a.author());
        return new Batch(List.of(rep), new Cursor(hash, r.validators()), List.of(), false);
    }
}
