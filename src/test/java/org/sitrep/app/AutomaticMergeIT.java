package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.cluster.TwoStories;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * The ingest service gathers a stray of a grown event's story, in the real SQLite store with the real
 * clusterer: four farmers' reports are one event, a fifth farmers' report told in other words sits in an
 * event of its own (as an earlier decision left it), a students' report of the same city and day in
 * another; the event's fifth report arrives, the stray's event is merged into it and deleted, the moved
 * report says why, and the students' report stays apart. An analyst's placement is never undone.
 */
class AutomaticMergeIT {
    static final Instant T = AutomaticSplitIT.T;

    @TempDir Path dir;
    SqliteStore store;
    ModerationStore moderation;
    Pipeline pipeline;
    Ingestor ingestor;

    @BeforeEach void open() {
        store = SqliteStore.open(dir.resolve("sitrep.db"));
        moderation = TeamStores.of(store).moderation();
        pipeline = new Pipeline(new Normalizer(), Geoparser.SOURCE_COORDINATES_ONLY, Extractor.UNCLASSIFIED, ClaimExtractor.NONE);
        ingestor = new Ingestor(store, pipeline, new OnlineClusterer(), new EventAssembler(new AdmiraltyGrader()),
                Clock.fixed(T.plusSeconds(86_400), ZoneOffset.UTC), moderation);
    }

    @AfterEach void close() { store.close(); }

    private String event(String id, List<Report> reports, List<String> ids) {
        List<EventMember> members = new ArrayList<>();
        for (Report r : reports) {
            Report saved = store.addReport(r).report();
            ids.add(saved.id());
            members.add(new EventMember(pipeline.analyze(saved, Source.named(saved.sourceId())), ClusterDecision.newEvent("stored by the test")));
        }
        Event e = ingestor.reassemble(id, null, members);
        store.commitEvent(e, members);
        return e.id();
    }

    /** Four farmers' reports in "ev-farmers", the stray in "ev-stray", the students' report in "ev-students". */
    private void threeEvents(List<String> farmers, List<String> stray, List<String> students) {
        List<Report> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) four.add(AutomaticSplitIT.report("farm" + i, TwoStories.FARMERS[i], 10 * i));
        event("ev-farmers", four, farmers);
        event("ev-stray", List.of(AutomaticSplitIT.report("village", TwoStories.FARMERS_STRAY, 45)), stray);
        event("ev-students", List.of(AutomaticSplitIT.report("campus", TwoStories.STUDENTS_STRAY, 50)), students);
    }

    @Test
    void theFifthReportTriggersTheCheckAndTheStrayJoinsTheEvent() {
        List<String> farmers = new ArrayList<>(), stray = new ArrayList<>(), students = new ArrayList<>();
        threeEvents(farmers, stray, students);

        Ingestor.Outcome fifth = ingestor.submit(AutomaticSplitIT.report("farm4", TwoStories.FARMERS[4], 60));
        assertEquals("ev-farmers", fifth.eventId());
        assertEquals(6, store.members("ev-farmers").size(), "four, the fifth, and the stray");
        assertTrue(store.event("ev-stray").isEmpty(), "the stray's event is deleted");
        assertEquals("ev-farmers", moderation.mergedInto("ev-stray").orElseThrow(), "and redirected to the event that absorbed it");
        assertEquals(6, store.event("ev-farmers").orElseThrow().reportIds().size());
        String why = store.member(stray.get(0)).orElseThrow().decision().reasons().get(0);
        assertTrue(why.startsWith("merged by the clusterer") && why.endsWith("moved from event ev-stray"), why);
        assertEquals(1, store.members("ev-students").size(), "the other story stays apart");
    }

    @Test
    void aStrayAnAnalystPlacedStaysWhereTheAnalystPutIt() {
        List<String> farmers = new ArrayList<>(), stray = new ArrayList<>(), students = new ArrayList<>();
        threeEvents(farmers, stray, students);
        moderation.pin(stray, "ev-stray", "desk", T.plusSeconds(3000));

        ingestor.submit(AutomaticSplitIT.report("farm4", TwoStories.FARMERS[4], 60));
        assertEquals(5, store.members("ev-farmers").size());
        assertEquals(1, store.members("ev-stray").size(), "the analyst's placement stands: no automatic merge");
        assertTrue(moderation.mergedInto("ev-stray").isEmpty());
    }
}
