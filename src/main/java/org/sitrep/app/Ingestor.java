package org.sitrep.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.cluster.EventSplitter;
import org.sitrep.cluster.FragmentMerger;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.cluster.WaveDetector;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.moderation.AnalystDecisions;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.model.Wave;
import org.sitrep.pipeline.AnalystConstraints;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.Ids;
import org.sitrep.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes reports in: stores each once, runs the per-report pipeline, clusters it into an event and
 * commits the event with the report's analysis in one transaction. Thread-safe: analysis runs
 * concurrently; the cluster-and-commit step is serialised through {@link Store#exclusive} (across
 * nodes on a shared PostgreSQL database) so two reports of one incident arriving at once cannot both
 * start a new event.
 */
public final class Ingestor {
    private static final Logger log = LoggerFactory.getLogger(Ingestor.class);

    private final Store store;
    private final Pipeline pipeline;
    private final Clusterer clusterer;
    private final EventAssembler assembler;
    private final Clock clock;
    private final AnalystDecisions decisions;
    /** The {@link Store#exclusive} key of the cluster-and-commit step. */
    static final String CLUSTER_LOCK = "sitrep.cluster";
    private final WaveDetector waves = new WaveDetector();
    /** Re-checks grown events for two stories (null for a clusterer that cannot score one report against another). */
    private final EventSplitter splitter;
    /** Gathers small events into a grown event of their story (null as for the splitter). */
    private final FragmentMerger merger;

    public Ingestor(Store store, Pipeline pipeline, Clusterer clusterer, EventAssembler assembler, Clock clock) {
        this(store, pipeline, clusterer, assembler, clock, AnalystDecisions.NONE);
    }

    /** With {@code decisions}: analyst overrides are re-applied after every re-assembly, and reports clustered to a merged-away event go to its survivor. */
    public Ingestor(Store store, Pipeline pipeline, Clusterer clusterer, EventAssembler assembler, Clock clock, AnalystDecisions decisions) {
        this.store = store;
        this.pipeline = pipeline;
        this.clusterer = clusterer;
        this.assembler = assembler;
        this.clock = clock;
        this.decisions = decisions;
        this.splitter = clusterer instanceof OnlineClusterer online ? new EventSplitter(online, this::alone) : null;
        this.merger = clusterer instanceof OnlineClusterer online ? new FragmentMerger(online, this::alone) : null;
    }

    /**
     * What became of one submitted report. {@code eventId} is null for a duplicate, and for a report
     * another node attached first (possible only while nodes resume at the same time).
     */
    public record Outcome(Report report, boolean created, String duplicateReason, String eventId) {}

    public Outcome submit(Report report) {
        Store.AddResult added = store.addReport(report);
        if (!added.created()) {
            return new Outcome(added.report(), false, added.duplicateReason(), null);
        }
        String eventId = process(added.report());
        return new Outcome(added.report(), true, null, eventId);
    }

    /**
     * Analyses, clusters and attaches a report that is already stored (feed polling stores a poll's
     * reports together with its cursor, then attaches them). Returns the event id.
     */
    public String attach(Report stored) {
        return process(stored);
    }

    /**
     * Submits a batch: stores each report once (one transaction), analyses the new ones in parallel (the
     * per-report stages are pure), then clusters and commits them in order (one transaction). A crash
     * between the two transactions leaves the reports stored but unattached, and {@link #resume} picks
     * them up, so nothing is lost or stored twice. Outcomes are in input order.
     */
    public List<Outcome> submitAll(List<Report> reports) {
        List<Store.AddResult> added = store.inTransaction(() -> reports.stream().map(store::addReport).toList());
        List<Report> fresh = added.stream().filter(Store.AddResult::created).map(Store.AddResult::report).toList();
        Map<String, String> eventIds = attach(fresh);
        List<Outcome> out = new ArrayList<>(added.size());
        for (Store.AddResult a : added) {
            out.add(a.created() ? new Outcome(a.report(), true, null, eventIds.get(a.report().id()))
                    : new Outcome(a.report(), false, a.duplicateReason(), null));
        }
        return out;
    }

    /** Attaches reports that were stored but never clustered (the process died in between, or an import queued them). */
    public int resume() {
        int n = analysePending(500, (done, failed) -> { });
        if (n > 0) log.info("resumed {} reports that were stored but not yet clustered", n);
        return n;
    }

    /** Told after each batch of {@link #analysePending}: reports attached so far, and reports that failed. */
    @FunctionalInterface
    public interface PendingProgress {
        void update(long attached, long failed);
    }

    /**
     * Analyses and attaches every stored report not yet in an event, {@code batch} at a time (oldest
     * first), until none is left; returns how many were attached. A report whose analysis or clustering
     * fails is logged with its reason and left unattached (the next start tries it again) while the rest
     * go on: without that, one bad report would stop the whole backlog. Safe to run while reports are
     * being submitted: a report attached by another thread meanwhile is not attached twice. Stops
     * between batches when the thread is interrupted.
     */
    public int analysePending(int batch, PendingProgress progress) {
        int attached = 0;
        Set<String> failed = new java.util.HashSet<>();
        while (!Thread.currentThread().isInterrupted()) {
            // Ask for enough to see past the failed ones, which stay unattached at the head of the list.
            List<Report> page = store.unattachedReports(batch + failed.size()).stream()
                    .filter(r -> !failed.contains(r.id())).limit(batch).toList();
            if (page.isEmpty()) return attached;
            try {
                attach(page);
                attached += page.size();
            } catch (RuntimeException batchFailure) {
                for (Report r : page) {
                    try {
                        attach(List.of(r));
                        attached++;
                    } catch (RuntimeException e) {
                        failed.add(r.id());
                        log.warn("report {} could not be analysed, left for the next start: {}", r.id(), e.toString());
                    }
                }
            }
            progress.update(attached, failed.size());
        }
        return attached;
    }

    /** Analyses stored reports in parallel, then clusters and commits them in order; returns report id -> event id. */
    private Map<String, String> attach(List<Report> stored) {
        Map<String, String> eventIds = new HashMap<>();
        if (stored.isEmpty()) return eventIds;
        Map<String, Source> sources = new HashMap<>();
        for (Report r : stored) sources.computeIfAbsent(r.sourceId(), this::sourceOf);
        List<AnalyzedReport> analyzed = stored.size() == 1
                ? List.of(pipeline.analyze(stored.get(0), sources.get(stored.get(0).sourceId())))
                : stored.parallelStream().map(r -> pipeline.analyze(r, sources.get(r.sourceId()))).toList();
        store.inTransaction(() -> {
            for (AnalyzedReport a : analyzed) eventIds.put(a.report().id(), cluster(a));
            return null;
        });
        return eventIds;
    }

    private String process(Report report) {
        return attach(List.of(report)).get(report.id());
    }

    private String cluster(AnalyzedReport analyzed) {
        // Serialised per store, not per process: on PostgreSQL every node ingesting into the same
        // database waits here, so two reports of one incident cannot both start a new event.
        return store.exclusive(CLUSTER_LOCK, () -> {
            // Another node (its resume(), or a submit racing this node's resume()) may have attached
            // the report while we analysed it; attaching it twice would put it in two events.
            if (store.member(analyzed.report().id()).isPresent()) return null;
            List<EventCandidate> candidates = store.candidates(clusterer.candidateQuery(analyzed));
            // An analyst's move or merge pins the report, a split keeps it out of the event it was
            // taken from: re-clustering (resume, re-analysis) must obey both.
            AnalystConstraints constraints = decisions.constraints(analyzed.report().id());
            ClusterDecision decision = clusterer.assign(analyzed, candidates, constraints);
            if (decision.joinsExisting()) {
                String survivor = decisions.mergedInto(decision.eventId()).orElse(null);
                if (survivor != null && constraints.mustNotJoin().contains(survivor)) {
                    List<String> reasons = new ArrayList<>(decision.reasons());
                    reasons.add("event " + decision.eventId() + " was merged into " + survivor
                            + ", which analysts took this report out of: new event");
                    decision = new ClusterDecision(null, decision.score(), reasons, null);
                } else if (survivor != null) {
                    decision = new ClusterDecision(survivor, decision.score(), decision.reasons(), decision.copyOfReportId());
                }
            }
            EventMember member = new EventMember(analyzed, decision);
            Instant now = clock.instant();
            Event previous = decision.joinsExisting() ? store.event(decision.eventId()).orElse(null) : null;
            String id = previous != null ? previous.id() : Ids.newEventId(now);
            List<EventMember> members = new ArrayList<>(previous != null ? store.members(id) : List.of());
            members.add(member);
            Event event = reassemble(id, previous, members);
            store.inTransaction(() -> {
                store.commitEvent(event, List.of(member));
                for (Wave w : waves.observe(analyzed, event)) store.saveWave(w);
                return null;
            });
            // The report joined an event: it may now be due a check, and may be moved by it.
            if (previous == null) return id;
            String where = splitIfTwoStories(event, members, now);
            gatherStrays(id, candidates, now);
            return where;
        });
    }

    /**
     * Once an event reaches 5, 10, 15 ... reports (after any split), merges into it the small events among the
     * report's candidates whose reports match its reports one by one (see {@link FragmentMerger}): their members
     * move to the event with the reason on each decision, and the small event is deleted and redirected to the
     * event (when the decisions are a {@link ModerationStore}), in one transaction.
     * Never with an event an analyst has touched (a pinned or separated report on either side). Runs under the
     * cluster lock.
     */
    private void gatherStrays(String id, List<EventCandidate> candidates, Instant now) {
        if (merger == null) return;
        List<EventMember> members = store.members(id);
        if (!FragmentMerger.due(members.size())) return;
        if (touched(members)) return;
        Event grown = store.event(id).orElse(null);
        if (grown == null) return;
        List<EventCandidate> small = new ArrayList<>();
        Map<String, List<EventMember>> smallMembers = new HashMap<>();
        for (EventCandidate c : candidates) {
            String o = c.event().id();
            if (o.equals(id) || smallMembers.containsKey(o) || c.event().reportIds().size() > FragmentMerger.MAX_SMALL) continue;
            List<EventMember> ms = store.members(o);
            if (ms.isEmpty() || ms.size() > FragmentMerger.MAX_SMALL || touched(ms)) continue;
            smallMembers.put(o, ms);
            small.add(new EventCandidate(store.event(o).orElse(c.event()), ms.stream().map(EventMember::report).toList()));
        }
        if (small.isEmpty()) return;
        List<FragmentMerger.Merge> merges = merger.check(new EventCandidate(grown, members.stream().map(EventMember::report).toList()), small, now);
        if (merges.isEmpty()) return;
        List<EventMember> all = new ArrayList<>(members), moved = new ArrayList<>();
        for (FragmentMerger.Merge m : merges) moved.addAll(m.moves(smallMembers.get(m.eventId()), id));
        all.addAll(moved);
        Event next = reassemble(id, grown, all);
        store.inTransaction(() -> {
            store.commitEvent(next, moved);
            for (FragmentMerger.Merge m : merges) {
                store.deleteEvent(m.eventId());
                // As for an analyst's merge: a link to the deleted event leads to the one that absorbed it.
                if (decisions instanceof ModerationStore moderation) moderation.redirect(m.eventId(), id, now);
            }
            return null;
        });
        for (FragmentMerger.Merge m : merges) log.info("event {}: event {} merged into it: {}", id, m.eventId(), m.reason());
    }

    /** Whether an analyst pinned or separated any of these reports. */
    private boolean touched(List<EventMember> members) {
        for (EventMember m : members) if (!decisions.constraints(m.report().report().id()).isEmpty()) return true;
        return false;
    }

    /**
     * Once an event reaches 10, 15, 20 ... reports, checks whether they form two stories (an online
     * clusterer decides on one report's evidence; later reports can show that the first report of a
     * second incident joined the first) and moves the second story to a new event, with the reason on
     * each report's decision. Never for an event an analyst has touched (a pinned or separated report)
     * and only once per event. Returns the event the newest member is in afterwards. Runs under the
     * cluster lock.
     */
    private String splitIfTwoStories(Event event, List<EventMember> members, Instant now) {
        if (splitter == null || !EventSplitter.due(members.size()) || EventSplitter.splitBefore(members)) return event.id();
        for (EventMember m : members) if (!decisions.constraints(m.report().report().id()).isEmpty()) return event.id();
        EventSplitter.Split split = splitter.check(members.stream().map(EventMember::report).toList(), now);
        if (split == null) return event.id();
        String newId = Ids.newEventId(now);
        EventSplitter.Moves moves = split.moves(members, event.id(), newId);
        Event created = reassemble(newId, null, moves.leave());
        Event kept = reassemble(event.id(), event, moves.stay());
        store.inTransaction(() -> {
            store.commitEvent(created, moves.leave());
            store.commitEvent(kept, moves.stay());
            return null;
        });
        log.info("event {}: {}; {} reports moved to event {}", event.id(), split.reason(), moves.leave().size(), newId);
        String newest = members.get(members.size() - 1).report().report().id();
        return split.leave().stream().anyMatch(r -> r.report().id().equals(newest)) ? newId : event.id();
    }

    /** An event of these reports alone, with their sources: to compare reports one by one. */
    private EventCandidate alone(List<AnalyzedReport> reports, Instant now) {
        Map<String, Source> sources = new HashMap<>();
        for (AnalyzedReport r : reports) sources.computeIfAbsent(r.report().sourceId(), this::sourceOf);
        return EventSplitter.alone(assembler, reports, sources, now);
    }

    /**
     * Builds the next version of an event from its members, with analyst decisions applied (used by
     * ingestion and by moderation's merge and split). Pure apart from looking up sources.
     */
    public Event reassemble(String id, Event previous, List<EventMember> members) {
        return reassemble(id, previous, members, decisions::apply);
    }

    /** As {@link #reassemble(String, Event, List)} with the given decisions in place of the stored ones (a decision being changed). */
    public Event reassemble(String id, Event previous, List<EventMember> members, java.util.function.UnaryOperator<Event> decided) {
        Map<String, Source> sources = new HashMap<>();
        for (EventMember m : members) sources.computeIfAbsent(m.report().report().sourceId(), this::sourceOf);
        return decided.apply(assembler.assemble(id, previous, members, sources, clock.instant()));
    }

    /** Serialises moderation writes with clustering (on every node of the store), so an analyst's edit and an arriving report never race on one event. */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        return store.exclusive(CLUSTER_LOCK, work);
    }

    private Source sourceOf(String id) {
        return store.source(id).orElseGet(() -> {
            Source s = Source.named(id);
            store.saveSource(s);
            return s;
        });
    }
}
