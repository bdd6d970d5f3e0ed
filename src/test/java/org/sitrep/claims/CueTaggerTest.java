package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Sentences written for these tests; none comes from an evaluation corpus. */
class CueTaggerTest {
    private final CueTagger shipped = CueTagger.load();
    private final AttributionExtractor x = new AttributionExtractor();

    /** The tagger's score of the first occurrence of {@code word} in {@code t}. */
    private static double score(CueTagger tagger, String t, String word) {
        List<CueTagger.Token> toks = CueTagger.tokens(t);
        double[] s = tagger.scores(t, toks, CueLexicon.english(), AttributionExtractor.quotes(t));
        for (int i = 0; i < toks.size(); i++) if (t.substring(toks.get(i).start(), toks.get(i).end()).equals(word)) return s[i];
        throw new AssertionError(word + " not in " + t);
    }

    @Test
    void thoughtVerbIsACueOnlyWithASpeakerAndAThought() {
        assertTrue(score(shipped, "Most voters in the district think the mayor should resign.", "think") > AttributionExtractor.CUE_THRESHOLD);
        assertTrue(score(shipped, "Researchers at a Washington think tank published the figures.", "think") < AttributionExtractor.CUE_THRESHOLD);
    }

    @Test
    void attitudeVerbsOutsideTheHandLexiconBecomeAttributions() {
        String t = "Local officials bemoaned the slow delivery of aid.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(1, found.size());
        assertEquals("Local officials", found.get(0).source().text(t));
        assertEquals("the slow delivery of aid", found.get(0).contentExtent().text(t));
        assertEquals(CueKind.OPINION, found.get(0).kind(), "a learned cue is an opinion, never a report of fact");
    }

    @Test
    void handCueTheTaggerRejectsIsOverruled() {
        // "wrote" is in the hand lexicon ("wrote that ..."). A tagger taught that "wrote that" reports and "wrote the book"
        // does not overrules the hand lexicon on the second use and keeps the first.
        String a = "The envoy wrote that the talks had failed. She wrote the book in two days.";
        String b = "Her aide wrote that the road was closed. He wrote the letter in May.";
        CueTagger tagger = CueTagger.train(List.of(new LearnedCues.AnnotatedText(a, List.of(span(a, "wrote"))),
                new LearnedCues.AnnotatedText(b, List.of(span(b, "wrote")))), 5, 0.0, "test corpus");
        AttributionExtractor vetoing = new AttributionExtractor(java.util.Set.of(), tagger, 0.0, 0.0);
        String t = "The mayor wrote the report in two days.";
        assertFalse(new AttributionExtractor(java.util.Set.of()).extract(t, "en").isEmpty(), "the hand lexicon alone takes it for a cue");
        assertTrue(vetoing.extract(t, "en").isEmpty(), () -> vetoing.extract(t, "en").toString());
        String s = "The mayor wrote that the bridge was safe.";
        assertEquals("The mayor", vetoing.extract(s, "en").get(0).source().text(s));
    }

    @Test
    void namingIsNoSpeech() {
        String t = "A group called Veterans for Peace organised the march.";
        assertTrue(x.extract(t, "en").isEmpty(), () -> x.extract(t, "en").toString());
        String s = "The minister called the strike a war crime.";
        assertEquals("The minister", x.extract(s, "en").get(0).source().text(s));
    }

    @Test
    void verbsOfForceStayEventsNotCues() {
        String t = "Two battalions attacked the ridge at dawn.";
        assertTrue(x.extract(t, "en").isEmpty(), () -> x.extract(t, "en").toString());
    }

    @Test
    void negatedHandCueIsKept() {
        String t = "The army did not confirm the strike on the depot.";
        List<Attribution> found = x.extract(t, "en");
        assertEquals(1, found.size(), found::toString);
        assertEquals("The army", found.get(0).source().text(t));
    }

    @Test
    void trainsOnHeadWordsAndRoundTripsThroughTheWrittenFile() throws IOException {
        String a = "The mayor decried the slow repairs. The bridge was repaired in May.";
        String b = "Residents have loudly decried the curfew. The curfew ends at six.";
        List<LearnedCues.AnnotatedText> texts = List.of(
                new LearnedCues.AnnotatedText(a, List.of(span(a, "decried"))),
                new LearnedCues.AnnotatedText(b, List.of(span(b, "have loudly decried"))));
        CueTagger t = CueTagger.train(texts, 5, 0.0, "test corpus");
        String probe = "The council decried the delays.";
        assertTrue(score(t, probe, "decried") > score(t, probe, "council"));
        assertTrue(score(t, probe, "decried") > 0);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.write(out);
        String file = new String(new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(file.startsWith("# test corpus\n"), file);
        CueTagger back = CueTagger.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        assertEquals(t.size(), back.size());
        assertEquals("test corpus", back.provenance());
        assertEquals(score(t, probe, "decried"), score(back, probe, "decried"), 1e-3);
    }

    @Test
    void headWordSkipsAuxiliariesAndAdverbs() {
        String s = "Residents have loudly decried the curfew.";
        List<CueTagger.Token> toks = CueTagger.tokens(s);
        assertEquals("decried", s.substring(toks.get(CueTagger.head(toks, 1, 4)).start(), toks.get(CueTagger.head(toks, 1, 4)).end()));
    }

    @Test
    void malformedWeightsFileIsAClearError() {
        IOException e = assertThrows(IOException.class,
                () -> CueTagger.read(new ByteArrayInputStream("# x\nw=said 1.5\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void otherLanguagesKeepTheirHandLexicons() {
        String ru = "Министр обороны заявил, что два беспилотника были сбиты.";
        List<Attribution> found = x.extract(ru, "ru");
        assertEquals(1, found.size());
        assertEquals("заявил", found.get(0).cue().text(ru));
        assertFalse(x.extract("وقال المتحدث إن القصف استهدف السوق", "ar").isEmpty());
    }

    private static int[] span(String t, String part) {
        int s = t.indexOf(part);
        return new int[] {s, s + part.length()};
    }
}
