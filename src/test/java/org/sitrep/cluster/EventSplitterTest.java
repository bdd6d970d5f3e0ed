package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.cluster.Reports.DAY;
import static org.sitrep.cluster.Reports.KHARKIV;
import static org.sitrep.cluster.Reports.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Event;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;

class EventSplitterTest {
    static final String PROTEST = "Protests";

    /** Five reports of farmers blocking a road with tractors over grain prices. */
    static List<AnalyzedReport> farmers(String prefix, int from) {
        String[][] t = TwoStories.FARMERS;
        return build(prefix, from, t);
    }

    /** Five reports of students marching against tuition fees at the university. */
    static List<AnalyzedReport> students(String prefix, int from) {
        String[][] t = TwoStories.STUDENTS;
        return build(prefix, from, t);
    }

    private static List<AnalyzedReport> build(String prefix, int from, String[][] t) {
        List<AnalyzedReport> out = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            out.add(report(prefix + (from + i)).source("src:" + prefix + i).type(PROTEST).onDay(DAY)
                    .published(DAY.plusSeconds(3600L * (8 + i)))
                    .title(t[i][0]).text(t[i][1]).at(KHARKIV, LocationPrecision.DISTRICT).build());
        }
        return out;
    }

    private final OnlineClusterer clusterer = new OnlineClusterer();
    private final EventStream stream = new EventStream(clusterer, new EventAssembler(new AdmiraltyGrader()),
            new InMemoryEventIndex(), Map.of());
    private final EventSplitter splitter = new EventSplitter(clusterer, stream::alone);

    @Test
    void jacobiFindsTheEigenvaluesAndVectorsOfASymmetricMatrix() {
        double[][] a = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
        double[][] v = new double[3][3];
        double[] values = EventSplitter.jacobi(a, v);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                double av = 0;
                for (int j = 0; j < 3; j++) av += a[i][j] * v[j][k];
                assertEquals(values[k] * v[i][k], av, 1e-9, "A v = lambda v for eigenpair " + k);
            }
        }
        assertEquals(12, values[0] + values[1] + values[2], 1e-9, "the trace is kept");
    }

    @Test
    void bisectCutsTwoBlocksThatBarelyTouch() {
        int n = 8;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                w[i][j] = (i < 4) == (j < 4) ? 0.8 : 0.05;
            }
        }
        boolean[] side = EventSplitter.bisect(w);
        boolean[] expected = side[0] ? new boolean[] {true, true, true, true, false, false, false, false}
                : new boolean[] {false, false, false, false, true, true, true, true};
        assertArrayEquals(expected, side);
        assertTrue(EventSplitter.ncut(w, side) < 0.2, "a cheap cut: " + EventSplitter.ncut(w, side));
    }

    @Test
    void twoStoriesOfOneKindInOneCityAreSplitAlongTheStories() {
        List<AnalyzedReport> a = farmers("f", 1), b = students("s", 1);
        List<AnalyzedReport> mixed = new ArrayList<>();
        for (int i = 0; i < 5; i++) { mixed.add(a.get(i)); mixed.add(b.get(i)); }
        EventSplitter.Split split = splitter.check(mixed, DAY.plusSeconds(86_000));
        assertNotNull(split, "two stories must be found");
        assertEquals(ids(a), ids(split.stay()), "the first report's story keeps the event");
        assertEquals(ids(b), ids(split.leave()));
        assertTrue(split.within() > split.across(), split.reason());
        assertTrue(split.reason().startsWith("split by the clusterer: its 10 reports form two stories (5 and 5 reports"), split.reason());
    }

    @Test
    void theStreamMovesTheSecondStoryToAnEventOfItsOwnWhenTheEventReachesTenReports() {
        stream.withSplits(clusterer);
        List<AnalyzedReport> a = farmers("f", 1), b = students("s", 1);
        // Nine reports already in one event (an older clusterer's mistake, say), the tenth arrives.
        List<EventMember> nine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i < 4) nine.add(new EventMember(a.get(i), ClusterDecision.newEvent("preloaded")));
            nine.add(new EventMember(b.get(i), ClusterDecision.newEvent("preloaded")));
        }
        Event mixed = new EventAssembler(new AdmiraltyGrader()).assemble("mixed", null, nine, Map.of(), DAY.plusSeconds(80_000));
        stream.preload(mixed, nine);

        EventStream.Step tenth = stream.accept(a.get(4), DAY.plusSeconds(80_000));
        assertEquals("mixed", tenth.decision().eventId(), "the tenth report joins: " + tenth.decision().reasons());
        Set<String> farmersEvents = a.stream().map(r -> stream.eventOf(r.report().id())).collect(Collectors.toSet());
        Set<String> studentsEvents = b.stream().map(r -> stream.eventOf(r.report().id())).collect(Collectors.toSet());
        assertEquals(Set.of("mixed"), farmersEvents, "the first report's story keeps the event");
        assertEquals(1, studentsEvents.size());
        String moved = studentsEvents.iterator().next();
        assertNotEquals("mixed", moved);
        assertEquals(5, stream.membersOf("mixed").size());
        List<EventMember> movedMembers = stream.membersOf(moved);
        assertEquals(5, movedMembers.size());
        assertTrue(movedMembers.get(0).decision().reasons().get(0).startsWith("split by the clusterer"), movedMembers.get(0).decision().reasons().toString());
        assertEquals("mixed", tenth.event().id(), "the step shows the event the report is in after the split");
        assertEquals(5, tenth.event().reportIds().size());
    }

    @Test
    void oneStoryIsNotSplit() {
        List<AnalyzedReport> one = new ArrayList<>(farmers("f", 1));
        one.addAll(farmers("g", 6));
        assertNull(splitter.check(one, DAY.plusSeconds(86_000)));
    }

    @Test
    void anEventIsCheckedAtTenReportsAndEveryFiveAfter() {
        assertEquals(List.of(10, 15, 20, 25), java.util.stream.IntStream.rangeClosed(1, 27).filter(EventSplitter::due).boxed().toList());
    }

    private static Set<String> ids(List<AnalyzedReport> rs) {
        return rs.stream().map(r -> r.report().id()).collect(Collectors.toSet());
    }
}
