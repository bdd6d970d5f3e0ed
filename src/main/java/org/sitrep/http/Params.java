package org.sitrep.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.model.EventState;
import org.sitrep.store.BoundingBox;
import org.sitrep.store.EventQuery;

/** Strict query-parameter parsing: unknown names and bad values are 400s that name the parameter. */
final class Params {
    static final int MAX_LIMIT = 1000;
    static final Set<String> EVENT_PARAMS = Set.of("bbox", "from", "to", "type", "q", "state", "limit", "cursor", "located");

    private final Context ctx;

    Params(Context ctx, Set<String> allowed) {
        this.ctx = ctx;
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ApiException.badRequest(e.getKey(), "unknown parameter '" + e.getKey() + "'; this endpoint accepts "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    String string(String name, int maxLength) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) return null;
        if (v.length() > maxLength) throw ApiException.badRequest(name, name + " is longer than " + maxLength + " characters");
        return v;
    }

    Instant instant(String name) {
        String v = string(name, 64);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(name, name + " '" + v + "' is not an ISO 8601 time (e.g. 2026-11-20T08:00:00Z or 2026-11-20)");
            }
        }
    }

    int limit(int dflt) {
        String v = string("limit", 10);
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > MAX_LIMIT) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + " (got '" + v + "')");
        }
    }

    /** Comma-separated or repeated values. */
    Set<String> list(String name) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : ctx.queryParams(name)) {
            for (String part : v.split(",")) if (!part.isBlank()) out.add(part.strip());
        }
        if (out.size() > 50) throw ApiException.badRequest(name, "at most 50 values for " + name);
        return out;
    }

    EventQuery eventQuery(int defaultLimit) {
        BoundingBox bbox = null;
        String b = string("bbox", 200);
        if (b != null) {
            try {
                bbox = BoundingBox.parse(b);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("bbox", e.getMessage());
            }
        }
        Instant from = instant("from"), to = instant("to");
        if (from != null && to != null && !from.isBefore(to)) throw ApiException.badRequest("to", "'to' must be after 'from'");
        Set<EventState> states = new LinkedHashSet<>();
        for (String s : list("state")) {
            try {
                states.add(EventState.parse(s));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", e.getMessage());
            }
        }
        Set<String> types = list("type");
        for (String t : types) if (t.length() > 100) throw ApiException.badRequest("type", "type names are at most 100 characters");
        Boolean located = null;
        String l = string("located", 5);
        if (l != null) {
            if (!l.equals("true") && !l.equals("false")) throw ApiException.badRequest("located", "located must be true or false");
            located = Boolean.parseBoolean(l);
        }
        return new EventQuery(bbox, from, to, types, string("q", 500), states, located, limit(defaultLimit), string("cursor", 200));
    }
}
