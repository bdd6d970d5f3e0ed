package org.sitrep.ingest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * The one way Sitrep reads from the internet. Every fetch is a GET with hard limits from
 * {@link FetchConfig}: the body is streamed and abandoned the moment it passes the size cap (a 1 GB
 * response costs at most the cap in memory), one deadline covers all redirect hops and the whole body
 * (a server dripping one byte a second is cut off), redirects are followed here rather than by the
 * client so each hop's scheme and addresses pass {@link AddressGuard}, and requests are spaced per host.
 * Sends the last ETag and Last-Modified so unchanged sources answer 304. Thread-safe; share one instance.
 */
public final class SafeFetcher {
    private static final int MAX_ERROR_BODY = 0;
    private final FetchConfig config;
    private final HttpClient client;
    private final AddressGuard guard;
    private final HostThrottle throttle;
    private final Clock clock;

    public SafeFetcher(FetchConfig config) {
        this(config, Clock.systemUTC());
    }

    public SafeFetcher(FetchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.guard = new AddressGuard(config.allowPrivateAddresses(), config.privateHostsAllowed());
        this.throttle = new HostThrottle(config.perHostConcurrency(), config.perHostDelay().toNanos());
    }

    public FetchConfig config() { return config; }

    /** Fetches {@code url} accepting any content type. */
    public FetchResult fetch(String url, Validators validators) throws FetchException {
        return fetch(url, validators, "*/*");
    }

    /**
     * Fetches {@code url}. Returns a result with status 200-299, or 304 when the validators still hold;
     * anything else is a {@link FetchException} with its reason.
     */
    public FetchResult fetch(String url, Validators validators, String accept) throws FetchException {
        URI uri = parse(url);
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        Set<URI> seen = new HashSet<>();
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            if (!seen.add(uri)) {
                throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, uri, "redirect loop after " + hop + " hops");
            }
            HttpResponse<byte[]> resp = send(uri, validators, accept, deadline);
            int status = resp.statusCode();
            if (isRedirect(status)) {
                String location = resp.headers().firstValue("Location").orElse(null);
                if (location == null) throw new FetchException(FetchException.Reason.HTTP_STATUS, uri, status, null, "redirect without Location", null);
                if (hop >= config.maxRedirects()) {
                    throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, uri, "more than " + config.maxRedirects() + " redirects");
                }
                uri = resolve(uri, location);
                continue;
            }
            HttpHeaders h = resp.headers();
            Validators fresh = new Validators(h.firstValue("ETag").orElse(null), h.firstValue("Last-Modified").orElse(null));
            String contentType = h.firstValue("Content-Type").orElse(null);
            if (status == 304) {
                Validators kept = fresh.isEmpty() ? validators : fresh;
                return new FetchResult(uri, 304, null, contentType, null, kept, clock.instant());
            }
            if (status < 200 || status > 299) {
                throw new FetchException(FetchException.Reason.HTTP_STATUS, uri, status, retryAfter(h),
                        "server answered " + status, null);
            }
            byte[] body = decodeContent(uri, h, resp.body());
            return new FetchResult(uri, status, body, contentType, Charsets.detect(body, contentType), fresh, clock.instant());
        }
    }

    /**
     * Opens a long-lived streaming response (Server-Sent Events, e.g. Mastodon's streaming API) under
     * the same address checks, redirect handling and host politeness as {@link #fetch}. Lines longer
     * than {@code maxLineChars} are cut there; a stream silent for longer than {@code idleTimeout}
     * (servers send heartbeats) is closed. The caller must close the returned stream.
     */
    public LineStream openLines(String url, java.util.Map<String, String> headers, int maxLineChars, Duration idleTimeout) throws FetchException {
        URI uri = parse(url);
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        for (int hop = 0; ; hop++) {
            guard.check(uri);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(config.totalTimeout())
                    .header("User-Agent", config.userAgent()).header("Accept", "text/event-stream");
            headers.forEach(b::header);
            HttpResponse<InputStream> resp;
            try (HostThrottle.AutoCloseablePermit permit = throttle.acquire(uri.getHost(), deadline)) {
                if (permit == null) throw timeout(uri, "waiting for a free slot on the host");
                resp = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Reason.INTERRUPTED, uri, "interrupted");
            } catch (IOException e) {
                throw translate(uri, e);
            }
            int status = resp.statusCode();
            if (isRedirect(status) && hop < config.maxRedirects()) {
                closeQuietly(resp.body());
                String location = resp.headers().firstValue("Location").orElse(null);
                if (location == null) throw new FetchException(FetchException.Reason.HTTP_STATUS, uri, status, null, "redirect without Location", null);
                uri = resolve(uri, location);
                continue;
            }
            if (status != 200) {
                closeQuietly(resp.body());
                throw new FetchException(FetchException.Reason.HTTP_STATUS, uri, status, retryAfter(resp.headers()), "server answered " + status, null);
            }
            return new LineStream(resp.body(), maxLineChars, idleTimeout);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the response is abandoned either way
        }
    }

    private HttpResponse<byte[]> send(URI uri, Validators validators, String accept, long deadline) throws FetchException {
        HostThrottle.AutoCloseablePermit permit;
        try {
            permit = throttle.acquire(uri.getHost(), deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Reason.INTERRUPTED, uri, "interrupted while waiting for the host slot");
        }
        if (permit == null) throw timeout(uri, "waiting for a free slot on the host");
        try (permit) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) throw timeout(uri, "before the request started");
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", config.userAgent())
                    .header("Accept", accept)
                    .header("Accept-Encoding", "gzip");
            if (validators != null && validators.etag() != null) b.header("If-None-Match", validators.etag());
            if (validators != null && validators.lastModified() != null) b.header("If-Modified-Since", validators.lastModified());
            CappedHandler handler = new CappedHandler(config.maxBytes());
            CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(b.build(), handler);
            try {
                return f.get(remaining, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                handler.cancel();
                throw timeout(uri, "the whole response did not arrive within " + config.totalTimeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                f.cancel(true);
                handler.cancel();
                Thread.currentThread().interrupt();
                throw new FetchException(FetchException.Reason.INTERRUPTED, uri, "interrupted");
            } catch (CancellationException e) {
                throw new FetchException(FetchException.Reason.INTERRUPTED, uri, "cancelled");
            } catch (ExecutionException e) {
                throw translate(uri, e.getCause());
            }
        }
    }

    private FetchException timeout(URI uri, String what) {
        return new FetchException(FetchException.Reason.TIMEOUT, uri, what);
    }

    private FetchException translate(URI uri, Throwable t) {
        // the client may wrap what the body subscriber threw (CompletionException, IOException)
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TooLarge tl) return new FetchException(FetchException.Reason.TOO_LARGE, uri, tl.getMessage());
        }
        if (t instanceof HttpConnectTimeoutException) return new FetchException(FetchException.Reason.TIMEOUT, uri, 0, null, "connect timed out", t);
        if (t instanceof HttpTimeoutException) return new FetchException(FetchException.Reason.TIMEOUT, uri, 0, null, "no response headers in time", t);
        if (t instanceof ConnectException) return new FetchException(FetchException.Reason.CONNECT, uri, 0, null, "connection refused or unreachable", t);
        String msg = t == null ? "unknown" : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return new FetchException(FetchException.Reason.IO, uri, 0, null, msg, t);
    }

    private byte[] decodeContent(URI uri, HttpHeaders h, byte[] raw) throws FetchException {
        String enc = h.firstValue("Content-Encoding").orElse("identity").trim().toLowerCase(Locale.ROOT);
        if (enc.isEmpty() || enc.equals("identity")) return raw;
        if (!enc.equals("gzip") && !enc.equals("x-gzip")) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, uri, "unsupported Content-Encoding " + enc);
        }
        // Decompress under the same cap: a 10 KB gzip bomb must not become 10 GB in memory.
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length * 4, 1 << 20));
            byte[] buf = new byte[16384];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > config.maxBytes()) {
                    throw new FetchException(FetchException.Reason.TOO_LARGE, uri, "decompressed body exceeds " + config.maxBytes() + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            if (e instanceof FetchException fe) throw fe;
            throw new FetchException(FetchException.Reason.BAD_CONTENT, uri, 0, null, "broken gzip body: " + e.getMessage(), e);
        }
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI parse(String url) throws FetchException {
        if (url == null || url.isBlank()) throw new FetchException(FetchException.Reason.BAD_URL, null, "empty URL");
        try {
            URI u = new URI(url.strip());
            if (!u.isAbsolute()) throw new FetchException(FetchException.Reason.BAD_URL, u, "not an absolute URL");
            return u;
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, null, "malformed URL '" + url + "': " + e.getReason());
        }
    }

    private static URI resolve(URI base, String location) throws FetchException {
        try {
            URI loc = new URI(location.strip());
            return base.resolve(loc);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Reason.BAD_URL, base, "malformed redirect Location '" + location + "'");
        }
    }

    private static Duration retryAfter(HttpHeaders h) {
        String v = h.firstValue("Retry-After").orElse(null);
        if (v == null) return null;
        try {
            long s = Long.parseLong(v.trim());
            return s >= 0 ? Duration.ofSeconds(s) : null;
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Thrown inside the body subscriber when the cap is passed; mapped to TOO_LARGE. */
    static final class TooLarge extends IOException {
        TooLarge(String m) { super(m); }
    }

    /**
     * Accepts the body of 2xx answers up to the cap and cancels the stream the moment it is passed
     * (or at once when Content-Length already says so). Bodies of redirects and errors are not read.
     */
    private static final class CappedHandler implements HttpResponse.BodyHandler<byte[]> {
        private final long cap;
        private volatile CappedSubscriber current;

        CappedHandler(long cap) { this.cap = cap; }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            int status = info.statusCode();
            long limit = status >= 200 && status <= 299 ? cap : MAX_ERROR_BODY;
            CappedSubscriber s = new CappedSubscriber(limit, status >= 200 && status <= 299);
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit && limit == cap) s.failEarly("Content-Length " + declared + " exceeds the limit of " + cap + " bytes");
            current = s;
            return s;
        }

        void cancel() {
            CappedSubscriber s = current;
            if (s != null) s.cancel();
        }
    }

    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long cap;
        private final boolean failOnExceed;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile String earlyFailure;
        private long received;

        CappedSubscriber(long cap, boolean failOnExceed) {
            this.cap = cap;
            this.failOnExceed = failOnExceed;
        }

        void failEarly(String why) { earlyFailure = why; }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) s.cancel();
            result.cancel(false);
        }

        @Override public CompletionStage<byte[]> getBody() { return result; }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (earlyFailure != null) {
                s.cancel();
                result.completeExceptionally(new TooLarge(earlyFailure));
            } else if (cap == 0) {
                // a redirect or an error: the status is all we need, so the body is never read
                s.cancel();
                result.complete(new byte[0]);
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) return;
            for (ByteBuffer b : items) {
                int n = b.remaining();
                received += n;
                if (received > cap) {
                    subscription.cancel();
                    if (failOnExceed) result.completeExceptionally(new TooLarge("body exceeds the limit of " + cap + " bytes"));
                    else result.complete(out.toByteArray());
                    return;
                }
                byte[] chunk = new byte[n];
                b.get(chunk);
                out.write(chunk, 0, n);
            }
            subscription.request(1);
        }

        @Override public void onError(Throwable t) { result.completeExceptionally(t); }

        @Override public void onComplete() { result.complete(out.toByteArray()); }
    }
}
