package org.sitrep.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.cli.DemoData;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.geoparse.SampleGazetteer;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.GazetteerBuilder;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.Report;

/**
 * The bundled demo, end to end through the real stages and a real SQLite store, against the incidents
 * the project wrote it about: every report must land in its incident's event and no two incidents may
 * share one. The demo is what a new user sees first; a false merge there (the water station strike
 * folded into the bakery strike of the same morning, a protest in one town pinned in another) is the
 * complaint users have of other maps.
 */
class DemoIncidentsIT {
    @TempDir Path dir;

    /** Report external id -> incident, as the demo's reports were written (src/main/resources/demo). */
    static final Map<String, String> INCIDENT = new HashMap<>();

    static void incident(String name, String... ids) {
        for (String id : ids) INCIDENT.put(id, name);
    }

    static {
        incident("Saraqib market strike", "3307", "LW-20261120-0412", "ch-world-77815", "NWCM-2026-1120-01", "bz-88121");
        incident("al-Bab car bomb", "LW-20261120-0519", "NWCM-2026-1120-02");
        incident("Jabal al-Zawiya shelling", "rf-20261120-031", "113552090114470021", "NWCM-2026-1120-03", "OSNA-en-55120");
        incident("Aleppo rockets", "OSNA-en-55124", "vb-240871");
        incident("Hmeimim drones", "5521", "vb-240902", "LW-20261121-0088", "9184", "bz-88340");
        incident("Atarib strike", "NWCM-2026-1121-01", "113557311800221904");
        incident("Bab al-Hawa convoy", "OSNA-en-55161", "rf-20261121-007", "LW-20261121-0131");
        incident("Saraqib protest", "3321");
        incident("Sarmada protest", "bz-88402");
        incident("Binnish protest", "bz-88403");
        incident("Maarat Misrin protest", "bz-88404");
        incident("Taftanaz protest", "bz-88405");
        incident("Idlib city and Ariha protests", "3322");
        incident("Suqaylabiyah drone", "OSNA-en-55177", "113558511904127755");
        incident("Jisr al-Shughur checkpoint attack", "9201", "OSNA-en-55189", "NWCM-2026-1122-01");
        incident("Idlib bakery strike", "rf-20261122-002", "LW-20261122-0034", "NWCM-2026-1122-02");
        incident("Latakia match postponed", "OSNA-en-55214");
        incident("Darat Izza ordnance", "rf-20261122-009", "bz-88611");
        incident("Idlib water station strike", "rf-20261122-014", "113563880051230018", "NWCM-2026-1122-03");
    }

    /** The commentary on the wave of protests names seven towns: it may join any of their events, or none. */
    static final String WAVE_COMMENTARY = "113558102377645310";

    @Test
    void everyDemoReportLandsInItsIncidentsEventAndNoTwoIncidentsShareOne() throws IOException {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        Stages stages = Stages.standard(Geoparsers.fromGazetteer(syrianGazetteer()));
        List<String> wrong = new ArrayList<>();
        Map<String, String> eventOf = new HashMap<>();
        try (Sitrep sitrep = Sitrep.open("sqlite:" + dir.resolve("demo.db"), dir, Clock.fixed(now, ZoneOffset.UTC), stages)) {
            List<Report> reports = DemoData.load(sitrep.store(), now);
            Map<String, String> why = new HashMap<>();
            for (Report r : reports) {
                Ingestor.Outcome o = sitrep.ingestor().submit(r);
                eventOf.put(r.externalId(), o.eventId());
                why.put(r.externalId(), sitrep.store().member(o.report().id()).map(m -> String.join("; ", m.decision().reasons())).orElse(""));
            }
            assertEquals(INCIDENT.size() + 1, reports.size(), "every demo report has its incident here");
            Map<String, String> incidentOfEvent = new HashMap<>();
            Map<String, String> eventOfIncident = new HashMap<>();
            for (var e : INCIDENT.entrySet()) {
                String event = eventOf.get(e.getKey());
                String incident = e.getValue();
                String other = incidentOfEvent.putIfAbsent(event, incident);
                if (other != null && !other.equals(incident)) {
                    wrong.add(e.getKey() + " (" + incident + ") joined the event of " + other + ": " + why.get(e.getKey()));
                }
                String first = eventOfIncident.putIfAbsent(incident, event);
                if (first != null && !first.equals(event)) wrong.add(e.getKey() + " split from the rest of " + incident + ": " + why.get(e.getKey()));
            }
            if (!wrong.isEmpty()) {
                for (var e : INCIDENT.entrySet()) if (wrong.stream().anyMatch(w -> w.contains(e.getValue()))) wrong.add("  " + e.getKey() + " -> " + eventOf.get(e.getKey()) + ": " + why.get(e.getKey()));
            }
            assertTrue(wrong.isEmpty(), String.join("\n", wrong));

            Event water = sitrep.store().event(eventOfIncident.get("Idlib water station strike")).orElseThrow();
            assertEquals(3, water.reportIds().size());
            Event hmeimim = sitrep.store().event(eventOfIncident.get("Hmeimim drones")).orElseThrow();
            assertEquals(EventState.DISPUTED, hmeimim.state(), "claimed by Moscow, denied by the group it blames: " + hmeimim.gradeReason());
            String reason = hmeimim.gradeReason();
            assertTrue(!reason.substring(reason.indexOf("supported by"), reason.indexOf("denied by")).contains("Free Northwest Front"),
                    "the channel that carries the denial is not a supporter: " + reason);
            Event convoy = sitrep.store().event(eventOfIncident.get("Bab al-Hawa convoy")).orElseThrow();
            String convoyReason = convoy.gradeReason();
            assertEquals(EventState.DISPUTED, convoy.state(), convoyReason);
            String denied = convoyReason.substring(convoyReason.indexOf("denied by"));
            assertTrue(denied.startsWith("denied by Turkey") && !denied.contains("Levant Wire") && !denied.contains("Turkey's"),
                    "Turkey denies, once; the wire that relays it is not a party: " + convoyReason);
            Event misrin = sitrep.store().event(eventOfIncident.get("Maarat Misrin protest")).orElseThrow();
            assertTrue(misrin.location().point().distanceKm(new org.sitrep.model.GeoPoint(36.012, 36.673)) < 2,
                    "the Maarat Misrin protest stays at its own point, not in Idlib city: " + misrin.location().reason());
            // the map names each event, Sarmada (not in cities500) as the report names it
            List<String> unnamed = new ArrayList<>();
            for (var e : eventOfIncident.entrySet()) {
                Event event = sitrep.store().event(e.getValue()).orElseThrow();
                if (event.location() != null && event.location().name() == null) unnamed.add(e.getKey() + ": " + event.location().reason());
            }
            unnamed.sort(null);
            assertEquals(List.of(), unnamed, "Sarmada, which cities500 lacks, is named as the report names it");
        }
    }

    /** The geoparser's test sample plus every Syrian town of cities500 and Syria's governorates (test resources). */
    private Gazetteer syrianGazetteer() throws IOException {
        Path cities = dir.resolve("cities.txt");
        Files.write(cities, Files.readAllBytes(SampleGazetteer.sampleFile()));
        Files.write(cities, resource("/demo/cities500-SY.txt"), java.nio.file.StandardOpenOption.APPEND);
        var json = org.sitrep.internal.Json.MAPPER;
        var divisions = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(resource("/geoparse/iso3166-2-sample.json"));
        divisions.setAll((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(resource("/demo/iso3166-2-SY.json")));
        Path divisionsFile = dir.resolve("divisions.json");
        json.writeValue(divisionsFile.toFile(), divisions);
        Path counties = dir.resolve("counties.csv");
        Files.write(counties, resource("/geoparse/us-counties-sample.csv"));
        Path gz = dir.resolve("gazetteer");
        Files.createDirectories(gz);
        GazetteerBuilder.buildFromCities(cities, counties, divisionsFile, gz, "demo test");
        return Gazetteer.load(gz);
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = DemoIncidentsIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
