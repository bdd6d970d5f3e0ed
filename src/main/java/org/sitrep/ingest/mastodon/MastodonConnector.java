package org.sitrep.ingest.mastodon;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.ingest.Batch;
import org.sitrep.ingest.Connector;
import org.sitrep.ingest.Cursor;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.HtmlText;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.JsonSupport;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.ingest.Validators;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.normalize.Canonical;

/**
 * Mastodon timelines over the public REST API (no token needed on most servers). The source URL says
 * which timeline: {@code https://HOST/tags/TAG} (hashtag), {@code https://HOST/@user} (an account),
 * {@code https://HOST/public} or {@code /public/local} (the federated or local timeline), or any
 * {@code https://HOST/api/v1/...} timeline endpoint as is.
 *
 * <p>The cursor is the highest status id stored, sent as {@code min_id}: Mastodon then returns the
 * statuses immediately after it, so a burst bigger than one page (40) is read over several polls with
 * no gap, where {@code since_id} would return only the newest 40 and skip the rest. Ids are compared
 * as numbers of any length (they are 64-bit snowflakes as strings). Thread-safe.
 */
public final class MastodonConnector implements Connector {
    static final int PAGE = 40;
    /** Account lookups (acct -> id) cached per server; bounded so a typo'd source list cannot grow it. */
    private final Map<String, String> accountIds = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, String> e) { return size() > 10_000; }
    });
    private final SafeFetcher fetcher;

    public MastodonConnector(SafeFetcher fetcher) { this.fetcher = fetcher; }

    @Override public String type() { return "mastodon"; }

    @Override
    public Batch fetch(Source source, Cursor cursor) throws FetchException {
        String endpoint = endpoint(source.url());
        String sep = endpoint.contains("?") ? "&" : "?";
        String url = endpoint + sep + "limit=" + PAGE + (cursor.position() == null ? "" : "&min_id=" + enc(cursor.position()));
        FetchResult r = fetcher.fetch(url, Validators.NONE, "application/json");
        JsonNode arr = JsonSupport.parse(r);
        if (!arr.isArray()) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(), "expected a JSON array of statuses, got " + arr.getNodeType());
        }
        List<Report> out = new ArrayList<>();
        List<ItemError> errors = new ArrayList<>();
        String max = cursor.position();
        for (int i = 0; i < arr.size(); i++) {
            JsonNode s = arr.get(i);
            String id = JsonSupport.text(s, "id");
            String where = "status " + (id == null ? "#" + (i + 1) : id);
            if (id == null || !id.matches("\\d{1,30}")) {
                errors.add(ItemError.skipped(where, "status without a numeric id"));
                continue;
            }
            if (max == null || newer(id, max)) max = id;
            try {
                Report rep = toReport(source, s, r, where, errors);
                if (rep != null) out.add(rep);
            } catch (RuntimeException e) {
                errors.add(ItemError.skipped(where, "unreadable status: " + IngestSupport.describe(e)));
            }
        }
        out.sort(Comparator.comparing(Report::publishedAt));
        return new Batch(out, new Cursor(max, Validators.NONE), errors, arr.size() >= PAGE && cursor.position() != null);
    }

    /** True when snowflake id {@code a} is greater than {@code b}. */
    static boolean newer(String a, String b) {
        return a.length() != b.length() ? a.length() > b.length() : a.compareTo(b) > 0;
    }

    String endpoint(String sourceUrl) throws FetchException {
        URI u;
        try {
            u = new URI(sourceUrl == null ? "" : sourceUrl.strip());
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, null, "not a Mastodon URL: '" + sourceUrl + "'");
        }
        if (u.getScheme() == null || u.getHost() == null) throw new FetchException(FetchException.Reason.BAD_URL, u, "Mastodon sources are https://SERVER/tags/TAG, https://SERVER/@user or https://SERVER/public");
        String origin = u.getScheme() + "://" + u.getRawAuthority();
        String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
        if (path.startsWith("/api/")) return sourceUrl.strip();
        if (path.startsWith("/tags/")) return origin + "/api/v1/timelines/tag/" + path.substring("/tags/".length());
        if (path.equals("/public/local")) return origin + "/api/v1/timelines/public?local=true";
        if (path.equals("/public") || path.isEmpty()) return origin + "/api/v1/timelines/public";
        if (path.startsWith("/@")) {
            String acct = path.substring(2);
            return origin + "/api/v1/accounts/" + accountId(origin, acct) + "/statuses?exclude_reblogs=false";
        }
        throw new FetchException(FetchException.Reason.BAD_URL, u, "unknown Mastodon timeline path " + path);
    }

    private String accountId(String origin, String acct) throws FetchException {
        String key = origin + "|" + acct;
        String cached = accountIds.get(key);
        if (cached != null) return cached;
        FetchResult r = fetcher.fetch(origin + "/api/v1/accounts/lookup?acct=" + enc(acct), Validators.NONE, "application/json");
        String id = JsonSupport.text(JsonSupport.parse(r), "id");
        if (id == null || !id.matches("[0-9A-Za-z]{1,40}")) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(), "account lookup for " + acct + " returned no id");
        }
        accountIds.put(key, id);
        return id;
    }

    /** One status as a report; a reblog is stored as the original post (its uri dedups across boosts). */
    static Report toReport(Source source, JsonNode status, FetchResult r, String where, List<ItemError> errors) {
        JsonNode s = status.hasNonNull("reblog") && status.get("reblog").isObject() ? status.get("reblog") : status;
        String html = JsonSupport.text(s, "content");
        String text = HtmlText.text(html);
        String cw = HtmlText.text(JsonSupport.text(s, "spoiler_text"));
        Set<String> media = new LinkedHashSet<>();
        for (JsonNode m : s.path("media_attachments")) {
            String u = JsonSupport.text(m, "url");
            if (u == null) u = JsonSupport.text(m, "remote_url");
            if (u != null && (u.startsWith("https://") || u.startsWith("http://"))) media.add(u);
        }
        if (text.isEmpty() && cw.isEmpty() && media.isEmpty()) {
            errors.add(ItemError.skipped(where, "status has no text and no media"));
            return null;
        }
        Instant published = IngestSupport.parseTime(JsonSupport.text(s, "created_at"));
        if (published == null) {
            errors.add(ItemError.skipped(where, "status has no readable created_at"));
            return null;
        }
        String uri = JsonSupport.text(s, "uri");
        String url = JsonSupport.text(s, "url");
        if (url == null) url = uri;
        String externalId = uri != null ? uri : "mastodon:" + r.finalUri().getHost() + ":" + JsonSupport.text(s, "id");
        String lang = IngestSupport.language(JsonSupport.text(s, "language"), source.language());
        String acct = JsonSupport.text(s.path("account"), "acct");
        return new Report(null, source.id(), externalId, Canonical.url(url), cw, text, lang, published, r.fetchedAt(),
                new ArrayList<>(media), null, acct == null || acct.isBlank() ? null : "@" + acct);
    }

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
