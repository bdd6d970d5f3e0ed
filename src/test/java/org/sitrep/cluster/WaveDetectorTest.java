package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sitrep.cluster.Reports.DAY;
import static org.sitrep.cluster.Reports.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.grade.AdmiraltyGrader;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Place;
import org.sitrep.model.Wave;
import org.sitrep.pipeline.AnalyzedReport;

class WaveDetectorTest {
    /** Towns of one province (admin1 "15"), 40-90 km apart; negative ids as in the project's supplement. */
    static final List<Place> TOWNS = List.of(
            new Place(-201, "Drohobych", new GeoPoint(49.3489, 23.5069), "P", "PPL", "UA", "15", "", 75_000),
            new Place(-202, "Stryi", new GeoPoint(49.2622, 23.8561), "P", "PPL", "UA", "15", "", 59_000),
            new Place(-203, "Sambir", new GeoPoint(49.5183, 23.1975), "P", "PPL", "UA", "15", "", 34_000),
            new Place(-204, "Chervonohrad", new GeoPoint(50.3866, 24.2289), "P", "PPL", "UA", "15", "", 65_000),
            new Place(-205, "Zolochiv", new GeoPoint(49.8079, 24.9031), "P", "PPL", "UA", "15", "", 23_000),
            new Place(-206, "Brody", new GeoPoint(50.0809, 25.1505), "P", "PPL", "UA", "15", "", 23_000));

    private final WaveDetector detector = new WaveDetector();
    private final EventStream stream = new EventStream(new OnlineClusterer(), new EventAssembler(new AdmiraltyGrader()),
            new InMemoryEventIndex(), Map.of(), detector);

    private static AnalyzedReport protest(int i, Place town, String type, String text) {
        return report("t" + i).source("tg:channel" + i).type(type).onDay(DAY).at(town, LocationPrecision.DISTRICT)
                .published(DAY.plus(Duration.ofMinutes(10 + 17L * i)))
                .title("Residents of " + town.name() + " take to the streets").text(text.replace("TOWN", town.name())).build();
    }

    @Test
    void identicalProtestsStartingInManyTownsOfOneProvinceAreOneGrowingWave() {
        String slogan = "Hundreds of residents of TOWN gathered at the central square at noon with blue and yellow flags, "
                + "chanting 'Return our defenders home' and singing the anthem, and demanded that the council publish "
                + "the list of missing soldiers before Monday.";
        List<Wave> seen = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            var step = stream.accept(protest(i, TOWNS.get(i), "Protests", slogan), DAY);
            events.add(step.event().id());
            seen.addAll(step.waves());
            if (i < 3) assertTrue(step.waves().isEmpty(), "three towns are not yet a wave");
        }
        assertEquals(6, events.stream().distinct().count(), "each town's protest is its own event");
        // Same wording and same type in the same towns: one wave with both grounds, not two.
        assertTrue(seen.stream().allMatch(w -> w.kind().equals("text+type")), seen.toString());
        Wave text = last(seen, "text+type");
        assertEquals(6, text.eventIds().size());
        assertEquals(6, text.places().size());
        assertTrue(text.similarity() > 0.5, "similarity " + text.similarity());
        assertTrue(text.reason().contains("near-identical") && text.reason().contains("Drohobych"), text.reason());
        assertEquals(Duration.ofMinutes(17 * 5), Duration.between(text.start(), text.end()));
        assertEquals(1, seen.stream().map(Wave::id).distinct().count(), "the wave grows under one id");
        assertTrue(text.reason().contains("Protests events in 6 places of province UA.15"), text.reason());
    }

    @Test
    void routineStrikesInSeveralTownsWithDifferentWordingAreNoWave() {
        String[] texts = {
                "Shelling damaged a school and two houses overnight, the village head said.",
                "A drone hit a fuel depot; firefighters worked for three hours to put out the blaze.",
                "Artillery fire cut power to the northern district, repairs are under way.",
                "A missile struck farmland outside the town, leaving a large crater but no casualties.",
                "Two civilians were wounded by mortar fire near the railway station this morning."};
        List<Wave> seen = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            seen.addAll(stream.accept(protest(i, TOWNS.get(i), "Explosions/Remote violence", texts[i]), DAY).waves());
        }
        assertTrue(seen.isEmpty(), seen.toString());
    }

    private static Wave last(List<Wave> ws, String kind) {
        return ws.stream().filter(w -> w.kind().equals(kind)).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no " + kind + " wave in " + ws));
    }
}
