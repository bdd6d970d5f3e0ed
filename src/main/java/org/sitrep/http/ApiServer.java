package org.sitrep.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.alert.AlertEngine;
import org.sitrep.alert.WebhookDeliverer;
import org.sitrep.app.Ingestor;
import org.sitrep.app.ReportInput;
import org.sitrep.app.TeamStores;
import org.sitrep.auth.Accounts;
import org.sitrep.auth.PasswordHasher;
import org.sitrep.internal.Json;
import org.sitrep.ingest.schedule.Polling;
import org.sitrep.ingest.schedule.ReportSink;
import org.sitrep.ingest.schedule.SourceStateStore;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.EventMember;
import org.sitrep.store.EventQuery;
import org.sitrep.store.ReportQuery;
import org.sitrep.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: REST/GeoJSON API, Server-Sent Events, metrics and the web page. Every error is
 * answered with one JSON shape, {@code {"error": {"status", "message", "field"?}}}; nothing internal
 * (no stack trace) ever reaches a client.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    /** Limits on what clients may send. */
    public record Limits(long maxBodyBytes, int maxBatch, int defaultPage) {
        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 1000, 100);
    }

    private final Store store;
    private final Ingestor ingestor;
    private final Limits limits;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter accepted, duplicates, rejected;
    private final Broadcaster broadcaster;
    private final Security security;
    private final TeamStores teams;
    private final AlertEngine alertEngine;
    private final WebhookDeliverer webhooks;
    private final WebSettings web;
    private final Javalin app;
    /** Live streams' status by source id (Mastodon streaming, when the server runs it); none by default. */
    private volatile java.util.function.Supplier<List<org.sitrep.ingest.mastodon.MastodonStreams.Status>> streams = List::of;

    /** With the default {@link ApiConfig} and the team stores in {@code store}'s database. */
    public ApiServer(Store store, Ingestor ingestor, Limits limits, Clock clock) {
        this(store, ingestor, limits, clock, ApiConfig.DEFAULT, TeamStores.of(store), WebSettings.DEFAULT);
    }

    public ApiServer(Store store, Ingestor ingestor, Limits limits, Clock clock, ApiConfig config, TeamStores teams) {
        this(store, ingestor, limits, clock, config, teams, WebSettings.DEFAULT);
    }

    /** @param web the web page's settings (tile server), served at /api/config */
    public ApiServer(Store store, Ingestor ingestor, Limits limits, Clock clock, ApiConfig config, TeamStores teams, WebSettings web) {
        this.teams = teams;
        this.security = new Security(config, new Accounts(teams.accounts(), new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS),
                clock, config.sessionTtl()), teams.audit(), clock);
        this.store = store;
        this.web = web;
        this.ingestor = ingestor;
        this.limits = limits;
        this.clock = clock;
        this.accepted = Counter.builder("sitrep_reports_accepted").description("reports stored").register(metrics);
        this.duplicates = Counter.builder("sitrep_reports_duplicate").description("reports already stored").register(metrics);
        this.rejected = Counter.builder("sitrep_reports_rejected").description("reports refused as invalid").register(metrics);
        Gauge.builder("sitrep_events", store, s -> s.stats().events()).description("events in the store").register(metrics);
        Gauge.builder("sitrep_reports", store, s -> s.stats().reports()).description("reports in the store").register(metrics);
        this.broadcaster = new Broadcaster(store, 250);
        Gauge.builder("sitrep_sse_clients", broadcaster, Broadcaster::clientCount).description("connected SSE clients").register(metrics);
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = limits.maxBodyBytes();
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.staticFiles.enableWebjars();
            cfg.staticFiles.add("/web", Location.CLASSPATH);
            cfg.startup.showJavalinBanner = false;
            routes(cfg.routes);
            errors(cfg.routes);
        });
        this.alertEngine = new AlertEngine(store, teams.alerts(), config.alerts(), clock, GeoJson::feature, broadcaster::publish);
        this.webhooks = new WebhookDeliverer(teams.alerts(), config.alerts(), clock);
    }

    /**
     * Shows each streaming source's live stream in /api/sources ("stream": connects, failures, reports,
     * the last error and the next attempt), beside its polling health: a stream refused for want of a
     * token or failing behind a proxy must be visible without reading the server log.
     */
    public ApiServer streams(java.util.function.Supplier<List<org.sitrep.ingest.mastodon.MastodonStreams.Status>> status) {
        this.streams = status == null ? List::of : status;
        return this;
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() { return app.port(); }

    /** The HTTP routes Javalin has, as "METHOD /path" (lower-case method), for the OpenAPI check. */
    List<String> routes() {
        List<String> out = new ArrayList<>();
        for (var pe : app.unsafe.internalRouter.allHttpHandlers()) {
            String m = pe.endpoint.method.name().toLowerCase(java.util.Locale.ROOT);
            if (Set.of("get", "post", "put", "patch", "delete").contains(m)) out.add(m + " " + pe.endpoint.path);
        }
        return out;
    }

    @Override public void close() {
        alertEngine.close();
        webhooks.close();
        broadcaster.close();
        app.stop();
    }

    private void routes(io.javalin.config.RoutesConfig r) {
        r.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        security.install(r);
        r.get("/api/health", ctx -> {
            Store.Stats s = store.stats();
            ctx.json(Map.of("status", "ok", "reports", s.reports(), "events", s.events(), "sources", s.sources()));
        }, Access.PUBLIC);
        r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        r.get("/api/events", this::events);
        r.get("/api/events/{id}", this::event);
        r.get("/api/timeline", this::timeline);
        r.get("/api/reports", this::reports);
        r.get("/api/reports/{id}", ctx -> {
            new Params(ctx, Set.of());
            Report rep = store.report(ctx.pathParam("id")).orElseThrow(() -> ApiException.notFound("no report with id " + ctx.pathParam("id")));
            ctx.json(rep);
        });
        r.post("/api/reports", this::postReports, Access.SUBMIT);
        new MapRoutes(store, web).register(r);
        r.get("/api/waves", ctx -> {
            Params p = new Params(ctx, Set.of("from", "to", "limit"));
            ctx.json(Map.of("waves", store.waves(p.instant("from"), p.instant("to"), p.limit(limits.defaultPage()))));
        });
        r.get("/api/sources", ctx -> {
            new Params(ctx, Set.of());
            ctx.json(sourcesWithHealth());
        });
        r.sse("/api/stream", client -> {
            client.keepAlive();
            String last = client.ctx().header("Last-Event-ID");
            Long lastSeen = null;
            if (last != null && !last.isBlank()) {
                try {
                    lastSeen = Long.parseLong(last.strip());
                } catch (NumberFormatException e) {
                    client.sendComment("ignored Last-Event-ID '" + last.replaceAll("[\\r\\n]", "") + "': not a change number");
                }
            }
            broadcaster.add(client, lastSeen);
        });
        new AuthRoutes(security, clock).register(r);
        new ModerationRoutes(store, ingestor, teams.moderation(), security, clock, broadcaster::wake).register(r);
        new ExportRoutes(store, teams.eventSources()).register(r);
        new AlertRoutes(teams.alerts(), security, clock).register(r);
        Map<String, Object> openApi = OpenApi.document();
        r.get("/api/openapi.json", ctx -> ctx.json(openApi), Access.PUBLIC);
    }

    private void errors(io.javalin.config.RoutesConfig r) {
        r.exception(ApiException.class, (e, ctx) -> error(ctx, e.status, e.field, e.getMessage()));
        r.exception(ReportInput.InvalidReport.class, (e, ctx) -> error(ctx, 400, e.field(), e.getMessage()));
        r.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, null, e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), null, e.getMessage()));
        r.exception(Exception.class, (e, ctx) -> {
            log.error("internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, null, "internal error; the server log has the details");
        });
        r.error(404, ctx -> {
            if (!ctx.path().startsWith("/api")) return;
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) error(ctx, 404, null, "no such endpoint: " + ctx.path());
        });
        r.error(413, ctx -> error(ctx, 413, null, "request body larger than " + limits.maxBodyBytes() + " bytes"));
        r.error(405, ctx -> error(ctx, 405, null, "method " + ctx.method() + " is not allowed on " + ctx.path()));
    }

    /** Each source with its polling health (last success, last error and why, items per day) where the store keeps it. */
    private List<Map<String, Object>> sourcesWithHealth() {
        SourceStateStore state;
        try {
            state = Polling.stateStore(store, ReportSink.STORE_ONLY);
        } catch (IllegalArgumentException noPollingOnThisStore) {
            state = null;
        }
        Map<String, org.sitrep.ingest.mastodon.MastodonStreams.Status> live = new HashMap<>();
        for (var st : streams.get()) live.put(st.sourceId(), st);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Source s : store.sources()) {
            Map<String, Object> item = Json.MAPPER.convertValue(s, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
            item.put("health", state == null ? null : state.health(s.id(), clock.instant()));
            if (live.containsKey(s.id())) item.put("stream", live.get(s.id()));
            out.add(item);
        }
        return out;
    }

    private static void error(Context ctx, int status, String field, String message) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("status", status);
        err.put("message", message == null ? "error" : message);
        if (field != null) err.put("field", field);
        ctx.status(status).json(Map.of("error", err));
    }

    // ------------------------------------------------------------------ handlers

    private void events(Context ctx) {
        EventQuery q = new Params(ctx, Params.EVENT_PARAMS).eventQuery(limits.defaultPage());
        Store.Page<Event> page = store.searchEvents(q);
        ctx.contentType("application/geo+json").result(write(GeoJson.collection(page.items(), page.nextCursor())));
    }

    private void event(Context ctx) {
        new Params(ctx, Set.of());
        String id = ctx.pathParam("id");
        Event e = store.event(id).orElse(null);
        if (e == null) {
            String survivor = teams.moderation().mergedInto(id).filter(s -> store.event(s).isPresent()).orElse(null);
            if (survivor == null) throw ApiException.notFound("no event with id " + id);
            // Merged away (by an analyst or the clusterer): a permanent redirect to the event that absorbed it. The
            // relative reference resolves against /api/events/ wherever a proxy mounts the API.
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("status", 308);
            err.put("message", "event " + id + " was merged into event " + survivor);
            err.put("mergedInto", survivor);
            ctx.status(308).header("Location", java.net.URLEncoder.encode(survivor, java.nio.charset.StandardCharsets.UTF_8)).json(Map.of("error", err));
            return;
        }
        List<EventMember> members = store.members(e.id());
        Map<String, Source> sources = new HashMap<>();
        for (EventMember m : members) {
            String sid = m.report().report().sourceId();
            if (!sources.containsKey(sid)) store.source(sid).ifPresent(s -> sources.put(sid, s));
        }
        ctx.contentType("application/geo+json").result(write(GeoJson.detail(e, members, sources, store.wavesOf(e.id()))));
    }

    private void timeline(Context ctx) {
        Set<String> allowed = new java.util.HashSet<>(Params.EVENT_PARAMS);
        allowed.add("bucket");
        Params p = new Params(ctx, allowed);
        String bucket = p.string("bucket", 10);
        Store.Granularity g;
        if (bucket == null || bucket.equals("hour")) g = Store.Granularity.HOUR;
        else if (bucket.equals("day")) g = Store.Granularity.DAY;
        else throw ApiException.badRequest("bucket", "bucket must be hour or day");
        ctx.json(Map.of("bucket", g.name().toLowerCase(java.util.Locale.ROOT), "counts", store.timeline(p.eventQuery(1), g)));
    }

    private void reports(Context ctx) {
        Params p = new Params(ctx, Set.of("q", "source", "from", "to", "limit", "cursor"));
        var from = p.instant("from");
        var to = p.instant("to");
        Store.Page<Report> page = store.searchReports(new ReportQuery(p.string("q", 500), p.string("source", 200), from, to,
                p.limit(limits.defaultPage()), p.string("cursor", 200)));
        ctx.json(Map.of("reports", page.items(), "nextCursor", page.nextCursor() == null ? "" : page.nextCursor()));
    }

    private void postReports(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(boundedBody(ctx));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(null, "could not read the request body: " + e.getMessage());
        }
        if (body == null || body.isMissingNode()) throw ApiException.badRequest(null, "empty body; send a report object or an array of them");
        if (body.isObject()) {
            Report r;
            try {
                r = ReportInput.parse(body, clock.instant());
            } catch (ReportInput.InvalidReport e) {
                rejected.increment();
                throw e;
            }
            Security.checkSource(Security.principal(ctx), r.sourceId());
            Map<String, Object> res = submit(r);
            security.audit(ctx, "report.submit", "report:" + res.get("id"), null, res);
            ctx.status(Boolean.TRUE.equals(res.get("created")) ? 201 : 200).json(res);
            return;
        }
        if (!body.isArray()) throw ApiException.badRequest(null, "send a report object or an array of them");
        if (body.size() > limits.maxBatch()) {
            throw ApiException.badRequest(null, "a batch holds at most " + limits.maxBatch() + " reports (got " + body.size() + ")");
        }
        String keySource = Security.principal(ctx).sourceId();
        if (keySource != null) {
            // Checked before anything is stored, so a batch with another source's reports changes nothing.
            for (JsonNode item : body) Security.checkSource(Security.principal(ctx), item.path("source").asText(null));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        int ok = 0, dup = 0, bad = 0;
        for (int i = 0; i < body.size(); i++) {
            Map<String, Object> res;
            try {
                Report parsed = ReportInput.parse(body.get(i), clock.instant());
                Security.checkSource(Security.principal(ctx), parsed.sourceId());
                res = submit(parsed);
                if (Boolean.TRUE.equals(res.get("created"))) ok++; else dup++;
            } catch (ReportInput.InvalidReport e) {
                rejected.increment();
                bad++;
                res = new LinkedHashMap<>();
                res.put("status", "rejected");
                res.put("error", e.getMessage());
                if (e.field() != null) res.put("field", e.field());
            }
            res.put("index", i);
            results.add(res);
        }
        if (ok + dup == 0 && bad > 0) {
            ctx.status(400).json(Map.of("error", Map.of("status", 400, "message", "every report in the batch was rejected"),
                    "results", results));
            return;
        }
        security.audit(ctx, "report.submit.batch", null, null, Map.of("accepted", ok, "duplicates", dup, "rejected", bad,
                "ids", results.stream().map(m -> m.get("id")).filter(java.util.Objects::nonNull).toList()));
        ctx.status(ok > 0 ? 201 : 200).json(Map.of("accepted", ok, "duplicates", dup, "rejected", bad, "results", results));
    }

    /** The request body, refused with 413 past the limit whether or not the client declared its length. */
    private byte[] boundedBody(Context ctx) throws java.io.IOException {
        long max = limits.maxBodyBytes();
        String declared = ctx.header("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(null, "Content-Length '" + declared + "' is not a number");
            }
            if (length > max) {
                drain(ctx);
                throw tooLarge();
            }
        }
        byte[] bytes = ctx.bodyInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            drain(ctx);
            throw tooLarge();
        }
        return bytes;
    }

    /**
     * Reads and discards up to 1 MiB of a refused body, so a client still sending it receives the 413
     * instead of a reset connection. Past that the connection is closed: the client was told the limit.
     */
    private static void drain(Context ctx) throws java.io.IOException {
        long left = 1L << 20;
        byte[] buf = new byte[8192];
        java.io.InputStream in = ctx.bodyInputStream();
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) left -= n;
    }

    private ApiException tooLarge() {
        return new ApiException(413, null, "request body larger than " + limits.maxBodyBytes()
                + " bytes; send fewer reports per request");
    }

    private Map<String, Object> submit(Report r) {
        Ingestor.Outcome o = ingestor.submit(r);
        if (o.created()) accepted.increment(); else duplicates.increment();
        broadcaster.wake();
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("id", o.report().id());
        res.put("status", o.created() ? "created" : "duplicate");
        res.put("created", o.created());
        if (o.duplicateReason() != null) res.put("reason", o.duplicateReason());
        if (o.eventId() != null) res.put("eventId", o.eventId());
        return res;
    }

    private static String write(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the response", e);
        }
    }

}
