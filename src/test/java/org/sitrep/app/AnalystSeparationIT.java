package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.cluster.EventAssembler;
import org.sitrep.cluster.OnlineClusterer;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.moderation.ModerationStore;
import org.sitrep.normalize.Normalizer;
import org.sitrep.pipeline.AnalystConstraints;
import org.sitrep.pipeline.ClaimExtractor;
import org.sitrep.pipeline.Extractor;
import org.sitrep.pipeline.Geoparser;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.store.sqlite.SqliteStore;

/**
 * An analyst's split is obeyed by clustering afterwards, with the real SQLite store, the real online
 * clusterer and the Ingestor: a report taken out of an event is never clustered into it again (nor
 * into the event it was later merged into), though its text says it belongs there; a later pin (an
 * analyst putting it back) clears the separation.
 */
class AnalystSeparationIT {
    static final Instant T = Instant.parse("2026-11-20T08:00:00Z");
    static final GeoPoint SARAQIB = new GeoPoint(35.8626, 36.8006);
    static final String TITLE = "Air strike hits the vegetable market in Saraqib, killing four";
    static final String TEXT = "An air strike hit the crowded vegetable market in Saraqib on Wednesday morning, killing four "
            + "civilians and wounding eleven, the local civil defence said. Rescue teams searched the rubble of two shops.";

    @TempDir Path dir;
    SqliteStore store;
    ModerationStore moderation;
    Ingestor ingestor;

    @BeforeEach void open() {
        store = SqliteStore.open(dir.resolve("sitrep.db"));
        moderation = TeamStores.of(store).moderation();
        Pipeline pipeline = new Pipeline(new Normalizer(), Geoparser.SOURCE_COORDINATES_ONLY, Extractor.UNCLASSIFIED, ClaimExtractor.NONE);
        ingestor = new Ingestor(store, pipeline, new OnlineClusterer(), new EventAssembler(new AdmiraltyGrader()),
                Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC), moderation);
    }

    @AfterEach void close() { store.close(); }

    static Report copyOfTheStory(String source, int minutes) {
        return new Report(null, source, source + "-1", "https://" + source + ".example/1", TITLE, TEXT + " (" + source + ")", "en",
                T.plusSeconds(60L * minutes), T.plusSeconds(60L * minutes), List.of(), SARAQIB);
    }

    /** Stores a report without clustering it (as a crash before attaching would leave it); {@link Ingestor#resume} clusters it. */
    String storeOnly(Report r) { return store.addReport(r).report().id(); }

    @Test
    void aReportSplitOutOfAnEventIsNeverClusteredBackIntoIt() {
        String event = ingestor.submit(copyOfTheStory("wire-a", 0)).eventId();
        assertEquals(event, ingestor.submit(copyOfTheStory("wire-b", 5)).eventId(), "the same story joins the event");

        String separated = storeOnly(copyOfTheStory("wire-c", 10));
        String control = storeOnly(copyOfTheStory("wire-d", 11));
        moderation.separate(List.of(separated), event, "desk", T.plusSeconds(1200));
        assertEquals(Set.of(event), moderation.separatedFrom(separated), "the split is stored");
        assertEquals(new AnalystConstraints(null, Set.of(event)), moderation.constraints(separated));

        assertEquals(2, ingestor.resume());
        assertNotEquals(event, eventOf(separated), "kept out of the event it was split from");
        assertTrue(store.member(separated).orElseThrow().decision().reasons().stream().anyMatch(r -> r.contains("analysts removed this report from " + event)),
                store.member(separated).orElseThrow().decision().reasons().toString());
        assertEquals(event, eventOf(control), "the same text without a split joins the event");
    }

    @Test
    void aSplitFollowsTheEventIntoAMergeAndALaterPinClearsIt() {
        String event = ingestor.submit(copyOfTheStory("wire-a", 0)).eventId();
        String survivor = "e-survivor";
        moderation.redirect(event, survivor, T.plusSeconds(600));
        moderation.separate(List.of("r-x"), event, "desk", T.plusSeconds(700));
        assertEquals(Set.of(event, survivor), moderation.constraints("r-x").mustNotJoin(), "the survivor of a merge is forbidden too");

        moderation.pin(List.of("r-x"), event, "desk", T.plusSeconds(800));
        assertEquals(Set.of(), moderation.separatedFrom("r-x"), "putting the report back clears the split");
        assertEquals(new AnalystConstraints(survivor, Set.of()), moderation.constraints("r-x"), "pinned, followed through the merge");
    }

    private String eventOf(String reportId) {
        return store.searchEvents(new org.sitrep.store.EventQuery(null, null, null, null, null, null, null, 1000, null)).items().stream()
                .filter(e -> e.reportIds().contains(reportId)).map(org.sitrep.model.Event::id).findFirst().orElseThrow();
    }
}
