package org.sitrep.ingest.bluesky;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.JsonSupport;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.ingest.Validators;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * Bluesky through the public AppView (no account): an author's feed
 * ({@code app.bsky.feed.getAuthorFeed}) for a source written as {@code @handle}, a DID or
 * {@code https://bsky.app/profile/HANDLE}, and a search ({@code app.bsky.feed.searchPosts}, newest
 * first) for {@code https://bsky.app/search?q=...} or {@code search:QUERY}. A full
 * {@code http(s)://.../xrpc/app.bsky.feed.*} URL is used as given (another AppView, a test server).
 *
 * <p>These endpoints page backwards only, so the cursor is the newest {@code indexedAt} stored and a
 * poll keeps the posts indexed after it; at most one page (100) per poll, so a search busier than that
 * between two polls loses the overflow (poll it more often). Thread-safe.
 */
public final class BlueskyConnector implements Connector {
    public static final String PUBLIC_APPVIEW = "https://public.api.bsky.app";
    static final int PAGE = 100;
    private final SafeFetcher fetcher;
    private final String appView;

    public BlueskyConnector(SafeFetcher fetcher) { this(fetcher, PUBLIC_APPVIEW); }

    public BlueskyConnector(SafeFetcher fetcher, String appViewBase) {
        this.fetcher = fetcher;
        this.appView = appViewBase.replaceAll("/+$", "");
    }

    @Override public String type() { return "bluesky"; }

    String endpoint(String src) throws FetchException {
        if (src == null || src.isBlank()) throw new FetchException(FetchException.Reason.BAD_URL, null, "bluesky source needs a handle or a search");
        String s = src.strip();
        if (s.matches("(?i)https?://.+/xrpc/app\\.bsky\\.feed\\.(getAuthorFeed|searchPosts)\\?.*")) return s;
        if (s.startsWith("search:")) return search(s.substring("search:".length()));
        if (s.startsWith("http://") || s.startsWith("https://")) {
            try {
                URI u = new URI(s);
                String path = u.getPath() == null ? "" : u.getPath();
                if (path.startsWith("/profile/")) return author(path.substring("/profile/".length()).replaceAll("/.*$", ""));
                if (path.startsWith("/search") && u.getRawQuery() != null) {
                    for (String p : u.getRawQuery().split("&")) {
                        if (p.startsWith("q=")) return search(URLDecoder.decode(p.substring(2), StandardCharsets.UTF_8));
                    }
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new FetchException(FetchException.Reason.BAD_URL, null, "not a Bluesky URL: '" + s + "'");
            }
            throw new FetchException(FetchException.Reason.BAD_URL, null, "Bluesky sources are @handle, https://bsky.app/profile/HANDLE or https://bsky.app/search?q=...");
        }
        return author(s.replaceFirst("^@", "").replaceFirst("^at://", ""));
    }

    private String author(String actor) throws FetchException {
        if (!actor.matches("(did:[a-z]+:[A-Za-z0-9._:%-]{1,200})|([A-Za-z0-9.-]{3,253})")) {
            throw new FetchException(FetchException.Reason.BAD_URL, null, "not a Bluesky handle or DID: '" + actor + "'");
        }
        return appView + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + enc(actor) + "&filter=posts_with_replies&limit=" + PAGE;
    }

    private String search(String q) {
        return appView + "/xrpc/app.bsky.feed.searchPosts?q=" + enc(q.strip()) + "&sort=latest&limit=" + PAGE;
    }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        FetchResult r = fetcher.fetch(endpoint(source.url()), Validators.NONE, "application/json");
        JsonNode root = JsonSupport.parse(r);
        List<JsonNode> posts = new ArrayList<>();
        if (root.has("feed")) {
            for (JsonNode item : root.get("feed")) posts.add(item.path("post"));
        } else if (root.has("posts")) {
            root.get("posts").forEach(posts::add);
        } else {
            String err = JsonSupport.text(root, "error");
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(),
                    err != null ? "AppView error " + err + ": " + JsonSupport.text(root, "message") : "response has neither 'feed' nor 'posts'");
        }
        Instant after = IngestSupport.instantOrNull(cursor.position());
        Instant newest = after;
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < posts.size(); i++) {
            JsonNode p = posts.get(i);
            String uri = JsonSupport.text(p, "uri");
            String where = "post " + (uri == null ? "#" + (i + 1) : uri);
            try {
                Instant indexed = IngestSupport.parseTime(JsonSupport.text(p, "indexedAt"));
                if (uri == null || !uri.startsWith("at://")) {
                    errors.add(ItemError.skipped(where, "post without an at:// uri"));
                    continue;
                }
                if (indexed != null && after != null && !indexed.isAfter(after)) continue;
                if (!seen.add(uri)) continue; // the same post reposted twice on one page
                Report rep = toReport(source, p, uri, r, where, errors);
                if (rep == null) continue;
                out.add(rep);
                if (indexed != null && (newest == null || indexed.isAfter(newest))) newest = indexed;
            } catch (RuntimeException e) {
                errors.add(ItemError.skipped(where, "unreadable post: " + IngestSupport.describe(e)));
            }
        }
        out.sort(Comparator.comparing(Report::publishedAt));
        return new Batch(out, new Cursor(newest == null ? null : newest.toString(), Validators.NONE), errors, false);
    }

    private static Report toReport(Source source, JsonNode p, String uri, FetchResult r, String where, List<ItemError> errors) {
        JsonNode rec = p.path("record");
        String text = JsonSupport.text(rec, "text");
        text = text == null ? "" : text.strip();
        Set<String> media = new LinkedHashSet<>();
        collectMedia(p.path("embed"), media);
        if (text.isEmpty() && media.isEmpty()) {
            errors.add(ItemError.skipped(where, "post has no text and no images"));
            return null;
        }
        Instant created = IngestSupport.parseTime(JsonSupport.text(rec, "createdAt"));
        if (created == null) created = IngestSupport.parseTime(JsonSupport.text(p, "indexedAt"));
        if (created == null) {
            errors.add(ItemError.skipped(where, "post has no readable createdAt"));
            return null;
        }
        String handle = JsonSupport.text(p.path("author"), "handle");
        String rkey = uri.substring(uri.lastIndexOf('/') + 1);
        String url = handle == null ? null : "https://bsky.app/profile/" + handle + "/post/" + rkey;
        String lang = null;
        JsonNode langs = rec.path("langs");
        if (langs.isArray() && !langs.isEmpty()) lang = langs.get(0).asText();
        return new Report(null, source.id(), uri, Canonical.url(url), "", text,
                IngestSupport.language(lang, source.language()), created, r.fetchedAt(), new ArrayList<>(media), null,
                handle == null ? null : "@" + handle);
    }

    /** Image and video URLs from the hydrated embed views (images, video, record-with-media). */
    private static void collectMedia(JsonNode embed, Set<String> out) {
        if (embed == null || embed.isMissingNode()) return;
        for (JsonNode img : embed.path("images")) add(out, JsonSupport.text(img, "fullsize"));
        add(out, JsonSupport.text(embed, "playlist"));
        add(out, JsonSupport.text(embed, "thumbnail"));
        if (embed.has("media")) collectMedia(embed.get("media"), out);
    }

    private static void add(Set<String> out, String url) {
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) out.add(url);
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
