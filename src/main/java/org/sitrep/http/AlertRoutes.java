package org.sitrep.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.alert.AlertConfig;
import org.sitrep.alert.AlertStore;
import org.sitrep.alert.Area;
import org.sitrep.alert.Subscription;
import org.sitrep.alert.Targets;
import org.sitrep.auth.Secrets;
import org.sitrep.internal.Json;

/** Alert subscriptions and fired alerts, for analysts. */
final class AlertRoutes {
    static final int MAX_SUBSCRIPTIONS = 1000;

    private final AlertStore alerts;
    private final Security security;
    private final Clock clock;
    private final AlertConfig config;

    AlertRoutes(AlertStore alerts, Security security, Clock clock) {
        this.alerts = alerts;
        this.security = security;
        this.clock = clock;
        this.config = security.config().alerts();
    }

    void register(io.javalin.config.RoutesConfig r) {
        r.get("/api/alerts/subscriptions", ctx -> {
            new Params(ctx, Set.of());
            ctx.json(Map.of("subscriptions", alerts.subscriptions().stream().map(Subscription::redacted).toList()));
        }, Access.ANALYST);
        r.post("/api/alerts/subscriptions", this::create, Access.ANALYST);
        r.get("/api/alerts/subscriptions/{id}", ctx -> {
            new Params(ctx, Set.of());
            ctx.json(find(ctx.pathParam("id")).redacted());
        }, Access.ANALYST);
        r.delete("/api/alerts/subscriptions/{id}", ctx -> {
            Subscription s = find(ctx.pathParam("id"));
            alerts.removeSubscription(s.id());
            security.audit(ctx, "alert.unsubscribe", "subscription:" + s.id(), s.redacted(), null);
            ctx.status(204);
        }, Access.ANALYST);
        r.get("/api/alerts", this::list, Access.ANALYST);
    }

    private Subscription find(String id) {
        return alerts.subscription(id).orElseThrow(() -> ApiException.notFound("no alert subscription " + id));
    }

    private void create(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("name", "area", "types", "actors", "minCount", "radiusKm", "windowMinutes", "webhook"));
        if (alerts.subscriptions().size() >= MAX_SUBSCRIPTIONS) throw new ApiException(409, null, "at most " + MAX_SUBSCRIPTIONS + " subscriptions");
        String name = Bodies.text(b, "name", true, 200);
        Area area = null;
        if (b.hasNonNull("area")) {
            JsonNode a = b.get("area");
            if (!a.isObject()) throw ApiException.badRequest("area", "area is {bbox: [w,s,e,n]} or {polygon: [[lon,lat], ...]}");
            try {
                area = Json.MAPPER.treeToValue(a, Area.class);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw ApiException.badRequest("area", rootMessage(e));
            }
            if (area.bbox() == null && area.polygon() == null) throw ApiException.badRequest("area", "area needs a bbox or a polygon");
        }
        String url = null, secret = null;
        if (b.hasNonNull("webhook")) {
            JsonNode w = b.get("webhook");
            if (!w.isObject()) throw ApiException.badRequest("webhook", "webhook is {url, secret?}");
            url = Bodies.text(w, "url", true, 2000);
            try {
                Targets.check(url, config.allowPrivateTargets());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("webhook", e.getMessage());
            }
            secret = Bodies.text(w, "secret", false, 200);
            if (secret == null) secret = Secrets.token("whsec_", 24);
            else if (secret.length() < 16) throw ApiException.badRequest("webhook", "a webhook secret needs at least 16 characters");
        }
        Subscription s;
        try {
            s = new Subscription("as" + Secrets.token("", 9).replace('-', 'x').replace('_', 'y'), name, Security.principal(ctx).actor(), area,
                    strings(b, "types"), strings(b, "actors"), b.path("minCount").asInt(1), b.path("radiusKm").asDouble(25),
                    b.path("windowMinutes").asInt(60), url, secret, clock.instant());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(null, e.getMessage());
        }
        alerts.saveSubscription(s);
        security.audit(ctx, "alert.subscribe", "subscription:" + s.id(), null, s.redacted());
        ctx.status(201).json(s);
    }

    private static Set<String> strings(JsonNode b, String field) {
        JsonNode arr = b.get(field);
        if (arr == null || arr.isNull()) return Set.of();
        if (!arr.isArray() || arr.size() > 50) throw ApiException.badRequest(field, field + " must be an array of at most 50 strings");
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : arr) {
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 200) throw ApiException.badRequest(field, field + " must hold non-empty strings");
            out.add(v.asText().strip());
        }
        return out;
    }

    private void list(Context ctx) {
        Params p = new Params(ctx, Set.of("subscription", "limit"));
        List<Map<String, Object>> out = new ArrayList<>();
        for (AlertStore.Alert a : alerts.alerts(p.string("subscription", 100), p.limit(50))) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", a.seq());
            m.put("subscriptionId", a.subscriptionId());
            try {
                m.put("alert", Json.MAPPER.readTree(a.payload()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt alert " + a.seq(), e);
            }
            List<Map<String, Object>> ds = new ArrayList<>();
            for (AlertStore.Delivery d : alerts.deliveries(a.seq())) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("url", d.url());
                dm.put("status", d.status());
                dm.put("attempts", d.attempts());
                dm.put("lastError", d.lastError());
                ds.add(dm);
            }
            m.put("deliveries", ds);
            out.add(m);
        }
        ctx.json(Map.of("alerts", out));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
