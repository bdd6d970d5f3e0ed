package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests in the style of wire copy; none comes from an evaluation corpus. */
class AttributionExtractorTest {
    private final AttributionExtractor x = new AttributionExtractor();

    private static String src(String t, Attribution a) { return a.source() == null ? null : a.source().text(t); }

    private static String content(String t, Attribution a) { return a.contentExtent().text(t); }

    private static Attribution only(String t, List<Attribution> found) {
        assertEquals(1, found.size(), () -> "expected one attribution in: " + t + " but got " + describe(t, found));
        return found.get(0);
    }

    private static String describe(String t, List<Attribution> found) {
        StringBuilder b = new StringBuilder();
        for (Attribution a : found) {
            b.append("[").append(src(t, a)).append(" | ").append(a.cue().text(t)).append(" | ").append(content(t, a))
                    .append(" | ").append(a.kind()).append("] ");
        }
        return b.toString();
    }

    @Test
    void ministerOnDroneAttackOnAirBase() {
        String t = "Defence Minister Ivan Petrov said three drones attacked the Millerovo air base overnight.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Defence Minister Ivan Petrov", src(t, a));
        assertEquals("said", a.cue().text(t));
        assertEquals("three drones attacked the Millerovo air base overnight", content(t, a));
        assertEquals(CueKind.ASSERT, a.kind());
    }

    @Test
    void agencyCitingMinistryRelaysTheMinistry() {
        String t = "Reuters reported, citing the defence ministry, that two drones were shot down over the border region.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("the defence ministry", src(t, a));
        assertEquals("reported, citing", a.cue().text(t));
        assertEquals(List.of("Reuters"), a.via().stream().map(s -> s.text(t)).toList());
        assertEquals("that two drones were shot down over the border region", content(t, a));
    }

    @Test
    void nestedAttributionChainsTheRelays() {
        String t = "TASS reported, citing the ministry, that a local commander said the strike killed four soldiers.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(2, found.size(), () -> describe(t, found));
        Attribution commander = found.get(1);
        assertEquals("a local commander", src(t, commander));
        assertEquals("the strike killed four soldiers", content(t, commander));
        assertEquals(List.of("TASS", "the ministry"), commander.via().stream().map(s -> s.text(t)).toList());
    }

    @Test
    void governmentRejectsReportsAsFalse() {
        String t = "The Ukrainian government rejected the reports as false.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The Ukrainian government", src(t, a));
        assertEquals(CueKind.DENY, a.kind());
        assertEquals("rejected the reports as false", a.cue().text(t));
    }

    @Test
    void groupClaimsResponsibility() {
        String t = "The Islamic State group claimed responsibility for the bombing in a statement on Telegram.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The Islamic State group", src(t, a));
        assertEquals(CueKind.CLAIM_RESPONSIBILITY, a.kind());
        assertTrue(content(t, a).startsWith("for the bombing"), content(t, a));
    }

    @Test
    void denialOfResponsibility() {
        String t = "The militia has denied any involvement in the attack on the convoy.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The militia", src(t, a));
        assertEquals("has denied any involvement", a.cue().text(t));
        assertEquals(CueKind.DENY_RESPONSIBILITY, a.kind());
    }

    @Test
    void quoteRunningOverTwoSentencesIsOneContent() {
        String t = "Residents were shaken. “We heard three explosions. Then the lights went out,” said Olena Kovalenko, a teacher.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("“We heard three explosions. Then the lights went out,”", content(t, a));
        assertEquals("Olena Kovalenko, a teacher", src(t, a));
    }

    @Test
    void quoteThenPronounAndCue() {
        String t = "“The building collapsed in seconds. Nobody could get out,” he told reporters.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("he", src(t, a));
        assertEquals("“The building collapsed in seconds. Nobody could get out,”", content(t, a));
    }

    @Test
    void contentBeforeSourceAndCue() {
        String t = "Two drones were shot down over the region, the ministry said on Tuesday.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("the ministry", src(t, a));
        assertEquals("Two drones were shot down over the region", content(t, a));
    }

    @Test
    void accordingToBeforeAndAfter() {
        String t1 = "According to the regional governor, five people were wounded.";
        Attribution a = only(t1, x.extract(t1, "en"));
        assertEquals("the regional governor", src(t1, a));
        assertEquals("five people were wounded", content(t1, a));
        String t2 = "Five people were wounded in the shelling, according to the regional governor.";
        Attribution b = only(t2, x.extract(t2, "en"));
        assertEquals("the regional governor", src(t2, b));
        assertEquals("Five people were wounded in the shelling", content(t2, b));
    }

    @Test
    void interruptedContentHasTwoFragments() {
        String t = "The strike, the governor said, hit a school and a clinic.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("the governor", src(t, a));
        assertEquals(List.of("The strike", "hit a school and a clinic"), a.content().stream().map(s -> s.text(t)).toList());
    }

    @Test
    void appositiveBelongsToTheSource() {
        String t = "Maria Lopez, a spokeswoman for the city council, said that the water supply was cut.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Maria Lopez, a spokeswoman for the city council,", src(t, a));
        assertEquals("that the water supply was cut", content(t, a));
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        String t = "U.S. officials said the convoy was hit near the border. Gen. Smith declined to comment.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals("U.S. officials", src(t, found.get(0)));
        assertEquals("the convoy was hit near the border", content(t, found.get(0)));
    }

    @Test
    void russianCues() {
        String t = "Министерство обороны России заявило, что ПВО сбила восемь беспилотников над Белгородской областью.";
        Attribution a = only(t, x.extract(t, "ru"));
        assertEquals("Министерство обороны России", src(t, a));
        assertEquals("что ПВО сбила восемь беспилотников над Белгородской областью", content(t, a));

        String q = "«Эти сообщения не соответствуют действительности», — заявил Песков.";
        Attribution b = only(q, x.extract(q, "ru"));
        assertEquals("Песков", src(q, b));
        assertEquals("«Эти сообщения не соответствуют действительности»", content(q, b));

        String p = "По словам губернатора, погибли два человека.";
        Attribution c = only(p, x.extract(p, "ru"));
        assertEquals("губернатора", src(p, c));
        assertEquals("погибли два человека", content(p, c));

        String d = "Минобороны опровергло сообщения об ударе по больнице.";
        assertEquals(CueKind.DENY, only(d, x.extract(d, "ru")).kind());
    }

    @Test
    void russianAgencyCitingTheMinistry() {
        String t = "ТАСС сообщил со ссылкой на Минобороны, что над Брянской областью сбиты три беспилотника.";
        Attribution a = only(t, x.extract(t, "ru"));
        assertEquals("Минобороны", src(t, a));
        assertEquals(List.of("ТАСС"), a.via().stream().map(s -> s.text(t)).toList());
        assertEquals("что над Брянской областью сбиты три беспилотника", content(t, a));
    }

    @Test
    void ukrainianCues() {
        String t = "Генштаб ЗСУ повідомив, що уражено склад боєприпасів.";
        Attribution a = only(t, x.extract(t, "uk"));
        assertEquals("Генштаб ЗСУ", src(t, a));
        assertEquals("що уражено склад боєприпасів", content(t, a));
    }

    @Test
    void arabicVerbFirstAndDenial() {
        String t = "وقال المتحدث باسم الجيش إن الغارة استهدفت مستودعا للأسلحة.";
        Attribution a = only(t, x.extract(t, "ar"));
        assertEquals("وقال", a.cue().text(t));
        assertEquals("المتحدث باسم الجيش", src(t, a));
        assertEquals("إن الغارة استهدفت مستودعا للأسلحة", content(t, a));

        String d = "ونفت الحكومة هذه التقارير.";
        Attribution b = only(d, x.extract(d, "ar"));
        assertEquals(CueKind.DENY, b.kind());
        assertEquals("الحكومة", src(d, b));

        String r = "وتبنى تنظيم داعش الهجوم في بيان.";
        assertEquals(CueKind.CLAIM_RESPONSIBILITY, only(r, x.extract(r, "ar")).kind());

        // "He added that ...": verb first with no subject, the previous speaker goes on.
        String c = "وقال المتحدث باسم الجيش إن الغارة استهدفت مستودعا. وأضاف أن الهجوم لم يسفر عن إصابات.";
        List<Attribution> two = x.extract(c, "ar");
        assertEquals(2, two.size(), () -> describe(c, two));
        assertEquals("المتحدث باسم الجيش", src(c, two.get(1)));
        assertEquals("أن الهجوم لم يسفر عن إصابات", content(c, two.get(1)));
    }

    @Test
    void speakerBeforeAColonInAHeadline() {
        String t = "Zelensky: Russia launched 90 drones overnight\n\nThe air force said 80 were shot down.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(2, found.size(), () -> describe(t, found));
        assertEquals("Zelensky", src(t, found.get(0)));
        assertEquals("Russia launched 90 drones overnight", content(t, found.get(0)));
        String u = "Breaking: explosions heard in the city";
        assertTrue(x.extract(u, "en").isEmpty());
        String v = "He added: “We will rebuild.”";
        Attribution a = only(v, x.extract(v, "en"));
        assertEquals("added", a.cue().text(v));
        assertEquals("“We will rebuild.”", content(v, a));
    }

    @Test
    void passiveParticipleWithoutSpeakerIsNoAttribution() {
        String t = "Explosions were reported in the city overnight. No deaths reported so far.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(2, found.size(), () -> describe(t, found));
        for (Attribution a : found) assertNull(a.source(), () -> describe(t, found));
        assertEquals("Explosions", found.get(0).content().get(0).text(t));
    }

    @Test
    void speakerInsideAnotherStatementIsNotCircular() {
        String t = "Army units responded to sources of fire in the area, a military source told state media.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("a military source", src(t, a));
        assertTrue(a.via().isEmpty());
    }

    @Test
    void noCueNoAttribution() {
        String t = "Three buildings were destroyed in the shelling of the town overnight.";
        assertTrue(x.extract(t, "en").isEmpty());
        assertTrue(x.extract("", "en").isEmpty());
        assertTrue(x.extract(null, null).isEmpty());
    }

    @Test
    void manyQuotesAndCuesWithoutSentenceEndsStayFast() {
        // 200,000 characters of quotes and cues with no full stop: bounded sentences and binary searches keep it quick.
        String t = "\"a\" he said, \"b\" she said, ".repeat(8_000);
        List<Attribution> found = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> x.extract(t, "en"));
        assertTrue(found.size() > 100 && found.size() <= AttributionExtractor.MAX_ATTRIBUTIONS);
    }

    @Test
    void pathologicalInputIsBounded() {
        // An unclosed quote and a megabyte of cues: analysed up to MAX_CHARS, quickly and without failing.
        String t = "“" + "He said it. ".repeat(100_000);
        List<Attribution> found = x.extract(t, "en");
        assertTrue(found.size() <= AttributionExtractor.MAX_ATTRIBUTIONS);
        for (Attribution a : found) assertTrue(a.contentExtent().end() <= AttributionExtractor.MAX_CHARS);
        assertNull(x.extract("said", "en").stream().findFirst().map(Attribution::source).orElse(null));
        assertNotNull(x.extract("He said: “Go.”", "en"));
    }

    @Test
    void quotesPrintedAsTwoApostrophes() {
        String t = "''The convoy was hit twice near the checkpoint,'' said Anna Morel, a spokeswoman for the aid group.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Anna Morel, a spokeswoman for the aid group", src(t, a));
        assertTrue(content(t, a).contains("The convoy was hit twice near the checkpoint"), content(t, a));
    }

    @Test
    void aHedgingVerbHasNoSpeakerAndTheSubjectIsContent() {
        String t = "The second strike appears to have hit a fuel depot outside the city.";
        Attribution a = only(t, x.extract(t, "en"));
        assertNull(a.source());
        assertTrue(content(t, a).startsWith("The second strike"), content(t, a));
        assertTrue(content(t, a).endsWith("fuel depot outside the city"), content(t, a));
    }

    @Test
    void secondVerbOfTheSubjectSpeaks() {
        String t = "The regional governor visited the damaged hospital on Friday and said repairs would take a month.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The regional governor", src(t, a));
        assertEquals("repairs would take a month", content(t, a));
    }

    @Test
    void gerundAfterTheMainClauseBelongsToItsSubject() {
        String t = "The envoy delivered a short speech in Geneva, accusing both sides of blocking aid convoys.";
        // "delivered a speech" may itself be a cue (a speech act, as PolNeAR marks "delivered remarks"); the accusation is the envoy's.
        Attribution a = x.extract(t, "en").stream().filter(b -> b.cue().text(t).equals("accusing")).findFirst().orElseThrow();
        assertEquals("The envoy", src(t, a));
        assertTrue(content(t, a).startsWith("both sides of blocking"), content(t, a));
    }

    @Test
    void anIntroductoryPhraseIsNotTheSubjectOfAGerundCue() {
        // Part-of-speech tags skip the opening participle and prepositional phrases to the subject of the main clause.
        String t = "Stung by the criticism, and after a week of silence, the mayor revised his plan, promising to reopen the clinics.";
        Attribution a = x.extract(t, "en").stream().filter(b -> b.cue().text(t).equals("promising")).findFirst().orElseThrow(() -> new AssertionError(describe(t, x.extract(t, "en"))));
        assertEquals("the mayor", src(t, a));
        assertTrue(content(t, a).startsWith("to reopen the clinics"), content(t, a));
    }

    @Test
    void aGerundAfterByBelongsToTheSubjectNotToTheClauseBefore() {
        String t = "The minister ended his speech in parliament by warning that the border would close.";
        Attribution a = x.extract(t, "en").stream().filter(b -> b.cue().text(t).equals("warning")).findFirst().orElseThrow(() -> new AssertionError(describe(t, x.extract(t, "en"))));
        assertEquals("The minister", src(t, a));
        assertEquals("that the border would close", content(t, a));
    }

    @Test
    void anAppositiveIsNotPartOfTheSubject() {
        String t = "Dr. Ortiz, a surgeon at the clinic, then went on the radio and began by saying the wards were full.";
        assertEquals("Dr. Ortiz", AttributionExtractor.posSubject(t, 0, t.indexOf(" then")).text(t));
        String u = "In a statement on Monday, the interior ministry rejected the report";
        assertEquals("the interior ministry", AttributionExtractor.posSubject(u, 0, u.length()).text(u));
        assertNull(AttributionExtractor.posSubject("quickly, and then", 0, 17));
    }

    @Test
    void aPronounBeforeAParticipleIsNoPassive() {
        String t = "He claimed at a briefing that the convoy carried weapons.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("He", src(t, a));
        assertTrue(content(t, a).contains("the convoy carried weapons"), content(t, a));
    }

    @Test
    void passiveWithAnAgentNamesTheAgentAsSource() {
        String t = "The second strike on the market was confirmed by the regional governor.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("the regional governor", src(t, a));
        assertEquals("The second strike on the market", content(t, a));
    }

    @Test
    void invertedSourceStopsBeforeAFollowingClause() {
        String t = "“We will not leave,” said Oleh Marchenko, a volunteer who said he had driven the evacuation bus for a week.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals("Oleh Marchenko, a volunteer", src(t, found.get(0)));
        String u = "“The bridge is gone,” said Anna Beijing, asked about the convoy.";
        assertEquals("Anna Beijing", src(u, x.extract(u, "en").get(0)));
    }

    @Test
    void aNameBeforeAParticipleFollowedByAPrepositionSpeaks() {
        String t = "If the convoy is stopped again, Governor Petrov warned on television, the city will run out of fuel.";
        Attribution a = x.extract(t, "en").get(0);
        assertEquals("Governor Petrov", src(t, a));
        String u = "Explosions reported in the city centre overnight.";
        assertNull(only(u, x.extract(u, "en")).source());
    }

    @Test
    void aQuestionBeforeTheAnswerHasNoSpeakerOfItsOwn() {
        String t = "Asked about the strike on the depot, the army spokesman said the site held no weapons.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(2, found.size(), () -> describe(t, found));
        assertNull(found.get(0).source());
        assertEquals("about the strike on the depot", content(t, found.get(0)));
        assertEquals("the army spokesman", src(t, found.get(1)));
        assertEquals("the site held no weapons", content(t, found.get(1)));
    }

    @Test
    void aQuoteAfterTheQuestionIsStillTheAnswer() {
        String t = "Asked about the strike, “We did not fire on the depot,” the spokesman said.";
        List<Attribution> found = x.extract(t, "en");
        Attribution answer = found.get(found.size() - 1);
        assertEquals("the spokesman", src(t, answer));
        assertTrue(content(t, answer).contains("We did not fire on the depot"), describe(t, found));
    }

    @Test
    void nameAfterADashSignsTheQuoteBeforeIt() {
        String t = "Residents sent us their accounts.\n“The shelling lasted all night and the school is gone.” ― Olena Kravets\n"
                + "“We have no water since Tuesday.” ― Petro M.\n";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(2, found.size(), describe(t, found));
        assertEquals("Olena Kravets", src(t, found.get(0)));
        assertEquals("“The shelling lasted all night and the school is gone.”", content(t, found.get(0)));
        assertEquals("Petro M.", src(t, found.get(1)));
    }

    @Test
    void quoteOnTheLineAboveASignature() {
        String t = "\"The convoy never reached the town.\"\n\n- Maria Lopez.\n\nThe agency disputes that account.";
        Attribution a = x.extract(t, "en").get(0);
        assertEquals("Maria Lopez.", src(t, a));
        assertEquals("\"The convoy never reached the town.\"", content(t, a));
    }

    @Test
    void embeddedPostIsSignedByItsAuthor() {
        String t = "Power is out across the east bank again tonight — Jane Doe (@janedoe_news) May 3, 2024";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Jane Doe", src(t, a));
        assertEquals("Power is out across the east bank again tonight", content(t, a));
    }

    @Test
    void dashBeforeASpeakerAndVerbIsLeftToTheVerb() {
        String t = "“We will rebuild the bridge” — the governor said on Monday.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("said", a.cue().text(t));
        assertEquals("the governor", src(t, a));
    }

    @Test
    void transcriptTurnInsideAQuotedTranscript() {
        String t = "Partial transcript:\n\n\"HOST: Will the ceasefire hold through the weekend?\n\n\"MINISTER: We expect it to hold.";
        List<Attribution> found = x.extract(t, "en");
        assertTrue(found.stream().anyMatch(a -> "HOST".equals(src(t, a)) && content(t, a).startsWith("Will the ceasefire")), describe(t, found));
        assertTrue(found.stream().anyMatch(a -> "MINISTER".equals(src(t, a))), describe(t, found));
    }

    @Test
    void relativePronounSpeaksForTheNounBeforeIt() {
        String t = "Residents spoke to a driver who said the convoy had been shelled twice.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("a driver who", src(t, a));
        assertEquals("the convoy had been shelled twice", content(t, a));
        String u = "The strike was condemned by the union, which warned that more attacks would follow.";
        Attribution w = x.extract(u, "en").stream().filter(b -> b.cue().text(u).equals("warned")).findFirst().orElseThrow();
        assertEquals("the union, which", src(u, w));
    }

    @Test
    void partyTagBelongsToTheName() {
        String t = "“Nobody was hurt,” Sen. Jane Doe (D-Mo.) said.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Sen. Jane Doe (D-Mo.)", src(t, a));
        assertEquals("“Nobody was hurt,”", content(t, a));
    }

    @Test
    void participleAfterAQuoteIsTheQuotesSpeechVerb() {
        String t = "“Two shells hit the market,” Petrov explained in an interview with local radio.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Petrov", src(t, a));
        String u = "“We will not leave the city,” the mayor added.";
        assertEquals("the mayor", src(u, only(u, x.extract(u, "en"))));
        String v = "Explosions were reported in the city.";
        assertNull(only(v, x.extract(v, "en")).source(), "with no quote before it a participle still has no speaker");
    }

    @Test
    void longAppositiveThenCueThenCommaAndQuote() {
        String t = "Olena Kravets, a nurse who stayed in the city, recalled, “The shelling never stopped.”";
        Attribution a = only(t, x.extract(t, "en"));
        assertTrue(src(t, a).startsWith("Olena Kravets, a nurse"), describe(t, List.of(a)));
        assertEquals("“The shelling never stopped.”", content(t, a));
    }

    @Test
    void secondVerbAfterCommaAndTakesTheSubject() {
        String t = "The ministry has used the term often, and accused the rebels of staging the attack.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The ministry", src(t, a));
        assertEquals(CueKind.BLAME, a.kind());
    }

    @Test
    void participleWithAThatClauseOrAfterACommaIsActive() {
        String t = "The governor tweeted in the early hours that the fire was out.";
        assertEquals("The governor", src(t, only(t, x.extract(t, "en"))));
        String u = "The convoy was turned back at the border, a military source added.";
        Attribution a = only(u, x.extract(u, "en"));
        assertEquals("a military source", src(u, a));
        assertEquals("The convoy was turned back at the border", content(u, a));
        String v = "Casualties reported near the port.";
        assertNull(only(v, x.extract(v, "en")).source());
    }

    @Test
    void theAddresseeOfToldIsNotContentEvenWithoutThat() {
        String t = "Residents of Jableh told Levant Wire they heard several blasts at night.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("they heard several blasts at night", content(t, a), describe(t, x.extract(t, "en")));
        String r = "The governor told reporters he had ordered an inquiry.";
        Attribution b = only(r, x.extract(r, "en"));
        assertEquals("he had ordered an inquiry", content(r, b), describe(r, x.extract(r, "en")));
        // with "that", and after other verbs, as before
        String c = "The governor told reporters that the road was closed.";
        assertEquals("that the road was closed", content(c, only(c, x.extract(c, "en"))));
    }

    @Test
    void whatFollowsACueAfterACommaDecidesWhoSpeaks() {
        // A clause after the cue is what was said, however short; the subject with its appositives speaks.
        String t = "Mayor Olena Kovalenko, facing a difficult winter in the city, said she would open more shelters.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("Mayor Olena Kovalenko, facing a difficult winter in the city,", src(t, a), describe(t, x.extract(t, "en")));
        assertEquals("she would open more shelters", content(t, a));
        // A noun phrase alone after a verb of saying is its speaker, however long, and the clause before is the content.
        String u = "The convoy had reached the northern district before the shelling began, said Anna Petrenko, a coordinator of the aid group in the region.";
        Attribution b = only(u, x.extract(u, "en"));
        assertEquals("Anna Petrenko, a coordinator of the aid group in the region", src(u, b), describe(u, x.extract(u, "en")));
        assertEquals("The convoy had reached the northern district before the shelling began", content(u, b));
        // Other verbs keep their object after them.
        String v = "The governor visited the damaged school, praised the rescue teams and thanked the volunteers.";
        for (Attribution c : x.extract(v, "en")) assertTrue(c.source() == null || c.source().text(v).contains("governor"), describe(v, x.extract(v, "en")));
        assertEquals(AttributionExtractor.Shape.CLAUSE, AttributionExtractor.afterCue(t, t.indexOf(" she"), t.length()));
        assertEquals(AttributionExtractor.Shape.PHRASE, AttributionExtractor.afterCue(u, u.indexOf(" Anna"), u.length()));
        assertEquals(AttributionExtractor.Shape.OTHER, AttributionExtractor.afterCue(u, u.indexOf(" before"), u.length()));
    }

    @Test
    void citingAReasonIsTheSubjectsCitingASpeakerIsARelay() {
        String t = "The mayor cancelled the festival, citing the shelling of the bridge.";
        Attribution a = only(t, x.extract(t, "en"));
        assertEquals("The mayor", src(t, a), describe(t, x.extract(t, "en")));
        assertEquals("the shelling of the bridge", content(t, a));
        String u = "The council defended the curfew by citing the risk of night raids.";
        Attribution b = x.extract(u, "en").stream().filter(c -> c.cue().text(u).equals("citing")).findFirst().orElseThrow();
        assertEquals("The council", src(u, b), describe(u, x.extract(u, "en")));
        assertEquals("the risk of night raids", content(u, b));
        // A speaker noun or a name after "citing" is the relayed source, as before.
        String v = "Five people were killed in the strike, the agency reported, citing local officials.";
        List<Attribution> found = x.extract(v, "en");
        assertTrue(found.stream().anyMatch(c -> "local officials".equals(src(v, c)) && content(v, c).startsWith("Five people were killed")), describe(v, found));
        String w = "The convoy was turned back, citing the Interior Ministry.";
        assertTrue(x.extract(w, "en").stream().anyMatch(c -> "the Interior Ministry".equals(src(w, c))), describe(w, x.extract(w, "en")));
    }

    @Test
    void aQuoteOpeningTheSentenceIsNotTheSubjectOfAGerund() {
        String t = "\u201cThe bridge is closed,\u201d the governor wrote, referring to the crossing at Zatoka.";
        assertEquals("the governor", AttributionExtractor.posSubject(t, 0, t.indexOf(" wrote")).text(t));
    }

    @Test
    void anIntroductionBeforeTheSubjectIsNotTheContent() {
        String t = "In the villages south of the river, residents fear new shelling.";
        Attribution a = x.extract(t, "en").stream().filter(c -> c.cue().text(t).startsWith("fear")).findFirst().orElseThrow();
        assertEquals("new shelling", content(t, a), describe(t, x.extract(t, "en")));
        // A clause before the comma with nothing after the cue is still the content.
        String u = "In the villages south of the river, two houses burned, residents said.";
        Attribution b = only(u, x.extract(u, "en"));
        assertEquals("In the villages south of the river, two houses burned", content(u, b));
        assertTrue(AttributionExtractor.introduction(t, 0, t.indexOf(',')));
        String v = "Two houses burned, the ministry said on Tuesday";
        assertTrue(!AttributionExtractor.objectFollows(v, v.indexOf(" on"), v.length()));
        assertTrue(AttributionExtractor.objectFollows(t, t.indexOf(" new"), t.length()));
    }
}
