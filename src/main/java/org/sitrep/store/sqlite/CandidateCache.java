package org.sitrep.store.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.model.Event;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * Parsed clustering candidates by event id, valid only at the version they were read or written at, so
 * a stale entry is never served (a reader compares the stored version first). Bounded, least recently
 * used first out. Thread-safe.
 */
final class CandidateCache {
    private final Map<String, EventCandidate> entries;

    CandidateCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, EventCandidate> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized EventCandidate get(String eventId, long version) {
        EventCandidate c = entries.get(eventId);
        return c != null && c.event().version() == version ? c : null;
    }

    synchronized void put(EventCandidate c) { entries.put(c.event().id(), c); }

    synchronized void invalidate(String eventId) { entries.remove(eventId); }

    /** After a commit: extend the cached entry when it held the previous version, else drop it. */
    synchronized void afterCommit(Event event, long previousVersion, List<EventMember> newMembers) {
        EventCandidate old = entries.get(event.id());
        List<AnalyzedReport> reports;
        if (previousVersion == 0) {
            reports = new ArrayList<>();
        } else if (old != null && old.event().version() == previousVersion) {
            reports = new ArrayList<>(old.reports());
        } else {
            entries.remove(event.id());
            return;
        }
        for (EventMember m : newMembers) {
            reports.removeIf(r -> r.report().id().equals(m.report().report().id()));
            reports.add(m.report());
        }
        entries.put(event.id(), new EventCandidate(event, reports));
    }
}
