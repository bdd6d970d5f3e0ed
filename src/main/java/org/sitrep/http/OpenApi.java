package org.sitrep.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3.1 description of the HTTP API, written as a table beside the routes. OpenApiIT checks
 * it against the routes Javalin really has, both ways, so a route added without a line here (or a line
 * left for a removed route) fails the build.
 */
final class OpenApi {
    private OpenApi() {}

    /** One operation: method, path (Javalin's {param} syntax is OpenAPI's), who may call it, what it does, its query parameters. */
    record Op(String method, String path, Access access, String summary, List<String> query, String body) {}

    static final List<String> EVENT_FILTERS = List.of("bbox", "from", "to", "type", "q", "state", "located");

    static final List<Op> OPS = List.of(
            new Op("get", "/api/health", Access.PUBLIC, "Liveness and counts", List.of(), null),
            new Op("get", "/metrics", Access.READ, "Prometheus metrics", List.of(), null),
            new Op("get", "/api/openapi.json", Access.PUBLIC, "This document", List.of(), null),
            new Op("get", "/api/events", Access.READ, "Events as a GeoJSON FeatureCollection, newest first, paged with nextCursor",
                    plus(EVENT_FILTERS, "limit", "cursor"), null),
            new Op("get", "/api/events/{id}", Access.READ, "One event with its reports, sources, clustering reasons and claims; 308 to the survivor for an event merged into another", List.of(), null),
            new Op("patch", "/api/events/{id}", Access.ANALYST, "Edit location, type, subType, time or actors; kept across re-clustering",
                    List.of(), "{location?:{lat,lon,name?,precision?}, type?, subType?, time?: ISO 8601 | {start,end?,precision?}, actors?:[{name,kind?,side?,role?}], note?}"),
            new Op("post", "/api/events/{id}/state", Access.ANALYST, "Set verified, disputed or rejected (or automatic to hand back to the grader)",
                    List.of(), "{state, note?}"),
            new Op("post", "/api/events/{id}/merge", Access.ANALYST, "Merge other events into this one; they are deleted and redirected",
                    List.of(), "{otherIds:[...], note?}"),
            new Op("post", "/api/events/{id}/split", Access.ANALYST, "Move the given reports to a new event", List.of(), "{reportIds:[...], note?}"),
            new Op("post", "/api/events/{id}/notes", Access.ANALYST, "Add an analyst note", List.of(), "{text}"),
            new Op("get", "/api/events/{id}/notes", Access.READ, "Analyst notes on an event", List.of(), null),
            new Op("get", "/api/events/{id}/history", Access.READ, "Every change made to an event, with before and after, and its notes",
                    List.of("limit"), null),
            new Op("get", "/api/timeline", Access.READ, "Event counts per hour or day and type", plus(EVENT_FILTERS, "limit", "cursor", "bucket"), null),
            new Op("get", "/api/config", Access.PUBLIC, "The web page's settings: tile server, borders, page size", List.of(), null),
            new Op("get", "/api/map/events", Access.READ, "Events as compact columns for the map, newest first, paged with nextCursor",
                    plus(EVENT_FILTERS, "cursor", "pageSize"), null),
            new Op("get", "/api/waves", Access.READ, "Waves: bursts of related events", List.of("from", "to", "limit"), null),
            new Op("get", "/api/reports", Access.READ, "Reports, newest first", List.of("q", "source", "from", "to", "limit", "cursor"), null),
            new Op("get", "/api/reports/{id}", Access.READ, "One report", List.of(), null),
            new Op("post", "/api/reports", Access.SUBMIT, "Submit a report or a batch (open on a fresh install; then push keys for their own source, or analysts)",
                    List.of(), "report object or array of them"),
            new Op("get", "/api/sources", Access.READ, "Sources", List.of(), null),
            new Op("get", "/api/config", Access.READ, "Settings of the web map: tile server, borders file, page size", List.of(), null),
            new Op("get", "/api/map/events", Access.READ, "Events in a compact columnar form for the map, same filters as /api/events",
                    List.of("bbox", "from", "to", "type", "q", "state", "located", "cursor", "pageSize"), null),
            new Op("get", "/api/stream", Access.READ, "Server-Sent Events: created, updated, deleted (id = change number, resume with Last-Event-ID) and alert",
                    List.of(), null),
            new Op("get", "/api/changes", Access.READ, "Created, updated and deleted events after a cursor, in commit order, for mirrors",
                    List.of("since", "limit"), null),
            new Op("get", "/api/export.csv", Access.READ, "All matching events as CSV with ACLED column names, streamed", plus(EVENT_FILTERS, "max"), null),
            new Op("get", "/api/export.geojson", Access.READ, "All matching events as a GeoJSON FeatureCollection, streamed", plus(EVENT_FILTERS, "max"), null),
            new Op("get", "/api/export.kml", Access.READ, "All matching located events as KML, streamed", plus(EVENT_FILTERS, "max"), null),
            new Op("get", "/api/feed.atom", Access.READ, "Atom feed of the newest matching events (any saved view)", plus(EVENT_FILTERS, "limit"), null),
            new Op("post", "/api/login", Access.PUBLIC, "Log in; sets an HttpOnly SameSite=Strict session cookie", List.of(), "{username, password}"),
            new Op("post", "/api/logout", Access.PUBLIC, "End the session", List.of(), null),
            new Op("get", "/api/me", Access.AUTHENTICATED, "Who is calling: {username, role, csrfToken, via}; send csrfToken as X-CSRF-Token on writes",
                    List.of(), null),
            new Op("get", "/api/users", Access.ADMIN, "Users", List.of(), null),
            new Op("post", "/api/users", Access.ADMIN, "Add a user", List.of(), "{username, password, role}"),
            new Op("delete", "/api/users/{username}", Access.ADMIN, "Remove a user and end their sessions", List.of(), null),
            new Op("get", "/api/keys", Access.ADMIN, "API keys (never their secrets)", List.of(), null),
            new Op("post", "/api/keys", Access.ADMIN, "Create a key; the secret is in this response only", List.of(), "{name, role?, source?}"),
            new Op("delete", "/api/keys/{id}", Access.ADMIN, "Revoke a key", List.of(), null),
            new Op("get", "/api/audit", Access.ADMIN, "The audit trail, newest first", List.of("target", "before", "limit"), null),
            new Op("get", "/api/alerts/subscriptions", Access.ANALYST, "Alert subscriptions", List.of(), null),
            new Op("post", "/api/alerts/subscriptions", Access.ANALYST, "Subscribe: area, types, actors, threshold, webhook",
                    List.of(), "{name, area?:{bbox}|{polygon}, types?, actors?, minCount?, radiusKm?, windowMinutes?, webhook?:{url, secret?}}"),
            new Op("get", "/api/alerts/subscriptions/{id}", Access.ANALYST, "One subscription", List.of(), null),
            new Op("delete", "/api/alerts/subscriptions/{id}", Access.ANALYST, "Remove a subscription", List.of(), null),
            new Op("get", "/api/alerts", Access.ANALYST, "Fired alerts with their webhook deliveries", List.of("subscription", "limit"), null));

    private static List<String> plus(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    static Map<String, Object> document() {
        Map<String, Object> paths = new LinkedHashMap<>();
        for (Op op : OPS) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(op.path(), k -> new LinkedHashMap<>());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("summary", op.summary());
            o.put("operationId", op.method() + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
            o.put("x-sitrep-access", op.access().name().toLowerCase(Locale.ROOT));
            List<Object> params = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
            while (m.find()) params.add(Map.of("name", m.group(1), "in", "path", "required", true, "schema", Map.of("type", "string")));
            for (String q : op.query()) params.add(Map.of("name", q, "in", "query", "required", false, "schema", Map.of("type", "string")));
            if (!params.isEmpty()) o.put("parameters", params);
            if (op.body() != null) {
                o.put("requestBody", Map.of("required", true, "description", op.body(),
                        "content", Map.of("application/json", Map.of("schema", Map.of("type", op.body().startsWith("report") ? "array" : "object")))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("200", Map.of("description", "OK"));
            responses.put("400", Map.of("$ref", "#/components/responses/Error"));
            if (op.access() != Access.PUBLIC) {
                responses.put("401", Map.of("$ref", "#/components/responses/Error"));
                responses.put("403", Map.of("$ref", "#/components/responses/Error"));
            }
            responses.put("429", Map.of("$ref", "#/components/responses/Error"));
            o.put("responses", responses);
            if (op.access() != Access.PUBLIC) o.put("security", List.of(Map.of(), Map.of("bearer", List.of()), Map.of("session", List.of())));
            item.put(op.method(), o);
        }
        Map<String, Object> error = Map.of("type", "object", "properties", Map.of("error", Map.of("type", "object", "properties",
                Map.of("status", Map.of("type", "integer"), "message", Map.of("type", "string"), "field", Map.of("type", "string")))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", Map.of("title", "Sitrep API", "version", "0.1.0",
                "description", "Live situation map built from open sources. Reads are public unless the server runs with --private; "
                        + "writes need a role (viewer < analyst < admin) from an API key (Authorization: Bearer) or a session cookie "
                        + "plus X-CSRF-Token. Errors: {\"error\":{status,message,field?}}. Rate limits answer 429 with Retry-After."));
        doc.put("paths", paths);
        doc.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"),
                        "session", Map.of("type", "apiKey", "in", "cookie", "name", Security.SESSION_COOKIE)),
                "schemas", Map.of("Error", error),
                "responses", Map.of("Error", Map.of("description", "Error", "content",
                        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))))));
        return doc;
    }
}
