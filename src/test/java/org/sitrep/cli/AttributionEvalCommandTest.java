package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.internal.Json;

/**
 * Runs {@code sitrep eval attribution} on two articles written here in PolNeAR's JSON Lines shape: the train
 * article teaches the cue word "bemoaned", which the hand lexicon lacks, and the test article is scored with it.
 */
class AttributionEvalCommandTest {
    @TempDir Path dir;

    private CliRun run(String... args) { return CliRun.of(args); }

    private static String span(String text, String part, int from) throws Exception {
        int s = text.indexOf(part, from);
        return Json.MAPPER.writeValueAsString(java.util.Map.of("text", part, "offsets", List.of(List.of(s, s + part.length()))));
    }

    private static String relation(String doc, String split, String text, String source, String cue, String content) throws Exception {
        return "{\"doc_id\":\"" + doc + "\",\"split\":\"" + split + "\",\"annotator\":\"x1\",\"relation_id\":\"E1\",\"type\":\"Attribution\","
                + "\"source\":" + span(text, source, 0) + ",\"cue\":" + span(text, cue, text.indexOf(source))
                + ",\"content\":" + span(text, content, text.indexOf(source)) + "}";
    }

    @Test
    void learnsCueWordsFromTheTrainSplitAndScoresWithThem() throws Exception {
        String train = "The mayor bemoaned the slow repairs. Residents bemoaned the curfew. The governor bemoaned the delays.";
        String test = "The opposition leader bemoaned the closure of the border crossing.";
        Path articles = dir.resolve("articles.jsonl"), attributions = dir.resolve("attributions.jsonl"), counts = dir.resolve("out/counts.json");
        Files.write(articles, List.of(
                Json.MAPPER.writeValueAsString(java.util.Map.of("doc_id", "t1", "split", "train", "annotators", List.of("x1"), "text", train)),
                Json.MAPPER.writeValueAsString(java.util.Map.of("doc_id", "s1", "split", "test", "annotators", List.of("x1"), "text", test))));
        Files.write(attributions, List.of(
                relation("t1", "train", train, "The mayor", "bemoaned", "the slow repairs"),
                relation("t1", "train", train, "Residents", "bemoaned", "the curfew"),
                relation("t1", "train", train, "The governor", "bemoaned", "the delays"),
                relation("s1", "test", test, "The opposition leader", "bemoaned", "the closure of the border crossing")));

        CliRun hand = run("eval", "attribution", articles.toString(), attributions.toString(), "--split", "test", "--no-learned-cues", "--no-cue-tagger", "--json");
        assertEquals(0, hand.exit(), hand.err());
        assertEquals(0.0, last(hand).get("content_f1_overlap").asDouble(), 1e-9, hand.out());

        CliRun learned = run("eval", "attribution", articles.toString(), attributions.toString(), "--split", "test",
                "--learn-cues", counts.toString(), "--no-cue-tagger", "--json");
        assertEquals(0, learned.exit(), learned.err());
        assertEquals(1.0, last(learned).get("content_f1_overlap").asDouble(), 1e-9, learned.out());
        assertEquals(1.0, last(learned).get("source_f1_overlap").asDouble(), 1e-9, learned.out());
        JsonNode written = Json.MAPPER.readTree(counts.toFile());
        assertEquals(3, written.path("counts").path("bemoaned").get(1).asInt(), written.toString());
        assertTrue(written.path("provenance").asText().contains("train"));
        assertTrue(written.path("counts").path("closure").isMissingNode(), "the test article is never counted");
    }

    @Test
    void trainsTheCueTaggerOnTheTrainSplitAndWritesItsWeights() throws Exception {
        String train = "The mayor bemoaned the slow repairs. Residents bemoaned the curfew. The governor bemoaned the delays.";
        String test = "The opposition leader bemoaned the closure of the border crossing.";
        Path articles = dir.resolve("articles.jsonl"), attributions = dir.resolve("attributions.jsonl"), weights = dir.resolve("out/tagger.tsv.gz");
        Files.write(articles, List.of(
                Json.MAPPER.writeValueAsString(java.util.Map.of("doc_id", "t1", "split", "train", "annotators", List.of("x1"), "text", train)),
                Json.MAPPER.writeValueAsString(java.util.Map.of("doc_id", "s1", "split", "test", "annotators", List.of("x1"), "text", test))));
        Files.write(attributions, List.of(
                relation("t1", "train", train, "The mayor", "bemoaned", "the slow repairs"),
                relation("t1", "train", train, "Residents", "bemoaned", "the curfew"),
                relation("t1", "train", train, "The governor", "bemoaned", "the delays"),
                relation("s1", "test", test, "The opposition leader", "bemoaned", "the closure of the border crossing")));

        CliRun trained = run("eval", "attribution", articles.toString(), attributions.toString(), "--split", "test",
                "--train-cue-tagger", weights.toString(), "--cue-threshold", "5", "--json");
        assertEquals(0, trained.exit(), trained.err());
        assertEquals(1.0, last(trained).get("content_f1_overlap").asDouble(), 1e-9, trained.out());
        assertEquals(1.0, last(trained).get("source_f1_overlap").asDouble(), 1e-9, trained.out());
        String model;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(weights))) {
            model = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(model.startsWith("# averaged perceptron") && model.contains("train"), model.lines().findFirst().orElse(""));
        assertTrue(model.contains("\nw=bemoaned\t"), "the cue word carries a weight");
        assertFalse(model.contains("closure"), "the test article is never trained on");
    }

    private static JsonNode last(CliRun r) throws Exception {
        String[] lines = r.out().strip().split("\n");
        return Json.MAPPER.readTree(lines[lines.length - 1]);
    }
}
