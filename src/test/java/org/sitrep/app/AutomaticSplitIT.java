package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.cluster.TwoStories;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.Event;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * The ingest service re-checks a grown event and moves a second story out of it, in the real SQLite
 * store with the real clusterer: nine reports of two stories sit in one event (as an older clusterer
 * or a first-report mistake left them), the tenth arrives, and the event is cut along the stories,
 * each moved report saying why. An event an analyst has touched is never cut.
 */
class AutomaticSplitIT {
    static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    static final GeoPoint KHARKIV = new GeoPoint(49.9935, 36.2304);

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

    static Report report(String source, String[] titleAndText, int minutes) {
        return new Report(null, source, source + "-1", "https://" + source + ".example/1", titleAndText[0], titleAndText[1], "en",
                T.plusSeconds(60L * minutes), T.plusSeconds(60L * minutes), List.of(), KHARKIV);
    }

    /** Nine reports, four of farmers and five of students, stored as one event; returns its id and the ids by story. */
    String nineInOneEvent(List<String> farmers, List<String> students) {
        List<EventMember> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            if (i < 4) members.add(stored(report("farm" + i, TwoStories.FARMERS[i], 10 * i), farmers));
            members.add(stored(report("study" + i, TwoStories.STUDENTS[i], 10 * i + 5), students));
        }
        Event mixed = ingestor.reassemble("ev-mixed", null, members);
        store.commitEvent(mixed, members);
        return mixed.id();
    }

    private EventMember stored(Report r, List<String> ids) {
        Report saved = store.addReport(r).report();
        ids.add(saved.id());
        AnalyzedReport a = pipeline.analyze(saved, Source.named(saved.sourceId()));
        return new EventMember(a, ClusterDecision.newEvent("stored by the test as one event"));
    }

    @Test
    void theTenthReportTriggersTheCheckAndTheSecondStoryMovesToAnEventOfItsOwn() {
        List<String> farmers = new ArrayList<>(), students = new ArrayList<>();
        String mixed = nineInOneEvent(farmers, students);

        Ingestor.Outcome tenth = ingestor.submit(report("farm4", TwoStories.FARMERS[4], 60));
        assertEquals(mixed, tenth.eventId(), "the tenth report, of the first story, stays in the event");
        farmers.add(tenth.report().id());

        Set<String> left = ids(store.members(mixed));
        assertEquals(Set.copyOf(farmers), left, "the first report's story keeps the event");
        String other = eventOf(students.get(0));
        assertNotEquals(mixed, other);
        assertEquals(Set.copyOf(students), ids(store.members(other)), "the second story is one new event");
        for (String s : students) {
            String why = store.member(s).orElseThrow().decision().reasons().get(0);
            assertTrue(why.startsWith("split by the clusterer") && why.endsWith("moved from event " + mixed), why);
        }
        String kept = store.member(farmers.get(0)).orElseThrow().decision().reasons().get(0);
        assertTrue(kept.startsWith("the clusterer split this event: 5 of its reports form another story and went to event " + other), kept);
        assertEquals(5, store.event(mixed).orElseThrow().reportIds().size());
        assertEquals(5, store.event(other).orElseThrow().reportIds().size());
    }

    @Test
    void anEventAnAnalystHasTouchedIsNeverCut() {
        List<String> farmers = new ArrayList<>(), students = new ArrayList<>();
        String mixed = nineInOneEvent(farmers, students);
        moderation.pin(List.of(students.get(0)), mixed, "desk", T.plusSeconds(3000));

        Ingestor.Outcome tenth = ingestor.submit(report("farm4", TwoStories.FARMERS[4], 60));
        assertEquals(mixed, tenth.eventId());
        assertEquals(10, store.members(mixed).size(), "the analyst's placement stands: no automatic split");
    }

    private String eventOf(String reportId) {
        return store.searchEvents(new org.sitrep.store.EventQuery(null, null, null, null, null, null, null, 1000, null)).items().stream()
                .filter(e -> e.reportIds().contains(reportId)).map(Event::id).findFirst().orElseThrow();
    }

    private static Set<String> ids(List<EventMember> ms) {
        return ms.stream().map(m -> m.report().report().id()).collect(Collectors.toSet());
    }
}
