package org.sitrep.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.eval.Classification;
import org.sitrep.internal.JsonLines;
import org.sitrep.model.Stance;

class StanceClassifierTest {
    private final StanceClassifier model = StanceClassifier.load();

    @Test
    void shippedWeightsReadHeadlines() {
        String claim = "A drone strike destroyed the bridge at Zatoka";
        assertEquals(Stance.DENIES, model.classify(claim, "Bridge strike is a hoax, officials say; photos are fake"));
        assertEquals(Stance.SUPPORTS, model.classify(claim, "Drone strike destroys Zatoka bridge"));
        double[] p = model.probabilities(claim, "Reports claim drone strike hit Zatoka bridge");
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
    }

    @Test
    void slugIsTheLongestWordySegmentOfThePath() {
        assertEquals(List.of("report", "hbo", "now", "coming", "to", "apple", "tv", "next", "month"),
                StanceFeatures.slug("http://example.com/2015/03/04/report-hbo-now-coming-to-apple-tv-next-month/?smid=tw"));
        assertEquals(List.of("tiger", "woods", "agent", "denies", "claims"),
                StanceFeatures.slug("https://example.org/articles/2382213-tiger-woods-agent-denies-claims.html#top"));
        assertEquals(List.of(), StanceFeatures.slug("https://example.org/news/12345"));
        assertEquals(List.of(), StanceFeatures.slug(null));
        assertEquals(List.of(), StanceFeatures.slug("https://example.org/" + "a-".repeat(StanceFeatures.MAX_URL)));
    }

    @Test
    void slugWordsMissingFromTheHeadlineBecomeFeatures() {
        var f = StanceFeatures.of("Strike hit the depot", "Strike hit the depot",
                "https://example.org/world/report-strike-hit-the-depot");
        assertTrue(f.contains("ux:report") && f.contains("u_hedge_new") && f.contains("u0:report"), f.toString());
        assertTrue(!f.contains("ux:depot") && !f.contains("u_none"), f.toString());
        assertTrue(StanceFeatures.of("Strike hit the depot", "Strike hit the depot").contains("u_none"));
    }

    @Test
    void everyFeatureHasACopyForItsInputCondition() {
        var bare = StanceFeatures.of("Strike hit the depot", "Strike reportedly hit the depot");
        assertTrue(bare.contains("w:reportedly") && bare.contains("B|w:reportedly") && bare.contains("B|bias"), bare.toString());
        assertTrue(bare.stream().noneMatch(x -> x.startsWith("U|")), bare.toString());
        var withUrl = StanceFeatures.of("Strike hit the depot", "Strike reportedly hit the depot", "https://example.org/a/strike-hits-depot-claim");
        assertTrue(withUrl.contains("w:reportedly") && withUrl.contains("U|w:reportedly") && withUrl.contains("U|ux:claim"), withUrl.toString());
        assertTrue(withUrl.stream().noneMatch(x -> x.startsWith("B|")), withUrl.toString());
        // A blank URL is no URL.
        assertEquals(bare, StanceFeatures.of("Strike hit the depot", "Strike reportedly hit the depot", "  "));
    }

    @Test
    void foldAssignmentsKeepEachGroupInOneFoldAndDiffer() {
        String[] groups = new String[200];
        for (int i = 0; i < groups.length; i++) groups[i] = "claim-" + i;
        for (int a = 0; a < StanceTrainer.ASSIGNMENTS; a++) {
            int[] sizes = new int[StanceTrainer.FOLDS];
            for (String g : groups) {
                int f = StanceTrainer.fold(g, a);
                assertEquals(f, StanceTrainer.fold(g, a));
                sizes[f]++;
            }
            for (int n : sizes) assertTrue(n > 20, "fold sizes " + java.util.Arrays.toString(sizes) + " under assignment " + a);
        }
        // Two assignments are not the same partition with the folds renamed: some pair of groups shares a fold in one only.
        for (int a = 1; a < StanceTrainer.ASSIGNMENTS; a++) {
            boolean differs = false;
            for (int i = 0; i < groups.length && !differs; i++) {
                for (int j = i + 1; j < groups.length && !differs; j++) {
                    differs = (StanceTrainer.fold(groups[i], 0) == StanceTrainer.fold(groups[j], 0))
                            != (StanceTrainer.fold(groups[i], a) == StanceTrainer.fold(groups[j], a));
                }
            }
            assertTrue(differs, "assignment " + a + " repeats assignment 0");
        }
    }

    @Test
    void trainerChoosesL2ByGroupedCrossValidation() {
        List<StanceTrainer.Example> ex = new ArrayList<>();
        String[] topics = {"bridge", "airport", "depot", "school", "port", "station", "plant", "tower", "dam", "mall"};
        for (String t : topics) {
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Strike hits the " + t + " overnight", Stance.SUPPORTS));
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Officials say " + t + " strike report is fake", Stance.DENIES));
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Strike reportedly hit " + t + "?", Stance.OBSERVES));
        }
        StanceTrainer trainer = new StanceTrainer();
        StanceClassifier c = trainer.train(ex);
        assertEquals(StanceTrainer.L2.length, trainer.crossValidationAccuracy().size());
        assertEquals(StanceTrainer.ASSIGNMENTS, trainer.crossValidationAccuracyByAssignment().get(trainer.chosenL2()).length);
        double best = trainer.crossValidationAccuracy().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, trainer.crossValidationAccuracy().get(trainer.chosenL2()), 1e-12);
        assertTrue(best > 0.9, trainer.crossValidationAccuracy().toString());
        assertEquals(Stance.DENIES, c.classify("Strike hit the hotel", "Officials say hotel strike report is fake"));
    }

    @Test
    void trainerUsesTheUrlWhenTheHeadlineIsSilent() {
        List<StanceTrainer.Example> ex = new ArrayList<>();
        String[] topics = {"bridge", "airport", "depot", "school", "port", "station", "plant", "tower"};
        for (String t : topics) {
            String claim = "Strike hit the " + t, head = "Strike hit the " + t;
            ex.add(new StanceTrainer.Example(t, claim, head, "https://example.org/x/strike-hit-" + t + "-confirmed", Stance.SUPPORTS));
            ex.add(new StanceTrainer.Example(t, claim, head, "https://example.org/x/strike-on-" + t + "-a-hoax", Stance.DENIES));
        }
        StanceClassifier c = StanceTrainer.fit(ex, 1e-3);
        assertEquals(Stance.DENIES, c.classify("Strike hit the mall", "Strike hit the mall", "https://example.net/strike-on-mall-a-hoax"));
        assertEquals(Stance.SUPPORTS, c.classify("Strike hit the mall", "Strike hit the mall", "https://example.net/strike-hit-mall-confirmed"));
    }

    @Test
    void trainerLearnsCueWordsFromWrittenExamples() {
        List<StanceTrainer.Example> ex = new ArrayList<>();
        String[] topics = {"bridge", "airport", "depot", "school", "port", "station", "plant", "tower"};
        for (String t : topics) {
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Strike hits the " + t + " overnight", Stance.SUPPORTS));
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Officials say " + t + " strike report is fake", Stance.DENIES));
            ex.add(new StanceTrainer.Example(t, "Strike hit the " + t, "Strike reportedly hit " + t + "?", Stance.OBSERVES));
        }
        StanceClassifier c = StanceTrainer.fit(ex, 1e-3);
        assertEquals(Stance.DENIES, c.classify("Strike hit the mall", "Officials say mall strike report is fake"));
        assertEquals(Stance.OBSERVES, c.classify("Strike hit the mall", "Strike reportedly hit mall?"));
    }

    @Test
    void newWordsThatLookLikeCuesGiveCharacterGrams() {
        var f = StanceFeatures.of("Strike hit the depot", "Depot strike story was a hoaxer's fabrication");
        // "hoaxer" begins like "hoax", "fabrication" like "fabricated": both give n-grams; so does an unseen form's stem.
        assertTrue(f.contains("c:<hoa") && f.contains("c:hoax") && f.contains("c:xer>") && f.contains("c:<fabr"), f.toString());
        assertTrue(f.contains("U|c:hoax") || f.contains("B|c:hoax"), f.toString());
        // Words the claim has ("depot", "strike") and words unlike any cue ("story") give none.
        assertTrue(f.stream().noneMatch(x -> x.startsWith("c:<dep") || x.startsWith("c:<str") || x.startsWith("c:<sto")), f.toString());
        assertTrue(StanceFeatures.of("Strike hit the depot", "Strike hits the depot").stream().noneMatch(x -> x.startsWith("c:")));
        assertTrue(StanceTrainer.isCharGram("c:hoax") && StanceTrainer.isCharGram("U|c:hoax") && !StanceTrainer.isCharGram("w:c"));
        // The slug's new words too, under their own prefix: "strike-hit-depot-debunker" adds "debunker".
        var u = StanceFeatures.of("Strike hit the depot", "Strike hit the depot", "https://example.org/a/strike-hit-depot-debunker");
        assertTrue(u.contains("uc:<deb") && u.contains("U|uc:unker") && u.stream().noneMatch(x -> x.startsWith("uc:<dep")), u.toString());
        assertTrue(StanceTrainer.isCharGram("U|uc:<deb"));
    }

    @Test
    void instanceWeightCountsLikeRepeatingTheInstance() {
        var a = StanceFeatures.of("Strike hit the depot", "Strike on depot is a hoax");
        var b = StanceFeatures.of("Strike hit the depot", "Strike hits the depot");
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (var f : List.of(a, b)) for (String x : f) counts.merge(x, 2, Integer::sum);
        var repeated = StanceTrainer.fitWeights(List.of(a, a, b), List.of(1, 1, 0), counts, 0.01);
        var weighted = StanceTrainer.fitWeights(List.of(a, b), List.of(1, 0), new double[] {4 / 3.0, 2 / 3.0}, counts, 0.01);
        var unweighted = StanceTrainer.fitWeights(List.of(a, b), List.of(1, 0), counts, 0.01);
        for (String f : repeated.keySet()) {
            for (int k = 0; k < 3; k++) assertEquals(repeated.get(f)[k], weighted.get(f)[k], 1e-4, f);
        }
        // The weight changes the fit: the denying pair counts twice as much as the supporting one.
        assertTrue(weighted.get("bias")[1] > unweighted.get("bias")[1], java.util.Arrays.toString(weighted.get("bias")));
    }

    /** Smoke test on the shared Emergent file; the full figures come from 'sitrep eval stance' (BENCHMARKS.md). */
    @Test
    void emergentTestSplitSmoke() {
        Path file = Path.of("../shared/data/claims/emergent.jsonl");
        assumeTrue(Files.isRegularFile(file), "skipped: ../shared/data/claims/emergent.jsonl is absent");
        Classification c = new Classification();
        for (JsonNode r : JsonLines.readAll(file)) {
            if (!"test".equals(r.path("split").asText())) continue;
            String gold = switch (r.path("stance").asText()) {
                case "for" -> "supports";
                case "against" -> "denies";
                default -> "observes";
            };
            c.add(gold, model.classify(r.path("claim_headline").asText(), r.path("article_headline").asText(),
                    r.path("url").asText(null)).wire());
        }
        assertTrue(c.n() > 400 && c.accuracy() > 0.7, "accuracy " + c.accuracy() + " on " + c.n());
    }
}
