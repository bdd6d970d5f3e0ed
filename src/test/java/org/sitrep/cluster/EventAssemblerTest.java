package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.cluster.Reports.DAY;
import static org.sitrep.cluster.Reports.KHARKIV;
import static org.sitrep.cluster.Reports.ODESA;
import static org.sitrep.cluster.Reports.TRACTOR_PLANT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.Fatalities;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Source;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;

class EventAssemblerTest {
    private final EventAssembler assembler = new EventAssembler(new AdmiraltyGrader());

    private static AnalyzedReport withFatalities(AnalyzedReport r, Fatalities f, String type, double confidence) {
        Extraction x = r.extraction();
        return new AnalyzedReport(r.report(), r.geoparse(), new Extraction(type, null, null, null, f, null, x.time(),
                x.location(), confidence), r.claims());
    }

    private static EventMember member(AnalyzedReport r) { return new EventMember(r, new ClusterDecision(null, 0, List.of(), null)); }

    private static EventMember copy(AnalyzedReport r, String of) { return new EventMember(r, new ClusterDecision("e", 1, List.of(), of)); }

    @Test
    void fieldsComeFromTheMembersWeighedBySourceAndCopiesDoNotCount() {
        var a = withFatalities(Reports.report("a").source("wire").at(KHARKIV, LocationPrecision.DISTRICT)
                .published(DAY.plus(Duration.ofHours(2))).title("Strike on Kharkiv").build(), Fatalities.killed(3, "3 killed"),
                "Explosions/Remote violence", 0.9);
        var b = withFatalities(Reports.report("b").source("tv").at(TRACTOR_PLANT, LocationPrecision.EXACT)
                .published(DAY.plus(Duration.ofHours(1))).title("Tractor plant hit").build(), Fatalities.killed(5, "five dead"),
                "Explosions/Remote violence", 0.8);
        var c = withFatalities(Reports.report("c").source("blog").at(KHARKIV, LocationPrecision.DISTRICT)
                .published(DAY.plus(Duration.ofHours(3))).title("Battle near Kharkiv").build(), Fatalities.UNKNOWN, "Battles", 0.95);
        var d = withFatalities(Reports.report("d").source("mirror").at(ODESA, LocationPrecision.DISTRICT)
                .published(DAY.plus(Duration.ofHours(4))).title("Strike on Kharkiv").build(), Fatalities.killed(3, "3 killed"),
                "Battles", 0.95);
        Map<String, Source> sources = Map.of(
                "wire", new Source("wire", "Wire", "rss", null, null, null, 'A', null, false),
                "tv", new Source("tv", "TV", "rss", null, null, null, 'B', null, false),
                "blog", new Source("blog", "Blog", "rss", null, null, null, 'E', null, false),
                "mirror", new Source("mirror", "Mirror", "rss", null, null, null, 'F', null, false));

        var e = assembler.assemble("e1", null, List.of(member(a), member(b), member(c), copy(d, "a")), sources, DAY.plus(Duration.ofDays(1)));

        assertEquals(LocationPrecision.EXACT, e.location().precision());
        assertEquals(TRACTOR_PLANT.geonameId(), e.location().geonameId());
        assertTrue(e.location().reason().contains("most precise place inside Kharkiv"), e.location().reason());
        assertEquals("Explosions/Remote violence", e.type(), "reliable sources outvote one blog and a copy");
        assertEquals(3, e.fatalities().killedMin());
        assertEquals(5, e.fatalities().killedMax());
        assertEquals("killed 3 (wire), 5 (tv)", e.fatalities().phrase());
        assertEquals(3, e.sourceCount(), "the mirror's copy is not an independent source");
        assertEquals(DAY.plus(Duration.ofHours(1)), e.firstSeen());
        assertEquals(List.of("b", "a", "c", "d"), e.reportIds());
        assertEquals(DAY.plus(Duration.ofDays(1)), e.updatedAt());
    }

    @Test
    void oneOutlyingLocationDoesNotMoveTheEvent() {
        var a = Reports.report("a").source("s1").at(KHARKIV, LocationPrecision.DISTRICT).title("x").build();
        var b = Reports.report("b").source("s2").at(KHARKIV, LocationPrecision.DISTRICT).title("y").build();
        var c = Reports.report("c").source("s3").at(ODESA, LocationPrecision.DISTRICT).title("z").build();
        var e = assembler.assemble("e2", null, List.of(member(a), member(b), member(c)), Map.of(), DAY);
        assertEquals(KHARKIV.geonameId(), e.location().geonameId());
        assertTrue(e.location().reason().startsWith("test; 2 independent sources of 3"), e.location().reason());
    }

    @Test
    void aTownInsideTheProvinceMostReportsGiveRefinesIt() {
        // two sources write about the protests across the province; one was in Saraqib, 30 km from the province's centre
        var a = Reports.report("a").source("s1").at(Reports.IDLIB_PROVINCE, LocationPrecision.PROVINCE).title("x").build();
        var b = Reports.report("b").source("s2").at(Reports.IDLIB_PROVINCE, LocationPrecision.PROVINCE).title("y").build();
        var c = Reports.report("c").source("s3").at(Reports.SARAQIB, LocationPrecision.EXACT).title("z").build();
        var e = assembler.assemble("e3", null, List.of(member(a), member(b), member(c)), Map.of(), DAY);
        assertEquals(Reports.SARAQIB.geonameId(), e.location().geonameId(), e.location().reason());
        assertTrue(e.location().reason().contains("most precise place inside Idlib Governorate"), e.location().reason());
        // a town of another province is not inside it
        var d = Reports.report("d").source("s3").at(Reports.AL_BAB, LocationPrecision.EXACT).title("z").build();
        var f = assembler.assemble("e4", null, List.of(member(a), member(b), member(d)), Map.of(), DAY);
        assertEquals(Reports.IDLIB_PROVINCE.geonameId(), f.location().geonameId(), f.location().reason());
    }
}
