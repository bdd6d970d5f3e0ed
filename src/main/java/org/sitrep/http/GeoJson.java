package org.sitrep.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.model.ClaimSides;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.model.Wave;
import org.sitrep.pipeline.EventMember;

/** Events as GeoJSON features (RFC 7946: [lon, lat]; unlocated events have a null geometry). */
final class GeoJson {
    private GeoJson() {}

    static Map<String, Object> feature(Event e) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", e.id());
        f.put("geometry", e.located()
                ? Map.of("type", "Point", "coordinates", List.of(e.location().point().lon(), e.location().point().lat()))
                : null);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", e.id());
        p.put("title", e.title());
        p.put("summary", e.summary());
        p.put("type", e.type());
        p.put("subType", e.subType());
        p.put("state", e.state().wire());
        p.put("credibility", e.credibility());
        p.put("gradeReason", e.gradeReason());
        p.put("sourceCount", e.sourceCount());
        p.put("reportCount", e.reportIds().size());
        p.put("time", e.time());
        p.put("location", e.location());
        p.put("actors", e.actors());
        p.put("fatalities", e.fatalities());
        p.put("claimCount", e.claims().size());
        p.put("firstSeen", e.firstSeen());
        p.put("updatedAt", e.updatedAt());
        p.put("version", e.version());
        f.put("properties", p);
        return f;
    }

    static Map<String, Object> collection(List<Event> events, String nextCursor) {
        List<Object> features = new ArrayList<>(events.size());
        for (Event e : events) features.add(feature(e));
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        fc.put("nextCursor", nextCursor);
        return fc;
    }

    /** The event with everything the detail view shows: its reports with sources and clustering reasons, and its claims. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> detail(Event e, List<EventMember> members, Map<String, Source> sources, List<Wave> waves) {
        Map<String, Object> f = feature(e);
        Map<String, Object> p = (Map<String, Object>) f.get("properties");
        List<Object> reports = new ArrayList<>();
        for (EventMember m : members) {
            Report r = m.report().report();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("report", r);
            Source s = sources.get(r.sourceId());
            item.put("source", s == null ? Map.of("id", r.sourceId()) : s);
            item.put("clustering", m.decision());
            item.put("copyOf", m.decision() == null ? null : m.decision().copyOfReportId());
            item.put("extraction", m.report().extraction());
            item.put("mentions", m.report().geoparse().mentions());
            item.put("claims", m.report().claims());
            reports.add(item);
        }
        p.put("reports", reports);
        p.put("claims", e.claims());
        Map<String, String> sourceOfReport = new LinkedHashMap<>();
        for (EventMember m : members) sourceOfReport.put(m.report().report().id(), m.report().report().sourceId());
        p.put("claimSides", ClaimSides.of(e.claims(), sourceOfReport));
        p.put("waves", waves);
        return f;
    }
}
