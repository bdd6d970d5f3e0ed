package org.sitrep.ingest.mastodon;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.sitrep.ingest.FetchException;
import org.sitrep.ingest.IngestSupport;
import org.sitrep.ingest.ItemError;
import org.sitrep.ingest.SafeFetcher;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link MastodonStream} open per Mastodon hashtag or public-timeline source while the
 * server runs, so a post reaches the map seconds after it is published instead of at the next poll.
 * The REST poll of the same source goes on as before and stays the guarantee of completeness: the
 * stream never moves the poll's cursor (statuses that arrive while a stream is down would otherwise
 * be skipped), and what both deliver is stored once by the store's deduplication on the status URI.
 *
 * <p>Limits: at most {@link Config#maxStreams} streams (the rest are only polled), one event at most
 * {@link MastodonStream#MAX_LINE} characters, a stream silent past {@link Config#idleTimeout} is
 * dropped and reopened, at most {@link Config#maxReportsPerMinute} reports per stream (a firehose
 * beyond that is left to the poll). A broken stream is reopened after an exponential backoff with
 * jitter ({@link Config#minBackoff} doubling to {@link Config#maxBackoff}, or the server's
 * Retry-After); a server that refuses streaming without a token (401/403) or has no such endpoint
 * (404) is asked again only after {@link Config#refusedBackoff}.
 *
 * <p>Sources are re-read every {@link Config#rescan}: streams start for new sources and stop for
 * paused, removed or changed ones. With several nodes on one database, a node streams only the sources
 * it holds the {@link StreamClaims claim} on. Thread-safe; {@link #close} stops everything.
 */
public final class MastodonStreams implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MastodonStreams.class);

    /**
     * @param tokens access tokens by server host name (lower case); streaming needs one on many servers
     */
    public record Config(int maxStreams, Duration idleTimeout, Duration minBackoff, Duration maxBackoff, Duration refusedBackoff,
                         int maxReportsPerMinute, Duration rescan, Map<String, String> tokens) {
        public Config {
            tokens = Map.copyOf(tokens);
        }

        public static Config defaults() {
            return new Config(50, Duration.ofSeconds(90), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1),
                    600, Duration.ofSeconds(30), Map.of());
        }

        public Config withMaxStreams(int n) {
            return new Config(n, idleTimeout, minBackoff, maxBackoff, refusedBackoff, maxReportsPerMinute, rescan, tokens);
        }

        /**
         * Tokens from {@code HOST=TOKEN,HOST=TOKEN} (the SITREP_MASTODON_TOKENS environment variable: an
         * environment variable, not an option, so tokens do not show in the process list).
         *
         * @throws IllegalArgumentException naming the entry that is not HOST=TOKEN
         */
        public static Map<String, String> parseTokens(String spec) {
            Map<String, String> out = new HashMap<>();
            if (spec == null || spec.isBlank()) return out;
            for (String entry : spec.split(",")) {
                if (entry.isBlank()) continue;
                int eq = entry.indexOf('=');
                if (eq <= 0 || eq == entry.length() - 1) {
                    throw new IllegalArgumentException("expected HOST=TOKEN, got '" + entry.strip().replaceAll("=.*", "=...") + "'");
                }
                out.put(entry.substring(0, eq).strip().toLowerCase(Locale.ROOT), entry.substring(eq + 1).strip());
            }
            return out;
        }

        public Config withTokens(Map<String, String> t) {
            return new Config(maxStreams, idleTimeout, minBackoff, maxBackoff, refusedBackoff, maxReportsPerMinute, rescan, t);
        }
    }

    /** Where streamed reports go: store (deduplicated) and analyse; returns whether the report was new. */
    @FunctionalInterface
    public interface Sink {
        boolean accept(Report report);
    }

    /** What one stream has done, for health displays and tests. */
    public record Status(String sourceId, long connects, long failures, long reports, long dropped, String lastError, Instant nextAttempt) {}

    private final Supplier<List<Source>> sources;
    private final SafeFetcher fetcher;
    private final Sink sink;
    private final Config config;
    private final Clock clock;
    private final StreamClaims claims;
    private final Map<String, Runner> running = new ConcurrentHashMap<>();
    private volatile Thread loop;
    private volatile boolean closed;

    /** One node alone: streams every streamable source (up to the limit). */
    public MastodonStreams(Supplier<List<Source>> sources, SafeFetcher fetcher, Sink sink, Config config, Clock clock) {
        this(sources, fetcher, sink, config, clock, StreamClaims.LOCAL);
    }

    /** @param claims which sources this node streams when several nodes share the database (not closed here) */
    public MastodonStreams(Supplier<List<Source>> sources, SafeFetcher fetcher, Sink sink, Config config, Clock clock, StreamClaims claims) {
        this.claims = claims;
        this.sources = sources;
        this.fetcher = fetcher;
        this.sink = sink;
        this.config = config;
        this.clock = clock;
    }

    /** Whether a source can stream: a Mastodon hashtag or public timeline (accounts have no public stream). */
    static boolean streamable(Source s) {
        if (!"mastodon".equals(s.type()) || s.paused() || s.url() == null) return false;
        try {
            MastodonStream.streamUrl(s.url());
            return true;
        } catch (FetchException e) {
            return false;
        }
    }

    public synchronized MastodonStreams start() {
        if (loop == null && !closed) loop = Thread.ofPlatform().name("mastodon-streams").daemon(true).start(this::loop);
        return this;
    }

    private void loop() {
        while (!closed) {
            try {
                reconcile();
            } catch (RuntimeException e) {
                // the store was busy or away for a moment: keep the streams we have, look again later
                log.warn("mastodon streams: cannot read the sources: {}", IngestSupport.describe(e));
            }
            try {
                Thread.sleep(config.rescan().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts streams for streamable sources not yet streaming and stops those no longer wanted. */
    void reconcile() {
        Map<String, Source> wanted = new HashMap<>();
        List<Source> candidates = new ArrayList<>(sources.get().stream().filter(MastodonStreams::streamable).toList());
        candidates.sort(Comparator.comparing(Source::id));
        for (Source s : candidates) {
            if (wanted.size() >= config.maxStreams()) {
                log.info("mastodon streams: limit of {} reached; {} more sources are only polled", config.maxStreams(), candidates.size() - wanted.size());
                break;
            }
            wanted.put(s.id(), s);
        }
        for (Runner r : List.copyOf(running.values())) {
            Source now = wanted.get(r.source.id());
            boolean gone = now == null || !now.url().equals(r.source.url());
            // a claim lost with the database session, and taken by another node: that node streams it now
            if (gone || !claims.claim(r.source.id())) {
                r.close();
                running.remove(r.source.id(), r);
                claims.release(r.source.id());
            }
        }
        if (closed) return;
        for (Source s : wanted.values()) {
            if (running.containsKey(s.id())) continue;
            if (!claims.claim(s.id())) continue; // another node on this database streams it
            running.computeIfAbsent(s.id(), id -> {
                Runner r = new Runner(s);
                r.thread = Thread.ofVirtual().name("mastodon-stream-" + id).start(r::run);
                return r;
            });
        }
    }

    public List<Status> status() {
        return running.values().stream().map(Runner::status).sorted(Comparator.comparing(Status::sourceId)).toList();
    }

    @Override
    public void close() {
        closed = true;
        Thread t = loop;
        if (t != null) t.interrupt();
        for (Runner r : running.values()) r.close();
        for (Runner r : running.values()) {
            try {
                if (r.thread != null) r.thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (String id : running.keySet()) claims.release(id);
        running.clear();
    }

    /** One source's stream, reopened with backoff until closed. */
    private final class Runner implements MastodonStream.Listener {
        final Source source;
        volatile Thread thread;
        private volatile MastodonStream stream;
        private volatile boolean stopped;
        private final AtomicLong connects = new AtomicLong(), failures = new AtomicLong(), reports = new AtomicLong(), dropped = new AtomicLong();
        private volatile String lastError;
        private volatile Instant nextAttempt;
        private long windowStart;
        private int inWindow;

        Runner(Source source) { this.source = source; }

        void run() {
            int consecutive = 0;
            while (!stopped && !closed) {
                MastodonStream s = new MastodonStream(fetcher, source, token(), config.idleTimeout(), clock);
                stream = s;
                if (stopped) return;
                long before = reports.get();
                Duration wait;
                try {
                    connects.incrementAndGet();
                    s.run(this);
                    // ended by the server or the idle timeout: reconnect soon; a stream that delivered is healthy
                    if (reports.get() > before) consecutive = 0;
                    wait = backoff(consecutive++);
                } catch (FetchException e) {
                    failures.incrementAndGet();
                    lastError = e.getMessage();
                    int status = e.reason() == FetchException.Reason.HTTP_STATUS ? e.status() : 0;
                    if (status == 401 || status == 403 || status == 404) {
                        wait = config.refusedBackoff();
                        log.warn("mastodon stream of {} refused ({}); the source is still polled, streaming is retried in {}{}", source.id(),
                                e.getMessage(), wait, status == 404 ? "" : " (a token for its server goes in SITREP_MASTODON_TOKENS=HOST=TOKEN,...)");
                    } else {
                        wait = e.retryAfter() != null ? max(e.retryAfter(), backoff(consecutive)) : backoff(consecutive);
                        consecutive++;
                        if (consecutive <= 3 || consecutive % 20 == 0) {
                            log.info("mastodon stream of {} broke ({}); reconnecting in {} s", source.id(), e.getMessage(), wait.toSeconds());
                        }
                    }
                } finally {
                    stream = null;
                }
                if (stopped) return;
                nextAttempt = clock.instant().plus(wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private String token() {
            try {
                String host = URI.create(source.url().strip()).getHost();
                return host == null ? null : config.tokens().get(host.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        /** minBackoff * 2^n up to maxBackoff, with up to 50% jitter so many streams of one server do not reconnect together. */
        private Duration backoff(int n) {
            long base = config.minBackoff().toMillis() << Math.min(n, 20);
            long capped = Math.min(base, config.maxBackoff().toMillis());
            return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        }

        @Override
        public void report(Report report, String statusId) {
            long now = clock.millis();
            synchronized (this) {
                if (now - windowStart >= 60_000) {
                    windowStart = now;
                    inWindow = 0;
                }
                if (++inWindow > config.maxReportsPerMinute()) {
                    dropped.incrementAndGet(); // the REST poll reads these from its own cursor
                    return;
                }
            }
            try {
                if (sink.accept(report)) reports.incrementAndGet();
            } catch (RuntimeException e) {
                // the poll brings the status again; one store hiccup must not end the stream
                log.warn("mastodon stream of {}: status {} not stored: {}", source.id(), statusId, IngestSupport.describe(e));
            }
        }

        @Override
        public void skipped(ItemError error) {
            log.debug("mastodon stream of {}: {}", source.id(), error);
        }

        Status status() {
            return new Status(source.id(), connects.get(), failures.get(), reports.get(), dropped.get(), lastError, nextAttempt);
        }

        void close() {
            stopped = true;
            MastodonStream s = stream;
            if (s != null) s.close();
            Thread t = thread;
            if (t != null) t.interrupt();
        }
    }

    private static Duration max(Duration a, Duration b) { return a.compareTo(b) >= 0 ? a : b; }
}
