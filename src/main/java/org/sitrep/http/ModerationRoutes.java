package org.sitrep.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.sitrep.app.Ingestor;
import org.sitrep.auth.AuditLog;
import org.sitrep.auth.Principal;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.moderation.EventOverride;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.pipeline.EventMember;
import org.sitrep.store.Ids;
import org.sitrep.store.Store;

/**
 * Analyst actions on events: state, edits, merge, split, notes, and the history of all of them.
 * Every change is stored as an {@link EventOverride} (so re-clustering keeps it), committed with the
 * event and its audit entry in one transaction, and serialised with clustering through
 * {@link Ingestor#exclusively}.
 */
final class ModerationRoutes {
    static final int MAX_MERGE = 50;
    static final int MAX_NOTE = 10_000;

    private final Store store;
    private final Ingestor ingestor;
    private final ModerationStore moderation;
    private final Security security;
    private final Clock clock;
    private final Runnable changed;

    ModerationRoutes(Store store, Ingestor ingestor, ModerationStore moderation, Security security, Clock clock, Runnable changed) {
        this.store = store;
        this.ingestor = ingestor;
        this.moderation = moderation;
        this.security = security;
        this.clock = clock;
        this.changed = changed;
    }

    void register(io.javalin.config.RoutesConfig r) {
        r.post("/api/events/{id}/state", this::state, Access.ANALYST);
        r.patch("/api/events/{id}", this::patch, Access.ANALYST);
        r.post("/api/events/{id}/merge", this::merge, Access.ANALYST);
        r.post("/api/events/{id}/split", this::split, Access.ANALYST);
        r.post("/api/events/{id}/notes", this::addNote, Access.ANALYST);
        r.get("/api/events/{id}/notes", ctx -> {
            new Params(ctx, Set.of());
            ctx.json(Map.of("notes", notes(ctx, existing(ctx.pathParam("id")).id())));
        }, Access.READ);
        r.get("/api/events/{id}/history", this::history, Access.READ);
    }

    private Event existing(String id) {
        return store.event(id).orElseThrow(() -> {
            String merged = moderation.mergedInto(id).orElse(null);
            return ApiException.notFound("no event with id " + id + (merged != null ? "; it was merged into " + merged : ""));
        });
    }

    private static Event bump(Event e, Instant now) {
        return new Event(e.id(), e.title(), e.summary(), e.location(), e.time(), e.type(), e.subType(), e.actors(), e.fatalities(),
                e.reportIds(), e.claims(), e.state(), e.sourceCount(), e.credibility(), e.gradeReason(), e.firstSeen(), now, e.version() + 1);
    }

    private static Event withState(Event e, EventState s) {
        return new Event(e.id(), e.title(), e.summary(), e.location(), e.time(), e.type(), e.subType(), e.actors(), e.fatalities(),
                e.reportIds(), e.claims(), s, e.sourceCount(), e.credibility(), e.gradeReason(), e.firstSeen(), e.updatedAt(), e.version());
    }

    /** Applies an override change to an event: stored decision, new event version, note and audit entry, all in one transaction. */
    private Event edit(Context ctx, String id, String action, UnaryOperator<EventOverride> change, boolean recompute, String note) {
        Principal p = Security.principal(ctx);
        Event after = ingestor.exclusively(() -> store.inTransaction(() -> {
            Event before = existing(id);
            Instant now = clock.instant();
            EventOverride o = change.apply(moderation.override(id).orElse(EventOverride.NONE));
            moderation.saveOverride(id, o, p.actor(), now);
            Event next;
            if (recompute) {
                // Back to automatic: assemble as if no analyst had set a state (the assembler keeps analyst states of "previous").
                // The new override is passed in: reads inside this transaction do not see its uncommitted write.
                next = ingestor.reassemble(id, withState(before, EventState.PENDING), store.members(id), o::applyTo);
            } else {
                next = o.applyTo(bump(before, now));
            }
            store.commitEvent(next, List.of());
            if (note != null) moderation.addNote(id, p.actor(), note, now);
            Map<String, Object> auditAfter = new LinkedHashMap<>(GeoJson.feature(next));
            if (note != null) auditAfter.put("note", note);
            security.audit(ctx, action, "event:" + id, GeoJson.feature(before), auditAfter);
            return next;
        }));
        changed.run();
        return after;
    }

    private void state(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("state", "note"));
        String s = Bodies.text(b, "state", true, 20).strip().toLowerCase(Locale.ROOT);
        String note = Bodies.text(b, "note", false, MAX_NOTE);
        Event after;
        if (s.equals("automatic") || s.equals("pending") || s.equals("corroborated")) {
            // pending/corroborated are computed from the sources; asking for one hands the state back to the grader.
            after = edit(ctx, ctx.pathParam("id"), "event.state", o -> o.withState(null), true, note);
        } else {
            EventState state;
            try {
                state = EventState.parse(s);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("state", "state must be verified, disputed, rejected or automatic");
            }
            after = edit(ctx, ctx.pathParam("id"), "event.state", o -> o.withState(state), false, note);
        }
        ctx.contentType("application/geo+json").json(GeoJson.feature(after));
    }

    private void patch(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("location", "type", "subType", "time", "actors", "note"));
        List<UnaryOperator<EventOverride>> changes = new ArrayList<>();
        if (b.has("location")) {
            EventLocation loc = location(b.get("location"));
            changes.add(o -> o.withLocation(loc));
        }
        if (b.has("type") || b.has("subType")) {
            String type = Bodies.text(b, "type", false, 100);
            String sub = Bodies.text(b, "subType", false, 100);
            Event current = existing(ctx.pathParam("id"));
            String t = type != null ? type : current.type();
            changes.add(o -> o.withType(t, sub));
        }
        if (b.has("time")) {
            TimeWindow tw = time(b.get("time"));
            changes.add(o -> o.withTime(tw));
        }
        if (b.has("actors")) {
            List<Actor> actors = actors(b.get("actors"));
            changes.add(o -> o.withActors(actors));
        }
        if (changes.isEmpty()) throw ApiException.badRequest(null, "nothing to change; send location, type, subType, time or actors");
        String note = Bodies.text(b, "note", false, MAX_NOTE);
        Event after = edit(ctx, ctx.pathParam("id"), "event.edit", o -> {
            for (UnaryOperator<EventOverride> c : changes) o = c.apply(o);
            return o;
        }, false, note);
        ctx.contentType("application/geo+json").json(GeoJson.feature(after));
    }

    private static EventLocation location(JsonNode n) {
        if (n == null || !n.isObject()) throw ApiException.badRequest("location", "location must be an object {lat, lon, name?, precision?}");
        JsonNode lat = n.get("lat"), lon = n.get("lon");
        if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) throw ApiException.badRequest("location", "location needs numeric lat and lon");
        GeoPoint point;
        try {
            point = new GeoPoint(lat.asDouble(), lon.asDouble());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("location", e.getMessage());
        }
        LocationPrecision precision = LocationPrecision.EXACT;
        if (n.hasNonNull("precision")) {
            try {
                precision = LocationPrecision.valueOf(n.get("precision").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("location", "precision must be exact, district, province or country");
            }
        }
        String name = n.hasNonNull("name") ? n.get("name").asText() : null;
        if (name != null && name.length() > 200) throw ApiException.badRequest("location", "name is longer than 200 characters");
        return new EventLocation(point, precision, name, null, null, "placed by an analyst");
    }

    private static TimeWindow time(JsonNode n) {
        if (n == null || n.isNull()) throw ApiException.badRequest("time", "time must be an ISO 8601 time or {start, end?, precision?}");
        if (n.isTextual()) return TimeWindow.at(instant(n.asText()), TimePrecision.EXACT);
        if (!n.isObject() || !n.hasNonNull("start")) throw ApiException.badRequest("time", "time needs a start");
        Instant start = instant(n.get("start").asText());
        Instant end = n.hasNonNull("end") ? instant(n.get("end").asText()) : start;
        if (end.isBefore(start)) throw ApiException.badRequest("time", "time ends before it starts");
        TimePrecision p = TimePrecision.EXACT;
        if (n.hasNonNull("precision")) {
            try {
                p = TimePrecision.valueOf(n.get("precision").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("time", "precision must be exact, day, week, month or unknown");
            }
        }
        return new TimeWindow(start, end, p);
    }

    private static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("time", "'" + s + "' is not an ISO 8601 time such as 2026-11-20T08:00:00Z");
        }
    }

    private static List<Actor> actors(JsonNode n) {
        if (n == null || !n.isArray()) throw ApiException.badRequest("actors", "actors must be an array of {name, kind?, side?, role?}");
        if (n.size() > 50) throw ApiException.badRequest("actors", "at most 50 actors");
        List<Actor> out = new ArrayList<>();
        for (JsonNode a : n) {
            if (!a.isObject() || !a.hasNonNull("name") || a.get("name").asText().isBlank()) throw ApiException.badRequest("actors", "each actor needs a name");
            String name = a.get("name").asText().strip();
            if (name.length() > 200) throw ApiException.badRequest("actors", "actor names are at most 200 characters");
            out.add(new Actor(name, a.path("kind").asText("other"), a.path("side").asText("unknown"), a.path("role").asText("actor1")));
        }
        return out;
    }

    private static Set<String> ids(JsonNode b, String field, int max) {
        JsonNode arr = b.get(field);
        if (arr == null || !arr.isArray() || arr.isEmpty()) throw ApiException.badRequest(field, field + " must be a non-empty array of ids");
        if (arr.size() > max) throw ApiException.badRequest(field, "at most " + max + " ids in " + field);
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode v : arr) {
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 100) throw ApiException.badRequest(field, field + " must hold id strings");
            out.add(v.asText());
        }
        return out;
    }

    private void merge(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("otherIds", "note"));
        Set<String> others = ids(b, "otherIds", MAX_MERGE);
        String note = Bodies.text(b, "note", false, MAX_NOTE);
        String id = ctx.pathParam("id");
        if (others.contains(id)) throw ApiException.badRequest("otherIds", "an event cannot be merged into itself");
        Principal p = Security.principal(ctx);
        Event merged = ingestor.exclusively(() -> store.inTransaction(() -> {
            Event target = existing(id);
            Instant now = clock.instant();
            List<EventMember> all = new ArrayList<>(store.members(id));
            List<EventMember> moved = new ArrayList<>();
            List<Object> absorbed = new ArrayList<>();
            for (String o : others) {
                Event other = store.event(o).orElseThrow(() -> ApiException.badRequest("otherIds", "no event with id " + o));
                List<EventMember> ms = store.members(o);
                moved.addAll(ms);
                absorbed.add(GeoJson.feature(other));
            }
            all.addAll(moved);
            Event next = ingestor.reassemble(id, target, all);
            store.commitEvent(next, moved);
            for (String o : others) {
                store.deleteEvent(o);
                moderation.redirect(o, id, now);
                security.audit(ctx, "event.merged_into", "event:" + o, null, Map.of("into", id));
            }
            moderation.pin(all.stream().map(m -> m.report().report().id()).toList(), id, p.actor(), now);
            if (note != null) moderation.addNote(id, p.actor(), note, now);
            Map<String, Object> before = new LinkedHashMap<>(GeoJson.feature(target));
            before.put("absorbed", absorbed);
            security.audit(ctx, "event.merge", "event:" + id, before, GeoJson.feature(next));
            return next;
        }));
        changed.run();
        ctx.contentType("application/geo+json").json(GeoJson.feature(merged));
    }

    private void split(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("reportIds", "note"));
        Set<String> chosenIds = ids(b, "reportIds", 1000);
        String note = Bodies.text(b, "note", false, MAX_NOTE);
        String id = ctx.pathParam("id");
        Principal p = Security.principal(ctx);
        Event[] result = ingestor.exclusively(() -> store.inTransaction(() -> {
            Event source = existing(id);
            Instant now = clock.instant();
            List<EventMember> members = store.members(id);
            List<EventMember> chosen = new ArrayList<>(), remaining = new ArrayList<>();
            Set<String> present = new LinkedHashSet<>();
            for (EventMember m : members) {
                String rid = m.report().report().id();
                present.add(rid);
                (chosenIds.contains(rid) ? chosen : remaining).add(m);
            }
            for (String r : chosenIds) if (!present.contains(r)) throw ApiException.badRequest("reportIds", "report " + r + " is not in event " + id);
            if (remaining.isEmpty()) throw ApiException.badRequest("reportIds", "a split must leave at least one report in the event");
            String newId = Ids.newEventId(now);
            Event created = ingestor.reassemble(newId, null, chosen);
            store.commitEvent(created, chosen);
            Event updated = ingestor.reassemble(id, source, remaining);
            store.commitEvent(updated, List.of());
            moderation.pin(chosenIds, newId, p.actor(), now);
            // Pins keep them in the new event; the separation also keeps them out of this one should they
            // ever be clustered again without the pin (the new event merged away, a re-clustering pass).
            moderation.separate(chosenIds, id, p.actor(), now);
            moderation.pin(remaining.stream().map(m -> m.report().report().id()).toList(), id, p.actor(), now);
            if (note != null) moderation.addNote(id, p.actor(), note, now);
            security.audit(ctx, "event.split", "event:" + id, GeoJson.feature(source), GeoJson.feature(updated));
            security.audit(ctx, "event.split_from", "event:" + newId, null, Map.of("from", id, "event", GeoJson.feature(created)));
            return new Event[] {updated, created};
        }));
        changed.run();
        ctx.status(201).json(Map.of("event", GeoJson.feature(result[0]), "newEvent", GeoJson.feature(result[1])));
    }

    private void addNote(Context ctx) {
        new Params(ctx, Set.of());
        JsonNode b = Bodies.object(ctx, Set.of("text"));
        String text = Bodies.text(b, "text", true, MAX_NOTE);
        String id = ctx.pathParam("id");
        Principal p = Security.principal(ctx);
        ModerationStore.Note n = store.inTransaction(() -> {
            existing(id);
            ModerationStore.Note note = moderation.addNote(id, p.actor(), text, clock.instant());
            security.audit(ctx, "event.note", "event:" + id, null, note);
            return note;
        });
        ctx.status(201).json(n);
    }

    private List<ModerationStore.Note> notes(Context ctx, String eventId) {
        List<ModerationStore.Note> notes = moderation.notes(eventId);
        if (!Security.principal(ctx).anonymous()) return notes;
        return notes.stream().map(n -> new ModerationStore.Note(n.seq(), n.eventId(), n.at(), "staff", n.text())).toList();
    }

    private void history(Context ctx) {
        Params params = new Params(ctx, Set.of("limit"));
        String id = ctx.pathParam("id");
        if (store.event(id).isEmpty() && moderation.mergedInto(id).isEmpty() && security.auditLog().entries("event:" + id, 0, 1).isEmpty()) {
            throw ApiException.notFound("no event with id " + id);
        }
        // Who did what is for the team; the public sees that an analyst did it, not which one.
        boolean staff = !Security.principal(ctx).anonymous();
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditLog.Entry e : security.auditLog().entries("event:" + id, 0, params.limit(200))) {
            Map<String, Object> m = new LinkedHashMap<>();
            // The client address stays in the admin audit view; history is readable by everyone who can read the event.
            m.put("seq", e.seq());
            m.put("at", e.at());
            m.put("actor", staff ? e.actor() : "staff");
            m.put("action", e.action());
            m.put("before", e.before());
            m.put("after", e.after());
            out.add(m);
        }
        ctx.json(Map.of("eventId", id, "history", out, "notes", notes(ctx, id)));
    }
}
