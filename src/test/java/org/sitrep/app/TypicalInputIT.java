package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.geoparse.SampleGazetteer;
import org.sitrep.model.Event;
import org.sitrep.model.Report;
import org.sitrep.model.Stance;
import org.sitrep.model.Wave;

/**
 * The guide's typical input, end to end through the real stages (gazetteer sample, extraction, claims,
 * clustering, grading) into a real SQLite store: protests breaking out at once in many towns of one
 * province, and a drone attack on an air base that one government claims, another calls false and a
 * minister describes from his capital. Each incident must land at its own place with its type, its
 * claims and denials, and the protests must show as one wave.
 */
class TypicalInputIT {
    @TempDir static Path dir;
    static Sitrep sitrep;
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll static void open() {
        Stages stages = Stages.standard(Geoparsers.fromGazetteer(SampleGazetteer.build(dir.resolve("gazetteer"))));
        sitrep = Sitrep.open("sqlite:" + dir.resolve("sitrep.db"), dir, Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC), stages);
    }

    @AfterAll static void close() {
        if (sitrep != null) sitrep.close();
    }

    static Report report(String source, String id, String title, String text, Instant at, List<String> media) {
        return new Report(null, source, id, "https://" + source + ".example/" + id, title, text, "en", at, at, media, null);
    }

    static Event eventOf(Ingestor.Outcome o) {
        assertNotNull(o.eventId(), "report " + o.report().externalId() + " joined an event");
        return sitrep.store().event(o.eventId()).orElseThrow();
    }

    @Test
    void protestsInManyTownsAtOnceAreSeparateEventsAndOneWave() {
        List<String> towns = List.of("Saraqib", "Binnish", "Sarmin", "Ariha", "Kafranbel", "Salqin");
        List<Long> geonameIds = List.of(164816L, 171451L, 164782L, 172994L, 168661L, 164898L);
        List<Ingestor.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < towns.size(); i++) {
            String town = towns.get(i);
            outcomes.add(sitrep.ingestor().submit(report("channel-" + i, "p" + i, "Protest in " + town,
                    "Hundreds of people took to the streets of " + town + " in Idlib province on Friday, waving the green "
                            + "three-star flag and chanting \"the people want the fall of the regime\". Protesters sang the "
                            + "songs of the 2011 uprising. Photos shared on social media show the crowd in the main square.",
                    T0.plusSeconds(420L * i), List.of("https://channel-" + i + ".example/photo" + i + ".jpg"))));
        }
        Set<String> eventIds = new LinkedHashSet<>();
        for (int i = 0; i < towns.size(); i++) {
            Event e = eventOf(outcomes.get(i));
            eventIds.add(e.id());
            assertEquals("Protests", e.type(), "a protest in " + towns.get(i));
            assertNotNull(e.location(), "located: " + towns.get(i));
            assertEquals(geonameIds.get(i), e.location().geonameId(),
                    "the protest in " + towns.get(i) + " is placed there, not at " + e.location().name() + ": "
                            + sitrep.store().member(outcomes.get(i).report().id()).map(m -> m.decision().reasons()).orElse(List.of()));
        }
        assertEquals(towns.size(), eventIds.size(), "one event per town: same wording in different places is not one incident");

        List<Wave> waves = sitrep.store().waves(T0.minusSeconds(3600), T0.plusSeconds(86_400), 10);
        Wave wave = waves.stream().max((a, b) -> Integer.compare(a.eventIds().size(), b.eventIds().size())).orElseThrow(
                () -> new AssertionError("no wave detected among " + towns.size() + " near-identical protest reports"));
        assertTrue(eventIds.containsAll(wave.eventIds()), "the wave holds only the protests: " + wave);
        assertTrue(wave.eventIds().size() >= 5, "the wave holds (nearly) all the towns: " + wave.places());
        assertTrue(wave.places().size() >= 5, "the wave names its places: " + wave.places());
        assertTrue(wave.reason() != null && !wave.reason().isBlank(), "the wave says why it is one");
    }

    @Test
    void claimDenialAndMinisterAttachToTheAirBaseEvent() {
        Instant t = T0.plusSeconds(5 * 3600);
        Ingestor.Outcome claim = sitrep.ingestor().submit(report("agency-a", "c1", "Syria says drones attacked Hmeimim air base",
                "Syrian state media, citing the Defence Ministry, said on Tuesday that air defences shot down five drones "
                        + "launched at the Hmeimim air base in Latakia province overnight. The ministry said the drones were "
                        + "launched by militants from Idlib.", t, List.of()));
        Ingestor.Outcome minister = sitrep.ingestor().submit(report("agency-c", "c3", "Russian minister: drones attacked Hmeimim",
                "Speaking in Moscow on Tuesday, the Russian Defence Minister said drones had attacked the Hmeimim air base "
                        + "in Syria overnight and that all of them had been destroyed by air defences.", t.plusSeconds(1800), List.of()));
        Ingestor.Outcome denial = sitrep.ingestor().submit(report("gov-b", "c2", "Turkey rejects Syrian claim of drone attack on Hmeimim",
                "Turkey's Foreign Ministry on Tuesday rejected as false the Syrian claim that drones were launched at the "
                        + "Hmeimim air base from areas under Turkish control, calling it baseless propaganda.", t.plusSeconds(3600), List.of()));

        Event event = eventOf(claim);
        assertEquals(event.id(), minister.eventId(), "the minister's account is the same incident");
        assertEquals(event.id(), denial.eventId(), "the denial attaches to the incident it denies");
        event = sitrep.store().event(event.id()).orElseThrow();

        assertNotNull(event.location(), "located");
        assertEquals(-1000001L, event.location().geonameId(),
                "at the air base, not where the minister spoke: " + event.location());
        assertEquals(3, event.sourceCount(), "three independent sources");

        Set<Stance> stances = event.claims().stream().map(c -> c.stance()).collect(Collectors.toSet());
        assertTrue(stances.contains(Stance.DENIES), "the denial is recorded as one: " + event.claims());
        assertTrue(stances.contains(Stance.SUPPORTS), "the claim is recorded as one: " + event.claims());
        assertTrue(event.claims().stream().anyMatch(c -> c.stance() == Stance.DENIES && c.claimant().contains("Foreign Ministry")),
                "the denial names who denied: " + event.claims());
        assertEquals(org.sitrep.model.EventState.DISPUTED, event.state(), "claim and denial from independent sources: " + event.gradeReason());
    }
}
