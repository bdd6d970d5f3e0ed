package org.sitrep.ingest.mastodon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.FetchResult;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.LineStream;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.ingest.Validators;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;

/**
 * Mastodon's streaming API (Server-Sent Events) for a hashtag or the public timeline: each
 * {@code update} event is a status, turned into a report the moment it is posted. Complements the
 * REST connector rather than replacing it: the listener gets each status id, so the caller can
 * advance the same cursor, and after a disconnect a REST poll with {@code min_id} fills the gap.
 * Many servers require an access token for streaming; pass one, or rely on REST polling.
 *
 * <p>One instance reads one stream on the calling thread until {@link #close}; thread-safe to close
 * from another thread.
 */
public final class MastodonStream implements AutoCloseable {
    /** A single SSE event is one status; anything bigger is not a status. */
    static final int MAX_LINE = 256 * 1024;

    /** What the stream delivers. */
    public interface Listener {
        void report(Report report, String statusId);

        void skipped(ItemError error);
    }

    private final SafeFetcher fetcher;
    private final Source source;
    private final String accessToken;
    private final Clock clock;
    private final Duration idleTimeout;
    private volatile LineStream current;
    private volatile boolean closed;

    public MastodonStream(SafeFetcher fetcher, Source source, String accessToken, Duration idleTimeout, Clock clock) {
        this.fetcher = fetcher;
        this.source = source;
        this.accessToken = accessToken;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** The streaming endpoint for a source URL: /tags/TAG, /public or /public/local. */
    static String streamUrl(String sourceUrl) throws FetchException {
        try {
            URI u = new URI(sourceUrl.strip());
            String origin = u.getScheme() + "://" + u.getRawAuthority();
            String path = u.getRawPath() == null ? "" : u.getRawPath().replaceAll("/+$", "");
            if (path.startsWith("/tags/")) {
                String tag = java.net.URLDecoder.decode(path.substring(6), StandardCharsets.UTF_8);
                return origin + "/api/v1/streaming/hashtag?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8);
            }
            if (path.equals("/public/local")) return origin + "/api/v1/streaming/public/local";
            if (path.equals("/public") || path.isEmpty()) return origin + "/api/v1/streaming/public";
        } catch (URISyntaxException | NullPointerException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, null, "not a Mastodon URL: '" + sourceUrl + "'");
        }
        throw new FetchException(FetchException.Reason.BAD_URL, null, "only hashtag and public timelines stream without an account: " + sourceUrl);
    }

    /**
     * Reads the stream until it ends, goes silent past the idle timeout, or {@link #close} is called.
     * Returns normally in those cases; fails when the connection cannot be made.
     */
    public void run(Listener listener) throws FetchException {
        Map<String, String> headers = new HashMap<>();
        if (accessToken != null && !accessToken.isBlank()) headers.put("Authorization", "Bearer " + accessToken);
        String url = streamUrl(source.url());
        try (LineStream lines = fetcher.openLines(url, headers, MAX_LINE, idleTimeout)) {
            current = lines;
            if (closed) return;
            String event = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.next()) != null) {
                if (line.isEmpty()) {
                    if (event != null && data.length() > 0) dispatch(event, data.toString(), listener);
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    continue; // heartbeat comment (":thump")
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) data.append('\n');
                    if (data.length() + line.length() > MAX_LINE) {
                        listener.skipped(ItemError.skipped("stream event", "event larger than " + MAX_LINE + " characters"));
                        data.setLength(0);
                        event = null;
                        continue;
                    }
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            if (!closed) throw new FetchException(FetchException.Reason.IO, null, 0, null, "stream broke: " + IngestSupport.describe(e), e);
        }
    }

    private void dispatch(String event, String data, Listener listener) {
        if (!event.equals("update")) return; // delete, status.update, notification: not new reports
        JsonNode status;
        try {
            status = Json.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            listener.skipped(ItemError.skipped("stream event", "update is not valid JSON: " + e.getOriginalMessage()));
            return;
        }
        String id = status.path("id").asText(null);
        String where = "status " + id;
        List<ItemError> errors = new ArrayList<>();
        try {
            FetchResult origin = new FetchResult(URI.create(streamUrlOrEmpty()), 200, null, null, null, Validators.NONE, clock.instant());
            Report r = MastodonConnector.toReport(source, status, origin, where, errors);
            if (r != null && id != null) listener.report(r, id);
        } catch (RuntimeException e) {
            errors.add(ItemError.skipped(where, "unreadable status: " + IngestSupport.describe(e)));
        }
        errors.forEach(listener::skipped);
    }

    private String streamUrlOrEmpty() {
        try {
            return streamUrl(source.url());
        } catch (FetchException e) {
            return "about:blank";
        }
    }

    @Override
    public void close() {
        closed = true;
        LineStream s = current;
        if (s != null) s.close();
    }
}
