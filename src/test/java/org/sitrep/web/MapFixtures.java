package org.sitrep.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sitrep.model.Actor;
import org.sitrep.model.Claim;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.model.Stance;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.store.Store;

/**
 * Events written straight into the store for the browser tests: the pipeline stages are built on other
 * branches, so these fixtures set types, sides, claims and copies that the demo data does not yet get.
 * Every place, outlet and sentence here is invented for the tests (fictional outlets, .example domains).
 */
final class MapFixtures {
    private MapFixtures() {}

    static final String WIRE = "rss:fixture-wire", MONITOR = "push:fixture-monitor", CHANNEL = "tg:fixture-channel";

    /** The ids of the events {@link #rich} creates, newest first. */
    record Rich(String strike, String clash, String protest, String hostile, String unlocated) {}

    static Rich rich(Store store, Instant now) {
        return rich(store, now, "https://wire.example");
    }

    /** @param mediaBase where the wire report's picture is served (a test server can serve /img/sitrep.svg) */
    static Rich rich(Store store, Instant now, String mediaBase) {
        store.saveSource(new Source(WIRE, "Fixture Wire Service", "rss", "https://wire.example/feed.xml", "en", null, 'B', null, false));
        store.saveSource(new Source(MONITOR, "Fixture Casualty Monitor", "push", null, "en", "SY", 'C', null, false));
        store.saveSource(new Source(CHANNEL, "Fixture Channel", "telegram", "https://t.example/fixture", "ar", "SY", 'E', null, false));

        Report original = report(store, WIRE, "w1", now.minus(Duration.ofMinutes(50)), "Drone strike hits fuel depot in Tell Qamar",
                "A drone struck a fuel depot on the edge of Tell Qamar early on Tuesday, killing two guards, the district council said.",
                List.of(mediaBase + "/img/sitrep.svg", "javascript:alert(1)"), "https://wire.example/a/1");
        Report copy = report(store, CHANNEL, "c1", now.minus(Duration.ofMinutes(45)), "Drone strike hits fuel depot in Tell Qamar",
                "A drone struck a fuel depot on the edge of Tell Qamar early on Tuesday, killing two guards, the district council said.",
                List.of(), "https://t.example/fixture/81");
        Report denial = report(store, MONITOR, "m1", now.minus(Duration.ofMinutes(40)), "Ministry denies depot strike in Tell Qamar",
                "The defence ministry denied that its drones hit the depot and said a generator fire killed three workers.",
                List.of(), null);
        EventLocation tellQamar = new EventLocation(new GeoPoint(35.71, 36.52), LocationPrecision.EXACT, "Tell Qamar", 900001L, "SY",
                "first place named in the lead, in the district the text names");
        Claim supports = new Claim("cl1", original.id(), "the district council", "said", "a drone struck a fuel depot", Stance.SUPPORTS,
                "government forces", null, 0, 10, 0.9);
        Claim denies = new Claim("cl2", denial.id(), "the defence ministry", "denied", "that its drones hit the depot", Stance.DENIES,
                null, "Fixture Casualty Monitor", 0, 10, 0.8);
        List<Actor> actors = List.of(new Actor("Government forces", "state_forces", "sy-gov", "actor1"),
                new Actor("Depot guards", "civilians", "unknown", "actor2"));
        Event strike = event("ev-strike", "Drone strike hits fuel depot in Tell Qamar", tellQamar, now.minus(Duration.ofMinutes(55)),
                TimePrecision.EXACT, "Explosions/Remote violence", "Air/drone strike", actors, new Fatalities(2, 3, null, null, "killing two guards"),
                List.of(original, copy, denial), List.of(supports, denies), EventState.DISPUTED, 2, now.minus(Duration.ofMinutes(50)));
        store.commitEvent(strike, List.of(
                member(original, tellQamar, strike, List.of(supports), null),
                member(copy, tellQamar, strike, List.of(), original.id()),
                member(denial, tellQamar, strike, List.of(denies), null)));

        Report clashReport = report(store, MONITOR, "m2", now.minus(Duration.ofHours(5)), "Clashes on the Kafr Loma front line",
                "Fighters of the opposition front and government forces exchanged fire near Kafr Loma overnight.", List.of(), null);
        EventLocation kafrLoma = new EventLocation(new GeoPoint(35.95, 36.1), LocationPrecision.DISTRICT, "Kafr Loma district", 900002L, "SY",
                "district named in the report");
        Event clash = event("ev-clash", "Clashes on the Kafr Loma front line", kafrLoma, now.minus(Duration.ofHours(6)), TimePrecision.DAY,
                "Battles", "Armed clash", List.of(new Actor("Opposition front", "rebel_group", "sy-opp", "actor1"),
                        new Actor("Government forces", "state_forces", "sy-gov", "actor2")), Fatalities.UNKNOWN,
                List.of(clashReport), List.of(), EventState.CORROBORATED, 1, now.minus(Duration.ofHours(5)));
        store.commitEvent(clash, List.of(member(clashReport, kafrLoma, clash, List.of(), null)));

        Report protestReport = report(store, WIRE, "w3", now.minus(Duration.ofDays(2)), "Hundreds protest bread prices in Al-Harir",
                "Hundreds gathered in the main square of Al-Harir to protest rising bread prices.", List.of(), "https://wire.example/a/3");
        EventLocation alHarir = new EventLocation(new GeoPoint(36.2, 37.1), LocationPrecision.EXACT, "Al-Harir", 900003L, "SY", "town named in the headline");
        Event protest = event("ev-protest", "Hundreds protest bread prices in Al-Harir", alHarir, now.minus(Duration.ofDays(2)), TimePrecision.EXACT,
                "Protests", "Peaceful protest", List.of(new Actor("Residents", "protesters", "civilians", "actor1")), Fatalities.UNKNOWN,
                List.of(protestReport), List.of(), EventState.VERIFIED, 1, now.minus(Duration.ofDays(2)));
        store.commitEvent(protest, List.of(member(protestReport, alHarir, protest, List.of(), null)));

        String hostileText = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">Shelling reported";
        Report hostileReport = report(store, CHANNEL, "c2", now.minus(Duration.ofHours(3)), hostileText,
                "<b onmouseover=\"window.__pwned=3\">bold?</b> <a href=\"javascript:window.__pwned=4\">link</a>",
                List.of("javascript:window.__pwned=5", "data:image/png;base64,AAAA"), "javascript:window.__pwned=6");
        EventLocation hostilePlace = new EventLocation(new GeoPoint(35.5, 36.9), LocationPrecision.PROVINCE, "<i>Idlib</i> province", null, "SY",
                "<img src=y onerror=\"window.__pwned=7\">");
        Event hostile = event("ev-hostile", hostileText, hostilePlace, now.minus(Duration.ofHours(3)), TimePrecision.DAY,
                "Explosions/Remote violence", "Shelling/artillery/missile attack",
                List.of(new Actor("<svg onload=\"window.__pwned=8\">", "other", "<b>x</b>", "actor1")), Fatalities.UNKNOWN,
                List.of(hostileReport), List.of(), EventState.PENDING, 1, now.minus(Duration.ofHours(3)));
        store.commitEvent(hostile, List.of(member(hostileReport, hostilePlace, hostile, List.of(), null)));

        Report unlocatedReport = report(store, MONITOR, "m4", now.minus(Duration.ofHours(8)), "Two kidnapped on an unnamed road",
                "Two aid workers were kidnapped on a road the report does not name.", List.of(), null);
        Event unlocated = event("ev-unlocated", "Two kidnapped on an unnamed road", null, now.minus(Duration.ofHours(8)), TimePrecision.DAY,
                "Violence against civilians", "Abduction/forced disappearance", List.of(), Fatalities.UNKNOWN,
                List.of(unlocatedReport), List.of(), EventState.PENDING, 1, now.minus(Duration.ofHours(8)));
        store.commitEvent(unlocated, List.of(member(unlocatedReport, null, unlocated, List.of(), null)));
        return new Rich(strike.id(), clash.id(), protest.id(), hostile.id(), unlocated.id());
    }

    static final String[] TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"};
    static final String[] SIDES = {"sy-gov", "sy-opp", "ru", "tr", "unknown"};
    static final EventState[] STATES = {EventState.PENDING, EventState.CORROBORATED, EventState.VERIFIED, EventState.DISPUTED};

    /**
     * {@code n} events without reports, spread over the last {@code days} days across a region the size of
     * Syria, clustered around 40 towns as real data is. Written in one transaction.
     */
    static void bulk(Store store, int n, Instant now, int days, long seed) {
        bulk(store, n, now, days, seed, 32.5, 35.8, SIDES);
    }

    /** The same in a 4.5 x 6 degree box from (lat0, lon0), with actors on the given sides. */
    static void bulk(Store store, int n, Instant now, int days, long seed, double lat0, double lon0, String[] sides) {
        Random rnd = new Random(seed);
        double[][] towns = new double[40][];
        for (int i = 0; i < towns.length; i++) towns[i] = new double[] {lat0 + rnd.nextDouble() * 4.5, lon0 + rnd.nextDouble() * 6};
        store.inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                double[] t = towns[(int) Math.floor(Math.pow(rnd.nextDouble(), 2) * towns.length)];
                GeoPoint p = new GeoPoint(t[0] + rnd.nextGaussian() * 0.08, t[1] + rnd.nextGaussian() * 0.08);
                String type = TYPES[rnd.nextInt(TYPES.length)];
                Instant start = now.minusSeconds((long) (rnd.nextDouble() * days * 86400));
                Actor a = new Actor("Actor " + (i % 17), "other", sides[rnd.nextInt(sides.length)], "actor1");
                Event e = new Event(String.format("bulk-%06d", i), "Bulk event " + i + " near town " + (i % 40), "", 
                        new EventLocation(p, LocationPrecision.EXACT, "Town " + (i % 40), null, "SY", "fixture"),
                        new TimeWindow(start, start, TimePrecision.EXACT), type, null, List.of(a), Fatalities.UNKNOWN, List.of(),
                        List.of(), STATES[rnd.nextInt(STATES.length)], 1, 3, "fixture", start.plusSeconds(600), start.plusSeconds(600), 1);
                store.commitEvent(e, List.of());
            }
            return null;
        });
    }

    private static Report report(Store store, String source, String externalId, Instant published, String title, String text,
                                 List<String> media, String url) {
        Report r = new Report(null, source, externalId, url, title, text, "en", published, published, media, null);
        return store.addReport(r).report();
    }

    private static Event event(String id, String title, EventLocation loc, Instant start, TimePrecision precision, String type, String subType,
                               List<Actor> actors, Fatalities fatalities, List<Report> reports, List<Claim> claims, EventState state,
                               int sources, Instant firstSeen) {
        List<String> ids = new ArrayList<>();
        for (Report r : reports) ids.add(r.id());
        return new Event(id, title, reports.get(0).text(), loc, new TimeWindow(start, start.plus(Duration.ofHours(1)), precision), type, subType,
                actors, fatalities, ids, claims, state, sources, state == EventState.VERIFIED ? 1 : 3, "fixture grade: " + sources + " source(s)",
                firstSeen, firstSeen, 1);
    }

    private static EventMember member(Report r, EventLocation loc, Event e, List<Claim> claims, String copyOf) {
        Extraction x = new Extraction(e.type(), e.subType(), List.of(), e.actors(), e.fatalities(), List.of(), e.time(), loc, 0.8);
        return new EventMember(new AnalyzedReport(r, loc == null ? Geoparse.NONE : new Geoparse(List.of(), loc), x, claims),
                new ClusterDecision(e.id(), copyOf == null ? 0.7 : 0.95,
                        List.of(copyOf == null ? "same place and hour" : "near-identical text: a copy"), copyOf));
    }
}
