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
