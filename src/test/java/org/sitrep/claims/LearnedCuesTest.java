package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Texts written for these tests; none comes from an evaluation corpus. */
class LearnedCuesTest {

    private static int[] span(String text, String word, int from) {
        int s = text.indexOf(word, from);
        return new int[] {s, s + word.length()};
    }

    @Test
    void countsHowOftenAWordIsMarkedAsACue() {
        String a = "The mayor decried the curfew. The decried curfew ended.";
        String b = "Residents decried the shelling, and the governor has also bemoaned the delays.";
        LearnedCues c = LearnedCues.learn(List.of(
                new LearnedCues.AnnotatedText(a, List.of(span(a, "decried", 0))),
                new LearnedCues.AnnotatedText(b, List.of(span(b, "decried", 0), span(b, "has also bemoaned", 0)))));
        // "decried": 2 of 3 occurrences marked; "bemoaned" 1 of 1; "has" and "also" sit in a cue span but are not cues.
        assertEquals(Set.of("decried", "bemoaned"), c.cueWords(0.5, 1));
        assertEquals(Set.of("bemoaned"), c.cueWords(0.9, 1));
        assertEquals(Set.of("decried"), c.cueWords(0.5, 2));
        // Words never marked are not kept at all.
        assertFalse(c.toJson("test").toString().contains("curfew"));
    }

    @Test
    void countsSurviveTheJsonRoundTrip() throws Exception {
        LearnedCues c = LearnedCues.of(Map.of("decried", new int[] {10, 9}, "mused", new int[] {4, 1}));
        String json = org.sitrep.internal.Json.MAPPER.writeValueAsString(c.toJson("test"));
        assertEquals(Set.of("decried"), LearnedCues.fromJson(org.sitrep.internal.Json.MAPPER.readTree(json)).cueWords(0.5, 3));
    }

    @Test
    void aLearnedWordBecomesAnOpinionCueAndTheHandLexiconKeepsItsKinds() {
        String t = "Opposition leader Maria Kovac bemoaned the decision to close the border crossing.";
        assertTrue(new AttributionExtractor(Set.of()).extract(t, "en").isEmpty());
        List<Attribution> found = new AttributionExtractor(Set.of("bemoaned", "said")).extract(t, "en");
        assertEquals(1, found.size());
        assertEquals("Opposition leader Maria Kovac", found.get(0).source().text(t));
        assertEquals("the decision to close the border crossing", found.get(0).contentExtent().text(t));
        assertEquals(CueKind.OPINION, found.get(0).kind());

        String s = "The ministry said two drones were shot down.";
        assertEquals(CueKind.ASSERT, new AttributionExtractor(Set.of("said")).extract(s, "en").get(0).kind());
    }

    @Test
    void verbsOfForceNeverBecomeCuesEvenWhenElectionNewsMarksThem() {
        LearnedCues c = LearnedCues.of(Map.of("attacked", new int[] {10, 8}, "responded", new int[] {10, 9},
                "withdrew", new int[] {4, 3}, "bemoaned", new int[] {5, 5}));
        assertEquals(Set.of("bemoaned"), c.cueWords(0.5, 3));
        String t = "Defence Minister Ivan Petrov said three drones attacked the Millerovo air base overnight.";
        assertEquals(1, new AttributionExtractor(LearnedCues.load().cueWords()).extract(t, "en").size());
    }

    @Test
    void theShippedCountsLoad() {
        assertTrue(LearnedCues.load().cueWords().size() > 50, "the shipped file should hold the learned cue words");
    }
}
