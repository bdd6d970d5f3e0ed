package org.sitrep.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.internal.Json;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.store.EventQuery;
import org.sitrep.store.Store;

/**
 * Routes for the web page: its settings ({@code /api/config}) and a compact, columnar list of events
 * ({@code /api/map/events}) so the map can hold tens of thousands of events. The GeoJSON of
 * {@code /api/events} is about 1.3 kB per event; a compact row is about 150 bytes, and the page asks for
 * pages of up to {@value #MAX_PAGE} instead of 1000. Rows are written as they are read, so a page costs
 * constant memory on the server beyond one store page.
 */
final class MapRoutes {
    static final int MAX_PAGE = 10_000;
    private static final int STORE_PAGE = 1000;
    private static final Set<String> PARAMS = Set.of("bbox", "from", "to", "type", "q", "state", "located", "cursor", "pageSize");

    private final Store store;
    private final WebSettings web;

    MapRoutes(Store store, WebSettings web) {
        this.store = store;
        this.web = web;
    }

    void register(RoutesConfig r) {
        r.get("/api/config", this::config, Access.PUBLIC); // the page needs its settings before anyone logs in
        r.get("/api/map/events", this::events, Access.READ);
    }

    private void config(Context ctx) {
        new Params(ctx, Set.of());
        Map<String, Object> out = new LinkedHashMap<>();
        if (web.tilesUrl() == null) {
            out.put("tiles", null);
        } else {
            out.put("tiles", Map.of("url", web.tilesUrl(), "attribution", web.tilesAttribution()));
        }
        out.put("borders", "/data/countries-50m.topo.json");
        out.put("bordersAttribution", "Borders: Natural Earth (public domain)");
        out.put("mapPageSize", MAX_PAGE);
        ctx.json(out);
    }

    /**
     * Columns: id, lat, lon (null when unlocated), type, subType, state, side (of the first actor1, or
     * "unknown"), start, end, firstSeen (epoch ms), sourceCount, title, place, reportIds. Newest first,
     * same filters as /api/events; {@code nextCursor} continues.
     */
    private void events(Context ctx) throws IOException {
        Params p = new Params(ctx, PARAMS);
        int pageSize = pageSize(p.string("pageSize", 10));
        EventQuery base = p.eventQuery(STORE_PAGE);
        ctx.contentType("application/json");
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(ctx.outputStream())) {
            g.writeStartObject();
            g.writeArrayFieldStart("columns");
            for (String c : List.of("id", "lat", "lon", "type", "subType", "state", "side", "start", "end", "firstSeen",
                    "sourceCount", "title", "place", "reportIds")) g.writeString(c);
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            String cursor = base.cursor();
            int written = 0;
            while (written < pageSize) {
                int want = Math.min(STORE_PAGE, pageSize - written);
                EventQuery q = new EventQuery(base.bbox(), base.from(), base.to(), base.types(), base.text(), base.states(),
                        base.located(), want, cursor);
                Store.Page<Event> page = store.searchEvents(q);
                for (Event e : page.items()) row(g, e);
                written += page.items().size();
                cursor = page.nextCursor();
                if (cursor == null) break;
            }
            g.writeEndArray();
            g.writeStringField("nextCursor", cursor);
            g.writeEndObject();
        }
    }

    private static int pageSize(String v) {
        if (v == null) return MAX_PAGE;
        try {
            int n = Integer.parseInt(v);
            if (n < 1 || n > MAX_PAGE) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("pageSize", "pageSize must be a whole number from 1 to " + MAX_PAGE + " (got '" + v + "')");
        }
    }

    private static void row(JsonGenerator g, Event e) throws IOException {
        g.writeStartArray();
        g.writeString(e.id());
        if (e.located()) {
            g.writeNumber(e.location().point().lat());
            g.writeNumber(e.location().point().lon());
        } else {
            g.writeNull();
            g.writeNull();
        }
        g.writeString(e.type());
        g.writeString(e.subType());
        g.writeString(e.state().wire());
        g.writeString(side(e.actors()));
        g.writeNumber(e.time().start().toEpochMilli());
        g.writeNumber(e.time().end().toEpochMilli());
        g.writeNumber(e.firstSeen() == null ? e.time().start().toEpochMilli() : e.firstSeen().toEpochMilli());
        g.writeNumber(e.sourceCount());
        g.writeString(e.title());
        g.writeString(e.located() ? e.location().name() : null);
        g.writeStartArray();
        for (String id : e.reportIds()) g.writeString(id);
        g.writeEndArray();
        g.writeEndArray();
    }

    /** The side that colours the marker: the perpetrator's (actor1) when known, else any actor's, else "unknown". */
    static String side(List<Actor> actors) {
        String any = null;
        for (Actor a : actors) {
            if (a.side() == null || a.side().isBlank() || a.side().equals("unknown")) continue;
            if ("actor1".equals(a.role())) return a.side();
            if (any == null) any = a.side();
        }
        return any == null ? "unknown" : any;
    }
}
