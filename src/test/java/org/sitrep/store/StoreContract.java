package org.sitrep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventCandidate;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;

/**
 * The behaviour every {@link Store} must have, run against each implementation (SqliteStoreIT,
 * PostgresStoreIT) so that the embedded and the server store cannot drift apart. Each test gets a
 * fresh, empty store from {@link #newStore()}.
 */
public abstract class StoreContract {
    public static final Instant T0 = Instant.parse("2026-03-10T08:00:00Z");
    public static final GeoPoint IDLIB = new GeoPoint(35.9306, 36.6339);
    public static final GeoPoint SARMADA = new GeoPoint(36.1864, 36.7183);
    public static final GeoPoint KHARKIV = new GeoPoint(49.9935, 36.2304);

    protected Store store;

    /** A fresh, empty store; closed after each test. */
    protected abstract Store newStore();

    @BeforeEach void open() { store = newStore(); }

    @AfterEach void close() { if (store != null) store.close(); }

    // ------------------------------------------------------------------ fixtures

    public static Report report(String source, String externalId, String url, String title, String text, Instant published) {
        return new Report(null, source, externalId, url, title, text, null, published, published.plusSeconds(30), List.of(), null);
    }

    protected Report add(String source, String externalId, String title, String text, Instant published) {
        Store.AddResult r = store.addReport(report(source, externalId, null, title, text, published));
        assertTrue(r.created(), () -> "expected a new report, got duplicate: " + r.duplicateReason());
        return r.report();
    }

    public static EventLocation at(GeoPoint p, String name) {
        return new EventLocation(p, LocationPrecision.EXACT, name, null, "SY", "test");
    }

    public static EventMember member(Report r, EventLocation loc, String type, String subType) {
        TimeWindow time = TimeWindow.at(r.publishedAt(), TimePrecision.EXACT);
        Extraction ex = new Extraction(type, subType, List.of("shelling"), List.of(), Fatalities.UNKNOWN, List.of(), time, loc, 0.8);
        return new EventMember(new AnalyzedReport(r, Geoparse.NONE, ex, List.of()), ClusterDecision.newEvent("first report"));
    }

    public static Event event(String id, long version, String title, EventLocation loc, Instant start, Instant end,
                                 String type, String subType, EventState state, List<String> reportIds) {
        return new Event(id, title, title + " summary", loc, new TimeWindow(start, end, TimePrecision.EXACT), type, subType,
                List.of(new Actor("Syrian Arab Army", "state_forces", "sy-gov", "actor1")), Fatalities.killed(2, "two killed"),
                reportIds, List.of(), state, 1, 3, "one source", start, start, version);
    }

    /** Stores a report and a one-report event made of it; returns the event. */
    protected Event newEvent(String id, String title, String text, EventLocation loc, Instant start, Instant end,
                             String type, String subType, EventState state) {
        Report r = add("src:" + id, id, title, text, start);
        Event e = event(id, 1, title, loc, start, end, type, subType, state, List.of(r.id()));
        store.commitEvent(e, List.of(member(r, loc, type, subType)));
        return e;
    }

    private static Source source(String id, char grade) {
        return new Source(id, "Source " + id, "rss", "https://example.org/" + id + ".xml", "en", "SY", grade, Duration.ofMinutes(5), false);
    }

    private List<String> ids(List<Event> events) { return events.stream().map(Event::id).toList(); }

    private List<String> search(EventQuery q) { return ids(store.searchEvents(q).items()); }

    private static EventQuery query() { return EventQuery.all(100); }

    private static EventQuery bbox(BoundingBox b) { return new EventQuery(b, null, null, null, null, null, null, 100, null); }

    private static EventQuery text(String t) { return new EventQuery(null, null, null, null, t, null, null, 100, null); }

    // ------------------------------------------------------------------ sources

    @Test void sourcesAreSavedUpdatedListedAndRemoved() {
        assertTrue(store.sources().isEmpty());
        store.saveSource(source("rss:b", 'B'));
        store.saveSource(source("rss:a", 'C'));
        assertEquals(List.of("rss:a", "rss:b"), store.sources().stream().map(Source::id).toList(), "listed by id");
        assertEquals(source("rss:b", 'B'), store.source("rss:b").orElseThrow(), "every field survives the round trip");
        store.saveSource(source("rss:b", 'A'));
        assertEquals('A', store.source("rss:b").orElseThrow().reliability(), "saving again updates");
        assertEquals(2, store.sources().size());
        assertTrue(store.removeSource("rss:b"));
        assertFalse(store.removeSource("rss:b"), "removing twice reports nothing removed");
        assertTrue(store.source("rss:b").isEmpty());
        assertEquals(1, store.stats().sources());
    }

    // ------------------------------------------------------------------ reports

    @Test void reportRoundTripKeepsEveryField() {
        Report in = new Report(null, "tg:x", "42", "https://t.me/x/42", "Заголовок", "Текст о Харкові", "uk",
                T0, T0.plusSeconds(5), List.of("https://t.me/x/42.jpg"), KHARKIV);
        Store.AddResult r = store.addReport(in);
        assertTrue(r.created());
        assertNull(r.duplicateReason());
        assertEquals(Ids.reportId(in), r.report().id(), "the id is derived from what identifies the report");
        assertEquals(in.withId(r.report().id()), store.report(r.report().id()).orElseThrow());
        assertTrue(store.report("r-none").isEmpty());
        assertTrue(store.member(r.report().id()).isEmpty(), "no analysis before it joins an event");
    }

    @Test void sameSourceAndExternalIdIsStoredOnce() {
        Report first = store.addReport(report("rss:a", "guid-1", null, "Shelling", "Text one", T0)).report();
        Store.AddResult again = store.addReport(report("rss:a", "guid-1", null, "Shelling (updated)", "Other text", T0.plusSeconds(60)));
        assertFalse(again.created());
        assertEquals(first.id(), again.report().id());
        assertEquals("Shelling", again.report().title(), "the stored report is returned, not the new copy");
        assertTrue(again.duplicateReason().contains("external id"), again.duplicateReason());
        assertTrue(store.addReport(report("rss:b", "guid-1", null, "Shelling", "Text two", T0)).created(),
                "the same external id from another source is another report");
        assertEquals(2, store.stats().reports());
    }

    @Test void sameUrlIsStoredOnceAcrossSources() {
        store.addReport(report("rss:a", "1", "https://news.example/a/1", "Title", "Text", T0));
        Store.AddResult again = store.addReport(report("web:b", "other", "https://news.example/a/1", "Title 2", "Text 2", T0));
        assertFalse(again.created());
        assertTrue(again.duplicateReason().contains("URL"), again.duplicateReason());
    }

    @Test void sameContentFromTheSameSourceIsStoredOnce() {
        store.addReport(report("push:a", null, null, "Airstrike on market", "Several killed  in  Sarmada", T0));
        Store.AddResult again = store.addReport(report("push:a", null, null, "AIRSTRIKE on market", "several killed in sarmada", T0.plusSeconds(9)));
        assertFalse(again.created(), "case and spacing differences are the same content");
        assertTrue(again.duplicateReason().contains("content"), again.duplicateReason());
        assertTrue(store.addReport(report("push:b", null, null, "Airstrike on market", "Several killed in Sarmada", T0)).created(),
                "another source saying the same is another report (corroboration, or a copy the clusterer marks)");
    }

    @Test void reportsAreSearchedByTextSourceAndTimeWithPaging() {
        for (int i = 0; i < 7; i++) {
            add(i % 2 == 0 ? "rss:even" : "rss:odd", "n" + i, "Report " + i, i == 3 ? "Shelling near Saraqib" : "Quiet day", T0.plusSeconds(i * 3600L));
        }
        assertEquals(List.of("Report 3"), store.searchReports(new ReportQuery("saraq", null, null, null, 10, null)).items().stream().map(Report::title).toList());
        assertEquals(4, store.searchReports(new ReportQuery(null, "rss:even", null, null, 10, null)).items().size());
        List<Report> window = store.searchReports(new ReportQuery(null, null, T0.plusSeconds(3600), T0.plusSeconds(3 * 3600), 10, null)).items();
        assertEquals(List.of("Report 2", "Report 1"), window.stream().map(Report::title).toList(), "newest first, [from, to)");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Store.Page<Report> p = store.searchReports(new ReportQuery(null, null, null, null, 3, cursor));
            p.items().forEach(r -> seen.add(r.title()));
            cursor = p.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(List.of("Report 6", "Report 5", "Report 4", "Report 3", "Report 2", "Report 1", "Report 0"), seen);
    }

    @Test void unattachedReportsAreThoseNotYetInAnEvent() {
        Report a = add("rss:a", "1", "A", "text a", T0);
        Report b = add("rss:a", "2", "B", "text b", T0.plusSeconds(1));
        assertEquals(List.of(a.id(), b.id()), store.unattachedReports(10).stream().map(Report::id).toList(), "oldest stored first");
        assertEquals(1, store.unattachedReports(1).size(), "limit applies");
        store.commitEvent(event("e1", 1, "A", null, T0, T0, Event.UNCLASSIFIED, null, EventState.PENDING, List.of(a.id())),
                List.of(member(a, null, Event.UNCLASSIFIED, null)));
        assertEquals(List.of(b.id()), store.unattachedReports(10).stream().map(Report::id).toList());
    }

    // ------------------------------------------------------------------ events

    @Test void eventRoundTripWithMembersAndTheirAnalysis() {
        Event e = newEvent("e1", "Shelling of Sarmada", "Artillery hit Sarmada", at(SARMADA, "Sarmada"), T0, T0.plusSeconds(600),
                "Explosions/Remote violence", "Shelling/artillery/missile attack", EventState.PENDING);
        assertEquals(e, store.event("e1").orElseThrow(), "every field survives the round trip");
        List<EventMember> members = store.members("e1");
        assertEquals(1, members.size());
        assertEquals(e.reportIds().get(0), members.get(0).report().report().id());
        assertEquals(members.get(0), store.member(e.reportIds().get(0)).orElseThrow());
        assertEquals("Shelling/artillery/missile attack", members.get(0).report().extraction().subType());
        assertTrue(store.event("none").isEmpty());
        assertTrue(store.members("none").isEmpty());
        assertEquals(new Store.Stats(0, 1, 1, 1), store.stats());
    }

    @Test void membersAreListedOldestFirstAcrossUpdates() {
        Report late = add("rss:a", "late", "Late", "second", T0.plusSeconds(600));
        Report early = add("rss:b", "early", "Early", "first", T0);
        store.commitEvent(event("e1", 1, "x", null, T0, T0, Event.UNCLASSIFIED, null, EventState.PENDING, List.of(late.id())),
                List.of(member(late, null, Event.UNCLASSIFIED, null)));
        store.commitEvent(event("e1", 2, "x", null, T0, T0, Event.UNCLASSIFIED, null, EventState.PENDING, List.of(early.id(), late.id())),
                List.of(member(early, null, Event.UNCLASSIFIED, null)));
        assertEquals(List.of(early.id(), late.id()), store.members("e1").stream().map(m -> m.report().report().id()).toList());
    }

    @Test void updatesMustBeBasedOnTheStoredVersion() {
        Event e = newEvent("e1", "Clash", "Clash near Idlib", at(IDLIB, "Idlib"), T0, T0, "Battles", "Armed clash", EventState.PENDING);
        Event v2 = event("e1", 2, "Clash (2)", e.location(), T0, T0, "Battles", "Armed clash", EventState.CORROBORATED, e.reportIds());
        store.commitEvent(v2, List.of());
        assertEquals("Clash (2)", store.event("e1").orElseThrow().title());
        assertThrows(Store.ConflictException.class, () -> store.commitEvent(v2, List.of()), "a second writer with the same base version loses");
        Event v4 = event("e1", 4, "Clash (4)", e.location(), T0, T0, "Battles", "Armed clash", EventState.CORROBORATED, e.reportIds());
        assertThrows(Store.ConflictException.class, () -> store.commitEvent(v4, List.of()), "versions cannot be skipped");
        assertEquals(2, store.event("e1").orElseThrow().version());
    }

    @Test void aFailedCommitLeavesNothingBehind() {
        Report r = add("rss:a", "1", "A", "text", T0);
        Report unknown = report("rss:a", "never-stored", null, "B", "text b", T0).withId("rUNKNOWN");
        long before = store.lastChange();
        assertThrows(IllegalArgumentException.class, () -> store.commitEvent(
                event("e1", 1, "A", null, T0, T0, Event.UNCLASSIFIED, null, EventState.PENDING, List.of(r.id(), unknown.id())),
                List.of(member(r, null, Event.UNCLASSIFIED, null), member(unknown, null, Event.UNCLASSIFIED, null))));
        assertTrue(store.event("e1").isEmpty());
        assertTrue(store.member(r.id()).isEmpty(), "the stored report was not attached");
        assertEquals(before, store.lastChange(), "no change was logged");
    }

    @Test void deleteRequiresMovedReportsAndIsLogged() {
        Event a = newEvent("ea", "A", "text a", at(IDLIB, "Idlib"), T0, T0, "Battles", null, EventState.PENDING);
        Event b = newEvent("eb", "B", "text b", at(IDLIB, "Idlib"), T0, T0, "Battles", null, EventState.PENDING);
        assertThrows(IllegalStateException.class, () -> store.deleteEvent("eb"), "it still has its report");
        Report moved = store.report(b.reportIds().get(0)).orElseThrow();
        List<String> merged = List.of(a.reportIds().get(0), moved.id());
        store.commitEvent(event("ea", 2, "A", a.location(), T0, T0, "Battles", null, EventState.CORROBORATED, merged),
                List.of(member(moved, a.location(), "Battles", null)));
        long before = store.lastChange();
        store.deleteEvent("eb");
        assertTrue(store.event("eb").isEmpty());
        store.deleteEvent("eb");
        assertEquals(before + 1, store.lastChange(), "deleting a missing event logs nothing");
        List<Store.Change> log = store.changesSince(0, 100);
        assertEquals(List.of("ea:created:1", "eb:created:1", "ea:updated:2", "eb:deleted:2"),
                log.stream().map(c -> c.eventId() + ":" + c.kind() + ":" + c.version()).toList());
        for (int i = 1; i < log.size(); i++) assertTrue(log.get(i).sequence() > log.get(i - 1).sequence());
        assertEquals(log.get(3).sequence(), store.lastChange());
        assertEquals(log.subList(2, 3), store.changesSince(log.get(1).sequence(), 1), "changesSince pages by sequence");
        assertTrue(store.changesSince(store.lastChange(), 10).isEmpty());
        assertEquals(1, store.searchEvents(query()).items().size(), "the deleted event is no longer found");
        assertEquals(List.of("ea"), search(text("text b")),
                "its text index entry is gone; the moved report's text is found on the event it joined");
    }

    // ------------------------------------------------------------------ searching events

    private void corpus() {
        newEvent("sarmada", "Airstrike on Sarmada market", "Warplanes struck the market", at(SARMADA, "Sarmada"),
                T0, T0.plusSeconds(3600), "Explosions/Remote violence", "Air/drone strike", EventState.CORROBORATED);
        newEvent("idlib", "Shelling in Idlib city", "قصف مدفعي على مدينة إدلب", at(IDLIB, "Idlib"),
                T0.plusSeconds(7200), T0.plusSeconds(7200), "Explosions/Remote violence", "Shelling/artillery/missile attack", EventState.PENDING);
        newEvent("kharkiv", "Обстріл Харкова", "Ракетний удар по Харкову, є загиблі", at(KHARKIV, "Kharkiv"),
                T0.plusSeconds(86_400), T0.plusSeconds(86_400 + 1800), "Explosions/Remote violence", "Shelling/artillery/missile attack",
                EventState.VERIFIED);
        newEvent("protest", "Protest in a town", "Crowds gathered; no place was named", null,
                T0.plusSeconds(3 * 86_400), T0.plusSeconds(3 * 86_400), "Protests", "Peaceful protest", EventState.PENDING);
    }

    @Test void searchByBoundingBox() {
        corpus();
        assertEquals(Set.of("sarmada", "idlib"), Set.copyOf(search(bbox(new BoundingBox(36.0, 35.0, 37.5, 37.0)))));
        assertEquals(List.of("sarmada"), search(bbox(new BoundingBox(36.7, 36.1, 36.8, 36.2))));
        assertEquals(List.of("kharkiv"), search(bbox(new BoundingBox(30, 45, 40, 55))));
        assertTrue(search(bbox(new BoundingBox(-10, -10, 10, 10))).isEmpty());
        assertEquals(List.of("sarmada"), search(bbox(new BoundingBox(36.7183, 36.1864, 36.7183, 36.1864))), "a box that is the point itself");
    }

    @Test void searchByTimeOverlap() {
        corpus();
        // sarmada spans [T0, T0+1h]; idlib is at T0+2h
        assertEquals(List.of("sarmada"), search(new EventQuery(null, T0.plusSeconds(1800), T0.plusSeconds(5400), null, null, null, null, 100, null)),
                "an event overlapping the start of the range is found");
        assertEquals(List.of("idlib", "sarmada"), search(new EventQuery(null, T0.minusSeconds(60), T0.plusSeconds(7201), null, null, null, null, 100, null)),
                "newest first");
        assertEquals(List.of("sarmada"), search(new EventQuery(null, null, T0.plusSeconds(7200), null, null, null, null, 100, null)),
                "the range end is exclusive");
        assertEquals(List.of("protest", "kharkiv"), search(new EventQuery(null, T0.plusSeconds(86_400), null, null, null, null, null, 100, null)));
    }

    @Test void searchByTypeOrSubType() {
        corpus();
        assertEquals(Set.of("protest"), Set.copyOf(search(new EventQuery(null, null, null, Set.of("Protests"), null, null, null, 100, null))));
        assertEquals(Set.of("idlib", "kharkiv"),
                Set.copyOf(search(new EventQuery(null, null, null, Set.of("Shelling/artillery/missile attack"), null, null, null, 100, null))),
                "a sub-type selects too");
        assertEquals(Set.of("sarmada", "protest"),
                Set.copyOf(search(new EventQuery(null, null, null, Set.of("Air/drone strike", "Protests"), null, null, null, 100, null))));
        assertTrue(search(new EventQuery(null, null, null, Set.of("Riots"), null, null, null, 100, null)).isEmpty());
    }

    @Test void searchByFreeTextInSeveralScripts() {
        corpus();
        assertEquals(List.of("sarmada"), search(text("sarmada")), "case-insensitive");
        assertEquals(List.of("sarmada"), search(text("Sarm")), "word prefixes match");
        assertEquals(List.of("sarmada"), search(text("market warplanes")), "every word must occur, in any order");
        assertTrue(search(text("market Kharkiv")).isEmpty());
        assertEquals(List.of("idlib"), search(text("إدلب")), "Arabic words");
        assertEquals(List.of("idlib"), search(text("مدفعي")));
        assertEquals(List.of("kharkiv"), search(text("харкову")), "Cyrillic, other case");
        assertEquals(List.of("kharkiv"), search(text("ХАРК")), "Cyrillic prefix");
        assertEquals(List.of("kharkiv"), search(text("kharkiv")), "the place name is searchable");
        assertEquals(List.of("idlib"), search(text("Syrian Arab Army shelling idlib")), "actors are searchable");
        assertTrue(search(text("\"unbalanced (quote* OR NEAR")).isEmpty(), "query syntax never leaks through");
        assertTrue(search(text("'; DROP TABLE events; --")).isEmpty());
        assertEquals(4, store.searchEvents(query()).items().size(), "the store survived");
    }

    @Test void searchByStateAndLocated() {
        corpus();
        assertEquals(Set.of("idlib", "protest"), Set.copyOf(search(new EventQuery(null, null, null, null, null, Set.of(EventState.PENDING), null, 100, null))));
        assertEquals(Set.of("kharkiv", "sarmada"),
                Set.copyOf(search(new EventQuery(null, null, null, null, null, Set.of(EventState.VERIFIED, EventState.CORROBORATED), null, 100, null))));
        assertEquals(List.of("protest"), search(new EventQuery(null, null, null, null, null, null, false, 100, null)));
        assertEquals(3, search(new EventQuery(null, null, null, null, null, null, true, 100, null)).size());
        assertEquals(List.of("idlib"), search(new EventQuery(new BoundingBox(30, 30, 40, 40), null, null,
                Set.of("Explosions/Remote violence"), "shelling", Set.of(EventState.PENDING), true, 100, null)), "filters combine");
    }

    @Test void cursorPagingVisitsEveryEventOnceEvenWithEqualTimes() {
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            Instant t = T0.plusSeconds((i / 4) * 60L); // groups of four share a start time
            newEvent("p" + i, "Event " + i, "paged text", i % 5 == 0 ? null : at(IDLIB, "Idlib"), t, t, "Battles", null, EventState.PENDING);
            expected.add("p" + i);
        }
        for (EventQuery q : List.of(new EventQuery(null, null, null, null, null, null, null, 5, null),
                new EventQuery(null, null, null, null, "paged", null, null, 4, null),
                new EventQuery(null, null, null, null, null, null, true, 3, null))) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            Instant previous = Instant.MAX;
            do {
                Store.Page<Event> page = store.searchEvents(q.withCursor(cursor));
                assertTrue(page.items().size() <= q.limit());
                for (Event e : page.items()) {
                    assertFalse(e.time().start().isAfter(previous), "newest first across pages");
                    previous = e.time().start();
                    seen.add(e.id());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no event twice: " + seen);
            Set<String> want = q.located() != null ? Set.copyOf(expected.stream().filter(id -> Integer.parseInt(id.substring(1)) % 5 != 0).toList()) : expected;
            assertEquals(want, Set.copyOf(seen));
        }
        assertThrows(IllegalArgumentException.class, () -> store.searchEvents(query().withCursor("not a cursor!")));
    }

    // ------------------------------------------------------------------ clustering support

    @Test void candidatesByTimeAndRadiusIncludeUnlocated() {
        corpus();
        newEvent("near", "Near Sarmada", "x", at(new GeoPoint(36.2, 36.73), "near"), T0, T0, "Battles", null, EventState.PENDING);
        // inside the lat/lon box around Sarmada but ~28 km away diagonally: outside a 20 km radius
        newEvent("corner", "Corner", "x", at(new GeoPoint(36.1864 + 0.17, 36.7183 + 0.21), "corner"), T0, T0, "Battles", null, EventState.PENDING);
        List<EventCandidate> c = store.candidates(new CandidateQuery(T0.minusSeconds(3600), T0.plusSeconds(3 * 86_400 + 1), SARMADA, 20, 50));
        Set<String> ids = new HashSet<>(c.stream().map(x -> x.event().id()).toList());
        assertEquals(Set.of("sarmada", "near", "protest"), ids, "within 20 km or unlocated, in the time range");
        EventCandidate sarmada = c.stream().filter(x -> x.event().id().equals("sarmada")).findFirst().orElseThrow();
        assertEquals(1, sarmada.reports().size(), "candidates carry their analysed reports");
        assertEquals("Air/drone strike", sarmada.reports().get(0).extraction().subType());
        Set<String> narrow = new HashSet<>(store.candidates(new CandidateQuery(T0.plusSeconds(86_000), T0.plusSeconds(87_000), null, 0, 50))
                .stream().map(x -> x.event().id()).toList());
        assertEquals(Set.of("kharkiv"), narrow, "without a point: time only");
        assertEquals(2, store.candidates(new CandidateQuery(T0.minusSeconds(3600), T0.plusSeconds(10 * 86_400), null, 0, 2)).size(), "limit applies");
    }

    @Test void candidatesBeyondTheRadiusDoNotTakeTheLimitsPlaces() {
        // Ten events in the corners of the lat/lon box around Sarmada (~28 km away) at the middle of the time
        // window, and two events within 20 km at its edge: with a limit of 2, the two near ones come back.
        for (int i = 0; i < 10; i++) {
            newEvent("corner" + i, "Corner " + i, "x", at(new GeoPoint(36.1864 + 0.17, 36.7183 + 0.21), "corner"),
                    T0.plusSeconds(86_400), T0.plusSeconds(86_400), "Battles", null, EventState.PENDING);
        }
        newEvent("near1", "Near 1", "x", at(new GeoPoint(36.2, 36.73), "near"), T0, T0, "Battles", null, EventState.PENDING);
        newEvent("near2", "Near 2", "x", at(new GeoPoint(36.19, 36.72), "near"), T0.plusSeconds(2 * 86_400), T0.plusSeconds(2 * 86_400),
                "Battles", null, EventState.PENDING);
        newEvent("unlocated", "Unlocated", "x", null, T0.plusSeconds(86_400), T0.plusSeconds(86_400), "Protests", null, EventState.PENDING);
        List<EventCandidate> c = store.candidates(new CandidateQuery(T0.minusSeconds(3600), T0.plusSeconds(2 * 86_400 + 3600), SARMADA, 20, 2));
        assertEquals(Set.of("near1", "near2"), new HashSet<>(c.stream().map(x -> x.event().id()).toList()),
                "located events within the radius first, whatever lies in the box's corners");
    }

    @Test void candidatesAlsoComeFromATextSearchWhereverTheyAreLocated() {
        corpus();
        // Near Sarmada only "sarmada" and the unlocated "protest"; the text search adds Idlib (two words
        // match) but not Kharkiv (no word matches), and nothing outside the time window.
        var q = new CandidateQuery(T0.minusSeconds(3600), T0.plusSeconds(3 * 86_400 + 1), SARMADA, 5, 50,
                List.of("shelling", "idlib", "warplanes"), 5);
        Set<String> ids = new HashSet<>(store.candidates(q).stream().map(x -> x.event().id()).toList());
        assertEquals(Set.of("sarmada", "protest", "idlib"), ids);
        var oneWord = new CandidateQuery(q.from(), q.to(), SARMADA, 5, 50, List.of("shelling", "nothing"), 5);
        assertEquals(Set.of("sarmada", "protest"), new HashSet<>(store.candidates(oneWord).stream().map(x -> x.event().id()).toList()),
                "one of two terms is not enough");
        var early = new CandidateQuery(T0.minusSeconds(7200), T0.minusSeconds(3600), SARMADA, 5, 50, List.of("shelling", "idlib"), 5);
        assertEquals(List.of(), store.candidates(early), "the time window applies to text matches too");
    }

    @Test void timelineCountsPerBucketAndType() {
        corpus();
        newEvent("later", "Later strike", "x", at(IDLIB, "Idlib"), T0.plusSeconds(7300), T0.plusSeconds(7300),
                "Explosions/Remote violence", null, EventState.PENDING);
        List<Store.TimelineBucket> hours = store.timeline(query(), Store.Granularity.HOUR);
        assertEquals(List.of(
                new Store.TimelineBucket(T0, "Explosions/Remote violence", 1),
                new Store.TimelineBucket(T0.plusSeconds(7200), "Explosions/Remote violence", 2),
                new Store.TimelineBucket(T0.plusSeconds(86_400), "Explosions/Remote violence", 1),
                new Store.TimelineBucket(T0.plusSeconds(3 * 86_400), "Protests", 1)), hours);
        List<Store.TimelineBucket> days = store.timeline(new EventQuery(null, null, null, Set.of("Explosions/Remote violence"), null, null, null, 100, null),
                Store.Granularity.DAY);
        Instant day0 = Instant.parse("2026-03-10T00:00:00Z");
        assertEquals(List.of(new Store.TimelineBucket(day0, "Explosions/Remote violence", 3),
                new Store.TimelineBucket(day0.plusSeconds(86_400), "Explosions/Remote violence", 1)), days, "filters apply");
    }

    // ------------------------------------------------------------------ waves

    private static org.sitrep.model.Wave wave(String id, List<String> events, Instant start, Instant end) {
        return new org.sitrep.model.Wave(id, "type", events, events.stream().map(e -> "r-" + e).toList(), List.of("Idlib"),
                start, end, 0.7, "same type in several towns at once");
    }

    @Test void wavesAreUpsertedAndFoundByTimeAndMember() {
        store.saveWave(wave("w1", List.of("e1", "e2"), T0, T0.plusSeconds(600)));
        store.saveWave(wave("w2", List.of("e3"), T0.plusSeconds(86_400), T0.plusSeconds(90_000)));
        org.sitrep.model.Wave grown = wave("w1", List.of("e1", "e2", "e4"), T0, T0.plusSeconds(1200));
        store.saveWave(grown);
        assertEquals(List.of("w2", "w1"), store.waves(null, null, 10).stream().map(org.sitrep.model.Wave::id).toList(), "newest first, once each");
        assertEquals(grown, store.waves(null, T0.plusSeconds(3600), 10).get(0), "a grown wave replaces the old one");
        assertEquals(List.of("w2"), store.waves(T0.plusSeconds(3600), null, 10).stream().map(org.sitrep.model.Wave::id).toList());
        assertEquals(1, store.waves(null, null, 1).size());
        assertEquals(List.of("w1"), store.wavesOf("e4").stream().map(org.sitrep.model.Wave::id).toList());
        assertEquals(List.of("w1"), store.wavesOf("e1").stream().map(org.sitrep.model.Wave::id).toList());
        assertTrue(store.wavesOf("e9").isEmpty());
    }

    // ------------------------------------------------------------------ transactions and locks

    @Test void inTransactionCommitsTogetherOrNotAtAll() {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.saveSource(source("rss:t", 'B'));
            store.addReport(report("rss:t", "1", null, "T", "inside", T0));
            assertTrue(store.source("rss:t").isPresent(), "a transaction reads its own writes");
            throw new IllegalStateException("fetch failed half way");
        }));
        assertTrue(store.source("rss:t").isEmpty(), "rolled back");
        assertEquals(0, store.stats().reports());
        assertTrue(store.addReport(report("rss:t", "1", null, "T", "inside", T0)).created(), "the rolled back report can be added again");

        String id = store.inTransaction(() -> {
            store.saveSource(source("rss:u", 'C'));
            return store.inTransaction(() -> store.addReport(report("rss:u", "1", null, "U", "nested", T0)).report().id());
        });
        assertTrue(store.source("rss:u").isPresent());
        assertTrue(store.report(id).isPresent(), "nested transactions join the outer one");
    }

    @Test void exclusiveRunsOneAtATimePerKey() throws Exception {
        AtomicInteger inside = new AtomicInteger(), maxInside = new AtomicInteger();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int sum = 0;
                    for (int i = 0; i < 5; i++) {
                        sum += store.exclusive("cluster", () -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(2);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            inside.decrementAndGet();
                            return 1;
                        });
                    }
                    return sum;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) total += f.get();
            assertEquals(threads * 5, total, "each call returns its work's result");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, maxInside.get(), "never two holders of one key at once");
        assertEquals("x", store.exclusive("a", () -> store.exclusive("b", () -> "x")), "locks nest");
        assertThrows(IllegalStateException.class, () -> store.exclusive("a", () -> { throw new IllegalStateException("boom"); }));
        assertEquals(7, store.exclusive("a", () -> 7), "a failed holder released the lock");
    }

    @Test void statsCountWhatIsStored() {
        corpus();
        store.saveSource(source("rss:a", 'B'));
        assertNotNull(store.stats());
        assertEquals(new Store.Stats(1, 4, 4, 3), store.stats());
    }
}
