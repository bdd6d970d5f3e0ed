package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sitrep.model.Event;
import org.sitrep.model.Source;
import org.sitrep.model.Wave;
import org.sitrep.pipeline.AnalystConstraints;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

/**
 * The clustering loop over an in-memory event index, exactly as the ingest service runs it over the
 * store: ask the clusterer which events to look at, fetch them, let it decide, (re)assemble the
 * event, put it back in the index. Used by {@code sitrep eval cluster} and the benchmark.
 * Not thread-safe: one stream per thread (the clusterer and index inside are shareable).
 */
public final class EventStream {
    /** What one report did: the decision, the event as it now stands, and the candidates seen. */
    public record Step(ClusterDecision decision, Event event, int candidates, List<Wave> waves) {}

    private final Clusterer clusterer;
    private final EventAssembler assembler;
    private final InMemoryEventIndex index;
    private final Map<String, Source> sources;
    private final WaveDetector waves;
    private final Map<String, List<EventMember>> members = new HashMap<>();
    private final Map<String, String> eventOfReport = new HashMap<>();
    private long nextId = 1;
    private EventSplitter splitter;
    private FragmentMerger merger;

    public EventStream(Clusterer clusterer, EventAssembler assembler, InMemoryEventIndex index, Map<String, Source> sources) {
        this(clusterer, assembler, index, sources, null);
    }

    /** With wave detection: each step also returns the waves the report created or grew. */
    public EventStream(Clusterer clusterer, EventAssembler assembler, InMemoryEventIndex index, Map<String, Source> sources,
                       WaveDetector waves) {
        this.waves = waves;
        this.clusterer = Objects.requireNonNull(clusterer);
        this.assembler = Objects.requireNonNull(assembler);
        this.index = Objects.requireNonNull(index);
        this.sources = Map.copyOf(sources);
    }

    public Step accept(AnalyzedReport report, Instant now) { return accept(report, AnalystConstraints.NONE, now); }

    /**
     * Re-checks each event as it grows (see {@link EventSplitter}) and splits it when its reports form two
     * stories; the reports that leave start a new event, with the reason in their decision.
     */
    public EventStream withSplits(OnlineClusterer online) {
        this.splitter = new EventSplitter(online, this::alone);
        return this;
    }

    /**
     * Gathers the strays of each event's story as it grows (see {@link FragmentMerger}): small events whose
     * reports match the grown event's reports one by one are merged into it, with the reason in their decisions.
     */
    public EventStream withMerges(OnlineClusterer online) {
        this.merger = new FragmentMerger(online, this::alone);
        return this;
    }

    public Step accept(AnalyzedReport report, AnalystConstraints constraints, Instant now) {
        CandidateQuery q = clusterer.candidateQuery(report);
        List<EventCandidate> candidates = index.find(q);
        ClusterDecision d = clusterer.assign(report, candidates, constraints);
        String id = d.joinsExisting() && members.containsKey(d.eventId()) ? d.eventId() : newId();
        List<EventMember> ms = members.computeIfAbsent(id, k -> new ArrayList<>());
        ms.add(new EventMember(report, d));
        eventOfReport.put(report.report().id(), id);
        EventCandidate previous = index.get(id);
        Event e = assembler.assemble(id, previous == null ? null : previous.event(), ms, sources, now);
        index.put(new EventCandidate(e, ms.stream().map(EventMember::report).toList()));
        List<Wave> ws = waves == null ? List.of() : waves.observe(report, e);
        if (splitter != null && constraints.isEmpty() && EventSplitter.due(ms.size()) && !EventSplitter.splitBefore(ms)) {
            EventSplitter.Split split = splitter.check(ms.stream().map(EventMember::report).toList(), now);
            if (split != null) e = split(id, e, split, now).getOrDefault(report.report().id(), e);
        }
        if (merger != null && constraints.isEmpty() && FragmentMerger.due(members.get(id).size())) {
            Event grown = gather(id, candidates, now);
            if (grown != null && id.equals(eventOfReport.get(report.report().id()))) e = grown;
        }
        return new Step(d, e, candidates.size(), ws);
    }

    /** Moves a split's leaving reports to a new event; returns the event each report is now in. */
    private Map<String, Event> split(String id, Event before, EventSplitter.Split split, Instant now) {
        String newId = newId();
        EventSplitter.Moves moves = split.moves(members.get(id), id, newId);
        members.put(id, new ArrayList<>(moves.stay()));
        members.put(newId, new ArrayList<>(moves.leave()));
        Event kept = assembler.assemble(id, before, moves.stay(), sources, now);
        Event created = assembler.assemble(newId, null, moves.leave(), sources, now);
        index.put(new EventCandidate(kept, split.stay()));
        index.put(new EventCandidate(created, split.leave()));
        Map<String, Event> after = new HashMap<>();
        for (AnalyzedReport r : split.stay()) after.put(r.report().id(), kept);
        for (AnalyzedReport r : split.leave()) {
            eventOfReport.put(r.report().id(), newId);
            after.put(r.report().id(), created);
        }
        return after;
    }

    /**
     * Merges into event {@code id} the small events among {@code candidates} (as they stand now) that the
     * merger finds are strays of its story; returns the event re-assembled, or null when nothing was merged.
     */
    private Event gather(String id, List<EventCandidate> candidates, Instant now) {
        List<EventCandidate> small = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EventCandidate c : candidates) {
            String o = c.event().id();
            if (o.equals(id) || !seen.add(o)) continue;
            List<EventMember> om = members.get(o);
            if (om == null || om.size() > FragmentMerger.MAX_SMALL) continue;
            EventCandidate sc = index.get(o);
            if (sc != null) small.add(sc);
        }
        if (small.isEmpty()) return null;
        EventCandidate grown = index.get(id);
        List<FragmentMerger.Merge> merges = merger.check(grown, small, now);
        if (merges.isEmpty()) return null;
        List<EventMember> ms = members.get(id);
        for (FragmentMerger.Merge m : merges) {
            List<EventMember> moved = m.moves(members.remove(m.eventId()), id);
            ms.addAll(moved);
            for (EventMember x : moved) eventOfReport.put(x.report().report().id(), id);
            index.remove(m.eventId());
        }
        Event e = assembler.assemble(id, grown.event(), ms, sources, now);
        index.put(new EventCandidate(e, ms.stream().map(EventMember::report).toList()));
        return e;
    }

    /** Puts an existing event (with its members) in the index, e.g. to preload a benchmark. */
    public void preload(Event event, List<EventMember> eventMembers) {
        members.put(event.id(), new ArrayList<>(eventMembers));
        for (EventMember m : eventMembers) eventOfReport.put(m.report().report().id(), event.id());
        index.put(new EventCandidate(event, eventMembers.stream().map(EventMember::report).toList()));
    }

    /** Members of an event as it stands (empty if unknown). */
    public List<EventMember> membersOf(String eventId) { return List.copyOf(members.getOrDefault(eventId, List.of())); }

    /** An event made of these reports alone, as the clusterer would see it had they arrived first. */
    public EventCandidate alone(List<AnalyzedReport> rs, Instant now) { return EventSplitter.alone(assembler, rs, sources, now); }

    public int events() { return members.size(); }

    /**
     * The event a report belongs to now (null if the stream never saw it). This is what an analyst sees
     * after the stream; it is kept apart from {@link Step#event()} (the event at the moment of arrival)
     * so scoring stays right once reports can be moved between events after they arrived.
     */
    public String eventOf(String reportId) { return eventOfReport.get(reportId); }

    private String newId() {
        String id;
        do {
            id = "e" + nextId++;
        } while (members.containsKey(id));
        return id;
    }
}
