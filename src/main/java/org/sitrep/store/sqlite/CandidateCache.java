package org.sitrep.store.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.model.Event;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * Parsed events with their members, by event id, valid only at the version they were read or written
 * at, so a stale entry is never served (a reader compares the stored version first). Online clustering
 * reads the same recent events again and again; without this, parsing them dominated ingest and made
 * a large event cost O(members) JSON parsing per new report. Bounded, least recently used out.
 * Thread-safe.
 */
final class CandidateCache {
    record Cached(Event event, List<EventMember> members) {
        EventCandidate candidate() {
            return new EventCandidate(event, members.stream().map(EventMember::report).toList());
        }
    }

    private final Map<String, Cached> entries;

    CandidateCache(int capacity) {
        this.entries = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized Cached get(String eventId, long version) {
        Cached e = entries.get(eventId);
        return e != null && e.event().version() == version ? e : null;
    }

    synchronized void put(Event event, List<EventMember> members) { entries.put(event.id(), new Cached(event, List.copyOf(members))); }

    synchronized void invalidate(String eventId) { entries.remove(eventId); }

    /** After a commit: extend the cached entry when it held the previous version, else drop it. */
    synchronized void afterCommit(Event event, long previousVersion, List<EventMember> newMembers) {
        Cached old = entries.get(event.id());
        List<EventMember> members;
        if (previousVersion == 0) {
            members = new ArrayList<>();
        } else if (old != null && old.event().version() == previousVersion) {
            members = new ArrayList<>(old.members());
        } else {
            entries.remove(event.id());
            return;
        }
        for (EventMember m : newMembers) {
            String id = m.report().report().id();
            members.removeIf(x -> x.report().report().id().equals(id));
            members.add(m);
        }
        // The same order as the store's: oldest publication first (stable, so ties keep commit order).
        members.sort(java.util.Comparator.comparing(x -> x.report().report().publishedAt()));
        entries.put(event.id(), new Cached(event, members));
    }
}
