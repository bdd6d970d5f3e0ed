package org.sitrep.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.sitrep.export.CsvFormat;
import org.sitrep.export.EventFormat;
import org.sitrep.export.EventSources;
import org.sitrep.export.GeoJsonFormat;
import org.sitrep.export.KmlFormat;
import org.sitrep.model.Event;
import org.sitrep.model.Source;
import org.sitrep.store.EventQuery;
import org.sitrep.store.Store;

/**
 * Bulk reads: exports (GeoJSON, ACLED-style CSV, KML) streamed page by page from the store, the
 * change feed for mirrors, and an Atom feed of any filtered view.
 */
final class ExportRoutes {
    static final int PAGE = 1000;
    static final int MAX_CHANGES = 1000;

    private final Store store;
    private final EventSources eventSources;

    ExportRoutes(Store store, EventSources eventSources) {
        this.store = store;
        this.eventSources = eventSources;
    }

    void register(io.javalin.config.RoutesConfig r) {
        r.get("/api/export.csv", ctx -> export(ctx, CsvFormat::new), Access.READ);
        r.get("/api/export.geojson", ctx -> export(ctx, () -> new GeoJsonFormat(GeoJson::feature)), Access.READ);
        r.get("/api/export.kml", ctx -> export(ctx, KmlFormat::new), Access.READ);
        r.get("/api/changes", this::changes, Access.READ);
        r.get("/api/feed.atom", this::atom, Access.READ);
    }

    static final Set<String> EXPORT_PARAMS;
    static {
        Set<String> s = new HashSet<>(Params.EVENT_PARAMS);
        s.remove("cursor");
        s.remove("limit");
        s.add("max");
        EXPORT_PARAMS = Set.copyOf(s);
        Set<String> a = new HashSet<>(Params.EVENT_PARAMS);
        a.remove("cursor");
        ATOM_PARAMS = Set.copyOf(a);
    }
    static final Set<String> ATOM_PARAMS;

    /** Streams every matching event, newest first; memory holds one page at a time whatever the total. */
    private void export(Context ctx, Supplier<EventFormat> formats) throws IOException {
        Params p = new Params(ctx, EXPORT_PARAMS);
        EventQuery q = p.eventQuery(PAGE);
        long max = Long.MAX_VALUE;
        String m = p.string("max", 12);
        if (m != null) {
            try {
                max = Long.parseLong(m);
                if (max < 1) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("max", "max must be a positive whole number (got '" + m + "')");
            }
        }
        EventFormat f = formats.get();
        Map<String, String> sourceNames = new LinkedHashMap<>();
        for (Source s : store.sources()) sourceNames.put(s.id(), s.name());
        ctx.contentType(f.contentType());
        ctx.header("Content-Disposition", "attachment; filename=\"sitrep-events." + f.fileExtension() + "\"");
        OutputStream out = ctx.outputStream();
        f.begin(out);
        long written = 0;
        String cursor = null;
        do {
            Store.Page<Event> page = store.searchEvents(q.withCursor(cursor));
            Map<String, List<String>> sources = eventSources.sourceIds(page.items().stream().map(Event::id).toList());
            for (Event e : page.items()) {
                if (written >= max) break;
                List<String> names = new ArrayList<>();
                for (String sid : sources.getOrDefault(e.id(), List.of())) names.add(sourceNames.getOrDefault(sid, sid));
                f.write(e, new EventFormat.Context(names));
                written++;
            }
            cursor = page.nextCursor();
        } while (cursor != null && written < max);
        f.end();
        out.flush();
    }

    private void changes(Context ctx) {
        Params p = new Params(ctx, Set.of("since", "limit"));
        long since = 0;
        String s = p.string("since", 20);
        if (s != null) {
            try {
                since = Long.parseLong(s);
                if (since < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("since", "since must be a cursor from a previous response (a whole number >= 0)");
            }
        }
        int limit = p.limit(500);
        List<Store.Change> changes = store.changesSince(since, limit);
        List<Map<String, Object>> out = new ArrayList<>(changes.size());
        for (Store.Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", c.sequence());
            m.put("kind", c.kind());
            m.put("id", c.eventId());
            m.put("version", c.version());
            m.put("at", c.at());
            // The event as it is now (it may have moved on since this change); null once deleted.
            m.put("event", "deleted".equals(c.kind()) ? null : store.event(c.eventId()).map(GeoJson::feature).orElse(null));
            out.add(m);
        }
        long next = changes.isEmpty() ? since : changes.get(changes.size() - 1).sequence();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changes", out);
        body.put("next", Long.toString(next));
        body.put("hasMore", changes.size() == limit);
        ctx.json(body);
    }

    private void atom(Context ctx) throws IOException {
        Params p = new Params(ctx, ATOM_PARAMS);
        EventQuery q = p.eventQuery(50);
        if (q.limit() > 200) throw ApiException.badRequest("limit", "an Atom feed holds at most 200 entries");
        List<Event> events = store.searchEvents(q).items();
        String base = ctx.scheme() + "://" + ctx.host();
        String query = ctx.queryString() == null ? "" : ctx.queryString();
        ctx.contentType("application/atom+xml; charset=utf-8");
        OutputStream out = ctx.outputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            x.writeNamespace("georss", "http://www.georss.org/georss");
            text(x, "id", "urn:sitrep:feed:" + org.sitrep.auth.Secrets.sha256(query).substring(0, 16));
            text(x, "title", "Sitrep" + (query.isEmpty() ? "" : ": " + query));
            Instant updated = events.stream().map(e -> e.updatedAt() == null ? e.firstSeen() : e.updatedAt()).max(Instant::compareTo).orElse(Instant.EPOCH);
            text(x, "updated", updated.toString());
            x.writeEmptyElement("link");
            x.writeAttribute("rel", "self");
            x.writeAttribute("href", base + "/api/feed.atom" + (query.isEmpty() ? "" : "?" + query));
            for (Event e : events) {
                x.writeStartElement("entry");
                text(x, "id", "urn:sitrep:event:" + e.id());
                text(x, "title", e.title().isEmpty() ? e.type() : e.title());
                text(x, "updated", (e.updatedAt() == null ? e.firstSeen() : e.updatedAt()).toString());
                if (e.firstSeen() != null) text(x, "published", e.firstSeen().toString());
                x.writeEmptyElement("link");
                x.writeAttribute("rel", "alternate");
                x.writeAttribute("href", base + "/api/events/" + e.id());
                x.writeEmptyElement("category");
                x.writeAttribute("term", e.type());
                x.writeStartElement("summary");
                x.writeAttribute("type", "text");
                x.writeCharacters(KmlSafe.of(e.state().wire() + " \u00b7 " + e.summary()));
                x.writeEndElement();
                if (e.located()) {
                    text(x, "georss:point", String.format(java.util.Locale.ROOT, "%.6f %.6f", e.location().point().lat(), e.location().point().lon()));
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the Atom feed: " + e.getMessage(), e);
        }
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        if (name.startsWith("georss:")) x.writeStartElement("georss", name.substring(7), "http://www.georss.org/georss");
        else x.writeStartElement(name);
        x.writeCharacters(KmlSafe.of(value));
        x.writeEndElement();
    }

    /** XML 1.0-safe text (shared rule with the KML export). */
    static final class KmlSafe {
        private KmlSafe() {}

        static String of(String s) { return s == null ? "" : org.sitrep.export.KmlFormat.xmlSafe(s); }
    }
}
