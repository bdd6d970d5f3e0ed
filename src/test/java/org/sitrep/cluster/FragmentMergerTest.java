package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.cluster.Reports.DAY;
import static org.sitrep.cluster.Reports.KHARKIV;
import static org.sitrep.cluster.Reports.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.Event;
import org.sitrep.model.LocationPrecision;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;

class FragmentMergerTest {
    static final Instant NOW = DAY.plusSeconds(80_000);

    private final OnlineClusterer clusterer = new OnlineClusterer();
    private final EventAssembler assembler = new EventAssembler(new AdmiraltyGrader());
    private final EventStream stream = new EventStream(clusterer, assembler, new InMemoryEventIndex(), Map.of());
    private final FragmentMerger merger = new FragmentMerger(clusterer, stream::alone);

    static AnalyzedReport stray(String id, String[] titleAndText, int hour) {
        return report(id).source("src:" + id).type(EventSplitterTest.PROTEST).onDay(DAY).published(DAY.plusSeconds(3600L * hour))
                .title(titleAndText[0]).text(titleAndText[1]).at(KHARKIV, LocationPrecision.DISTRICT).build();
    }

    private EventCandidate event(String id, List<AnalyzedReport> rs) {
        List<EventMember> ms = new ArrayList<>();
        for (AnalyzedReport r : rs) ms.add(new EventMember(r, ClusterDecision.newEvent("preloaded")));
        return new EventCandidate(assembler.assemble(id, null, ms, Map.of(), NOW), rs);
    }

    /**
     * The students' report matches most farmers' reports one by one (same city, day and type: 0.46-0.63 in
     * four of five pairs) but not the farmers' event as a whole (0.03): the whole-event test keeps it out.
     */
    @Test
    void aStrayOfTheStoryIsGatheredAndAReportOfAnotherStoryInTheSameCityIsNot() {
        EventCandidate farmers = event("farmers", EventSplitterTest.farmers("f", 1));
        EventCandidate stray = event("stray", List.of(stray("g1", TwoStories.FARMERS_STRAY, 14)));
        EventCandidate students = event("students", List.of(stray("s1", TwoStories.STUDENTS_STRAY, 15)));
        List<FragmentMerger.Merge> merges = merger.check(farmers, List.of(students, stray), NOW);
        assertEquals(List.of("stray"), merges.stream().map(FragmentMerger.Merge::eventId).toList(), merges.toString());
        FragmentMerger.Merge m = merges.get(0);
        assertTrue(m.mean() >= FragmentMerger.MIN_MEAN && m.eventFit() >= FragmentMerger.MIN_EVENT_FIT, m.toString());
        assertEquals(5, m.compared());
        assertTrue(m.reason().startsWith("merged by the clusterer: its 1 report(s) match the 5 reports compared of event farmers"), m.reason());
    }

    @Test
    void anEventOfMoreThanThreeReportsIsAStoryOfItsOwnAndIsNotGathered() {
        EventCandidate farmers = event("farmers", EventSplitterTest.farmers("f", 1));
        EventCandidate four = event("four", EventSplitterTest.farmers("g", 6).subList(0, 4));
        assertEquals(List.of(), merger.check(farmers, List.of(four), NOW));
    }

    @Test
    void theMovedMembersSayWhereTheyCameFromAndKeepTheirEarlierReasons() {
        AnalyzedReport g = stray("g1", TwoStories.FARMERS_STRAY, 14);
        EventMember before = new EventMember(g, ClusterDecision.newEvent("new event: best of 1 candidates was farmers with score 0.20 < 0.30"));
        FragmentMerger.Merge m = new FragmentMerger.Merge("stray", List.of(g), 0.2, 0.25, 5, "merged by the clusterer: test");
        List<EventMember> moved = m.moves(List.of(before), "farmers");
        assertEquals("farmers", moved.get(0).decision().eventId());
        assertEquals(List.of("merged by the clusterer: test: moved from event stray", "new event: best of 1 candidates was farmers with score 0.20 < 0.30"),
                moved.get(0).decision().reasons());
    }

    @Test
    void anEventIsCheckedAtFiveReportsAndEveryFiveAfter() {
        assertEquals(List.of(5, 10, 15, 20), java.util.stream.IntStream.rangeClosed(1, 23).filter(FragmentMerger::due).boxed().toList());
    }

    @Test
    void theStreamGathersTheStrayWhenTheEventReachesFiveReports() {
        stream.withSplits(clusterer).withMerges(clusterer);
        List<AnalyzedReport> a = EventSplitterTest.farmers("f", 1);
        List<EventMember> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) four.add(new EventMember(a.get(i), ClusterDecision.newEvent("preloaded")));
        stream.preload(assembler.assemble("farmers", null, four, Map.of(), NOW), four);
        AnalyzedReport g = stray("g1", TwoStories.FARMERS_STRAY, 14), s = stray("s1", TwoStories.STUDENTS_STRAY, 15);
        EventMember gm = new EventMember(g, ClusterDecision.newEvent("preloaded"));
        EventMember sm = new EventMember(s, ClusterDecision.newEvent("preloaded"));
        stream.preload(assembler.assemble("stray", null, List.of(gm), Map.of(), NOW), List.of(gm));
        stream.preload(assembler.assemble("students", null, List.of(sm), Map.of(), NOW), List.of(sm));

        EventStream.Step fifth = stream.accept(a.get(4), NOW);
        assertEquals("farmers", fifth.decision().eventId(), fifth.decision().reasons().toString());
        assertEquals("farmers", stream.eventOf("g1"), "the stray is gathered into the grown event");
        assertEquals("students", stream.eventOf("s1"), "the other story's report stays apart");
        assertEquals(6, stream.membersOf("farmers").size());
        assertEquals(List.of(), stream.membersOf("stray"), "the stray's event is gone");
        assertEquals(6, fifth.event().reportIds().size(), "the step shows the event with the gathered report");
        EventMember moved = stream.membersOf("farmers").get(5);
        assertTrue(moved.decision().reasons().get(0).startsWith("merged by the clusterer") && moved.decision().reasons().get(0).endsWith("moved from event stray"),
                moved.decision().reasons().toString());
    }
}
