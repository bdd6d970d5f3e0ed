package org.sitrep.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sitrep.claims.AttributedClaimExtractor;
import org.sitrep.claims.StanceClassifier;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.pipeline.Grade;

/** Runs the real claim extractor on written reports, then grades. */
class AdmiraltyGraderTest {
    private static final Instant T = Instant.parse("2026-11-24T06:00:00Z");
    private static final Extraction STRIKE = new Extraction("Explosions/Remote violence", "Drone strike",
            List.of("drones"), List.of(), null, List.of("drone"), null, null, 0.8);
    private final AttributedClaimExtractor claims = new AttributedClaimExtractor();
    private final AdmiraltyGrader grader = new AdmiraltyGrader();
    private final Map<String, Source> sources = Map.of(
            "wire", source("wire", "Wire Agency", 'A'),
            "paper", source("paper", "Daily Paper", 'B'),
            "blog", source("blog", "Some Blog", 'F'),
            "tv", source("tv", "TV News", 'C'),
            "dubious", source("dubious", "Dubious Site", 'E'));
    private int next;

    private static Source source(String id, String name, char grade) {
        return new Source(id, name, "rss", null, "en", null, grade, null, false);
    }

    private EventMember member(String sourceId, String text, String copyOf) {
        Report r = new Report("r" + (++next), sourceId, "x" + next, null, "Drones hit air base", text, "en", T, null, null, null);
        AnalyzedReport a = new AnalyzedReport(r, Geoparse.NONE, STRIKE, claims.claims(r, STRIKE));
        return new EventMember(a, new ClusterDecision(null, 1, List.of(), copyOf));
    }

    private Grade grade(EventMember... members) {
        List<EventMember> ms = List.of(members);
        List<String> ids = new ArrayList<>();
        for (EventMember m : ms) ids.add(m.report().report().id());
        Event draft = new Event("e1", "Drones hit air base", "", null, TimeWindow.at(T, TimePrecision.DAY), null, null,
                List.of(), null, ids, List.of(), EventState.PENDING, 0, 6, "", T, T, 1);
        return grader.grade(draft, ms, sources);
    }

    @Test
    void threeIndependentSourcesOneReliableConfirm() {
        Grade g = grade(member("wire", "Three drones struck the air base overnight.", null),
                member("paper", "Drones struck the air base.", null),
                member("blog", "An air base was hit by drones.", null));
        assertEquals(1, g.credibility(), g.reason());
        assertEquals(EventState.CORROBORATED, g.state());
        assertTrue(g.reason().contains("3 independent sources"), g.reason());
    }

    @Test
    void copiesDoNotCorroborate() {
        EventMember original = member("blog", "Drones struck the air base.", null);
        Grade g = grade(original, member("tv", "Drones struck the air base.", "r1"), member("paper", "Drones struck the air base.", "r1"));
        assertEquals(6, g.credibility(), g.reason());
        assertEquals(EventState.PENDING, g.state());
        assertTrue(g.reason().contains("2 copies not counted"), g.reason());
    }

    @Test
    void twoSourcesProbablyTrueOneSourceGradedByReliability() {
        assertEquals(2, grade(member("tv", "Drones struck the air base.", null), member("blog", "Drones hit it.", null)).credibility());
        assertEquals(3, grade(member("wire", "Drones struck the air base.", null)).credibility());
        assertEquals(4, grade(member("dubious", "Drones struck the air base.", null)).credibility());
    }

    @Test
    void supportAndDenialFromIndependentPartiesIsDisputed() {
        Grade g = grade(member("wire", "The defence minister said three drones attacked the air base overnight. "
                + "The Ukrainian government rejected the reports as false.", null));
        assertEquals(EventState.DISPUTED, g.state(), g.reason());
        assertEquals(4, g.credibility(), g.reason());
        assertTrue(g.reason().contains("denied by The Ukrainian government"), g.reason());
    }

    @Test
    void wellCorroboratedEventDeniedByOnePartyStaysPossible() {
        Grade g = grade(member("wire", "Drones struck the air base, the governor said.", null),
                member("paper", "Drones struck the air base.", null),
                member("tv", "Drones hit the base. The ministry denied the attack took place.", null));
        assertEquals(EventState.DISPUTED, g.state(), g.reason());
        assertEquals(3, g.credibility(), g.reason());
    }

    @Test
    void aChannelCarryingOnlyADenialDoesNotSupportTheEvent() {
        Grade g = grade(member("wire", "The defence ministry said five drones attacked the air base overnight.", null),
                member("paper", "Drones struck the air base, the governor said.", null),
                member("blog", "The group's spokesman confirmed that its fighters did not launch any drone toward the base.", null));
        assertEquals(EventState.DISPUTED, g.state(), g.reason());
        assertTrue(g.reason().contains("denied by The group's spokesman"), g.reason());
        String supported = g.reason().substring(g.reason().indexOf("supported by"), g.reason().indexOf("denied by"));
        assertTrue(!supported.contains("Some Blog"), "the channel relays the denial: " + g.reason());
    }

    @Test
    void aGovernmentAndItsMinistryDenyingAreOneParty() {
        java.util.Set<String> side = new java.util.LinkedHashSet<>(List.of("turkey", "turkey s foreign ministry", "levant wire"));
        AdmiraltyGrader.foldOrgans(side);
        assertEquals(java.util.Set.of("turkey", "levant wire"), side);
        // without the party itself, its organ stays
        java.util.Set<String> alone = new java.util.LinkedHashSet<>(List.of("turkey s foreign ministry", "the army"));
        AdmiraltyGrader.foldOrgans(alone);
        assertEquals(2, alone.size());
        Grade g = grade(member("wire", "The defence ministry said on Saturday that drones destroyed an arms convoy near the crossing.", null),
                member("paper", "Turkey denied that drones destroyed an arms convoy. Turkey's foreign ministry on Saturday rejected as "
                        + "false the claim that the convoy carried arms.", null));
        assertEquals(EventState.DISPUTED, g.state(), g.reason());
        assertEquals(4, g.credibility(), "one party denies, one supports: doubtful, not improbable: " + g.reason());
        assertTrue(!g.reason().contains("on Saturday"), g.reason());
        assertTrue(g.reason().contains("denied by Turkey;"), "the ministry is Turkey's voice, not a second party: " + g.reason());
    }

    @Test
    void anOutletRelayingANamedDenialIsNotItselfADenier() {
        List<org.sitrep.model.Claim> relayed = claims.claims(new Report("x", "paper", "x", null, "Turkey rejects claim",
                "Turkey's foreign ministry rejected as false the claim that drones hit an arms convoy.", "en", T, null, null, null), STRIKE);
        assertTrue(AdmiraltyGrader.relaysNamedDenial(relayed, "daily paper"), relayed.toString());
        List<org.sitrep.model.Claim> none = claims.claims(new Report("y", "paper", "y", null, "Claim is false",
                "Drones hit the convoy, witnesses said.", "en", T, null, null, null), STRIKE);
        assertTrue(!AdmiraltyGrader.relaysNamedDenial(none, "daily paper"), none.toString());
    }

    @Test
    void denialsOutnumberingSupportAreImprobable() {
        Grade g = grade(member("blog", "The army denied the drone attack. The governor denied the attack took place. "
                + "The mayor also denied any strike.", null));
        assertEquals(5, g.credibility(), g.reason());
    }

    @Test
    void headlineThatDeniesTheEventCountsAsADenialWhenAStanceModelIsGiven() {
        EventMember a = member("wire", "Drones struck the air base.", null);
        EventMember b = member("paper", "Photos of the strike were taken years ago.", null);
        Report r = b.report().report();
        Report denying = new Report(r.id(), r.sourceId(), r.externalId(), null, "Air base drone strike is a hoax, photos are fake",
                r.text(), "en", T, null, null, null);
        EventMember b2 = new EventMember(new AnalyzedReport(denying, Geoparse.NONE, STRIKE, List.of()), b.decision());
        List<String> ids = List.of(a.report().report().id(), denying.id());
        Event draft = new Event("e1", "Drones hit air base", "", null, TimeWindow.at(T, TimePrecision.DAY), null, null,
                List.of(), null, ids, List.of(), EventState.PENDING, 0, 6, "", T, T, 1);
        Grade without = grader.grade(draft, List.of(a, b2), sources);
        assertEquals(EventState.CORROBORATED, without.state(), without.reason());
        Grade with = new AdmiraltyGrader(StanceClassifier.load()).grade(draft, List.of(a, b2), sources);
        assertEquals(EventState.DISPUTED, with.state(), with.reason());
        assertTrue(with.reason().contains("denied by Daily Paper"), with.reason());
    }

    @Test
    void responsibilityIsExplainedButDoesNotDispute() {
        Grade g = grade(member("wire", "The group claimed responsibility for the drone attack. "
                + "The militia denied any involvement in the attack.", null),
                member("paper", "Drones struck the air base.", null));
        assertEquals(EventState.CORROBORATED, g.state(), g.reason());
        assertTrue(g.reason().contains("Responsibility: claimed by The group; denied by The militia"), g.reason());
    }
}
