package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.claims.Attribution;
import org.sitrep.claims.AttributionExtractor;
import org.sitrep.claims.CueTagger;
import org.sitrep.claims.LearnedCues;
import org.sitrep.claims.Span;
import org.sitrep.eval.SpanScores;
import org.sitrep.internal.Json;
import org.sitrep.internal.JsonLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitrep eval attribution ARTICLES ATTRIBUTIONS}: scores the attribution extractor's source and
 * content spans against PolNeAR-style annotations. A document annotated by k people counts each
 * annotator's relations with weight 1/k, so every document weighs the same.
 */
@Command(name = "attribution", mixinStandardHelpOptions = true,
        description = "Score attribution extraction (source and content spans) on PolNeAR JSON Lines files.")
final class AttributionEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "articles JSON Lines (doc_id, split, text)") Path articles;
    @Parameters(index = "1", description = "attributions JSON Lines (doc_id, annotator, source, content)") Path attributions;
    @Option(names = "--split", description = "only documents of this split (train, dev, test); default: all") String split;
    @Option(names = "--json", description = "end with one JSON line of the figures") boolean json;
    @Option(names = "--learn-cues", description = "first count cue words on the train split (first annotator of each article) and write the counts to this file, then score with them")
    Path learnCues;
    @Option(names = "--cue-min-precision", description = "use learned words marked as cues in at least this share of their occurrences (default: ${DEFAULT-VALUE})")
    double cueMinPrecision = LearnedCues.MIN_PRECISION;
    @Option(names = "--cue-min-count", description = "... and at least this many times (default: ${DEFAULT-VALUE})")
    int cueMinCount = LearnedCues.MIN_COUNT;
    @Option(names = "--no-learned-cues", description = "no learned cue words (the tagger stays unless --no-cue-tagger)") boolean noLearned;
    @Option(names = "--learned-cues", description = "also use the learned cue words (the default uses the cue tagger instead)") boolean withLearned;
    @Option(names = "--no-cue-tagger", description = "no cue tagger: hand lexicon and learned cue words, as before the tagger") boolean noTagger;
    @Option(names = "--train-cue-tagger", description = "first train the cue tagger on the train split (first annotator of each article), write its weights (gzipped) to this file, then score with it")
    Path trainTagger;
    @Option(names = "--cue-tagger", description = "score with the cue tagger weights in this file (gzipped, as --train-cue-tagger writes them) instead of the shipped ones")
    Path taggerFile;
    @Option(names = "--cross-validate", description = "score the train split by K-fold cross-validation: each train article is scored with a cue tagger trained on the other folds (for choosing features and thresholds without dev)")
    int crossValidate = 0;
    @Option(names = "--cv-by-time", description = "with --cross-validate: folds are consecutive stretches of publication dates (a fold's articles are months away from most training articles, as dev and test are), not every K-th article")
    boolean cvByTime;
    @Option(names = "--cv-taggers", description = "with --cross-validate: keep the fold taggers in this directory (a fold tagger found there is loaded, not trained: for trying span rules, which do not change the taggers; delete the directory after changing the tagger's features)")
    Path cvTaggers;
    @Option(names = "--sweep-thresholds", split = ",", paramLabel = "T",
            description = "score once for each of these tagger thresholds, the veto threshold set equal to the cue threshold (with --cross-validate, the fold taggers are trained once)")
    List<Double> sweep;
    @Option(names = "--tagger-epochs", description = "perceptron passes when training the tagger (default: ${DEFAULT-VALUE})") int epochs = 8;
    @Option(names = "--tagger-min-weight", description = "weights smaller than this are left out of the written model (default: ${DEFAULT-VALUE})") double minWeight = 0.5;
    @Option(names = "--cue-threshold", description = "tagger score above which a word is a cue (default: ${DEFAULT-VALUE})") double cueThreshold = AttributionExtractor.CUE_THRESHOLD;
    @Option(names = "--veto-threshold", description = "tagger score below which a hand-lexicon cue is dropped (default: ${DEFAULT-VALUE})") double vetoThreshold = AttributionExtractor.VETO_THRESHOLD;
    @Option(names = "--dump", description = "also write the predicted attributions as JSON Lines to this file (for error analysis)") Path dump;

    @Override
    public Integer call() throws Exception {
        // Each stretch the extractor tags for part of speech is tagged once, not once per threshold of a sweep.
        org.sitrep.claims.PosTags.enableCache();
        List<JsonNode> docs = read(articles);
        Map<String, Map<String, List<JsonNode>>> byDoc = new HashMap<>();
        for (JsonNode a : read(attributions)) {
            byDoc.computeIfAbsent(a.path("doc_id").asText(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(a.path("annotator").asText(), k -> new ArrayList<>()).add(a);
        }
        boolean useLearned = !noLearned && (noTagger || withLearned || learnCues != null);
        LearnedCues learned = !useLearned ? LearnedCues.none() : learnCues != null ? learn(docs, byDoc) : LearnedCues.load();
        CueTagger tagger = noTagger ? null : trainTagger != null ? trainTagger(docs, byDoc)
                : taggerFile != null ? CueTagger.load(taggerFile) : CueTagger.load();
        Map<String, CueTagger> foldTagger = new HashMap<>();
        if (crossValidate > 1) {
            split = "train";
            List<LearnedCues.AnnotatedText> texts = trainTexts(docs, byDoc);
            List<String> ids = new ArrayList<>();
            List<String> dates = new ArrayList<>();
            for (JsonNode d : docs) {
                if (!"train".equals(d.path("split").asText())) continue;
                ids.add(d.path("doc_id").asText());
                dates.add(d.path("publication_date").asText());
            }
            // Fold of each train article: every K-th, or (--cv-by-time) its stretch of the articles in date order.
            int[] foldOf = new int[ids.size()];
            Integer[] byDate = new Integer[ids.size()];
            for (int i = 0; i < byDate.length; i++) byDate[i] = i;
            java.util.Arrays.sort(byDate, java.util.Comparator.comparing(dates::get));
            for (int r = 0; r < byDate.length; r++) {
                int i = byDate[r];
                foldOf[i] = cvByTime ? (int) ((long) r * crossValidate / byDate.length) : i % crossValidate;
            }
            for (int fold = 0; fold < crossValidate; fold++) {
                List<LearnedCues.AnnotatedText> rest = new ArrayList<>();
                for (int i = 0; i < texts.size(); i++) if (foldOf[i] != fold) rest.add(texts.get(i));
                Path kept = cvTaggers == null ? null : cvTaggers.resolve("fold-" + fold + "-of-" + crossValidate + (cvByTime ? "-by-time" : "")
                        + "-e" + epochs + "-w" + minWeight + ".tsv.gz");
                CueTagger ft;
                if (kept != null && java.nio.file.Files.exists(kept)) {
                    ft = CueTagger.load(kept);
                } else {
                    ft = CueTagger.train(rest, epochs, minWeight, "fold " + fold);
                    if (kept != null) {
                        java.nio.file.Files.createDirectories(cvTaggers);
                        try (var o = java.nio.file.Files.newOutputStream(kept)) {
                            ft.write(o);
                        }
                    }
                }
                for (int i = 0; i < ids.size(); i++) if (foldOf[i] == fold) foldTagger.put(ids.get(i), ft);
            }
        }
        for (double th : sweep == null ? List.of(cueThreshold) : sweep) {
            if (sweep != null) {
                cueThreshold = th;
                vetoThreshold = th;
                System.out.printf("cue and veto threshold %s%n", th);
            }
            score(docs, byDoc, learned, tagger, foldTagger);
        }
        return 0;
    }

    /** Scores the articles of the split with the tagger (or, for a train article under --cross-validate, its fold's tagger). */
    private void score(List<JsonNode> docs, Map<String, Map<String, List<JsonNode>>> byDoc, LearnedCues learned, CueTagger tagger,
            Map<String, CueTagger> foldTagger) throws java.io.IOException {
        AttributionExtractor extractor = new AttributionExtractor(learned.cueWords(cueMinPrecision, cueMinCount), tagger, cueThreshold, vetoThreshold);
        Map<String, AttributionExtractor> byFold = new HashMap<>();
        Map<CueTagger, AttributionExtractor> xs = new HashMap<>();
        foldTagger.forEach((id, ft) -> byFold.put(id, xs.computeIfAbsent(ft, k -> new AttributionExtractor(learned.cueWords(cueMinPrecision, cueMinCount), k, cueThreshold, vetoThreshold))));
        SpanScores source = new SpanScores(), content = new SpanScores();
        int n = 0;
        long t0 = System.nanoTime();
        java.io.PrintWriter dumpOut = dump == null ? null : new java.io.PrintWriter(java.nio.file.Files.newBufferedWriter(dump));
        for (JsonNode d : docs) {
            if (split != null && !split.equals(d.path("split").asText())) continue;
            String text = d.path("text").asText();
            Map<String, List<JsonNode>> annotations = byDoc.getOrDefault(d.path("doc_id").asText(), Map.of());
            List<String> annotators = new ArrayList<>();
            d.path("annotators").forEach(x -> annotators.add(x.asText()));
            if (annotators.isEmpty()) annotators.addAll(annotations.keySet());
            if (annotators.isEmpty()) continue;
            n++;
            List<Attribution> found = byFold.getOrDefault(d.path("doc_id").asText(), extractor).extract(text, "en");
            List<int[][]> predSource = new ArrayList<>(), predContent = new ArrayList<>();
            if (dumpOut != null) {
                for (Attribution a : found) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("doc_id", d.path("doc_id").asText());
                    row.put("kind", a.kind().name());
                    row.put("source", a.source() == null ? null : List.of(a.source().start(), a.source().end()));
                    row.put("cue", List.of(a.cue().start(), a.cue().end()));
                    row.put("content", a.content().stream().map(s -> List.of(s.start(), s.end())).toList());
                    dumpOut.println(Json.MAPPER.writeValueAsString(row));
                }
            }
            for (Attribution a : found) {
                if (a.source() != null) predSource.add(new int[][] {{a.source().start(), a.source().end()}});
                predContent.add(a.content().stream().map(s -> new int[] {s.start(), s.end()}).toArray(int[][]::new));
            }
            double w = 1.0 / annotators.size();
            for (String who : annotators) {
                List<int[][]> goldSource = new ArrayList<>(), goldContent = new ArrayList<>();
                for (JsonNode r : annotations.getOrDefault(who, List.of())) {
                    if (r.hasNonNull("source")) goldSource.add(offsets(r.get("source")));
                    if (r.hasNonNull("content")) goldContent.add(offsets(r.get("content")));
                }
                source.add(text, goldSource, predSource, w);
                content.add(text, goldContent, predContent, w);
            }
        }
        if (dumpOut != null) dumpOut.close();
        double secs = (System.nanoTime() - t0) / 1e9;
        var out = System.out;
        out.printf("attribution: %d documents%s, %.0f gold / %.0f predicted sources, %.0f gold / %.0f predicted contents (%.1f s)%n",
                n, split == null ? "" : " (split " + split + ")", source.gold(), source.predicted(), content.gold(), content.predicted(), secs);
        out.printf("%-8s %-8s %6s %6s %6s%n", "span", "match", "P", "R", "F1");
        row("source", "exact", source.precisionExact(), source.recallExact(), source.f1Exact());
        row("source", "overlap", source.precisionOverlap(), source.recallOverlap(), source.f1Overlap());
        row("content", "exact", content.precisionExact(), content.recallExact(), content.f1Exact());
        row("content", "overlap", content.precisionOverlap(), content.recallOverlap(), content.f1Overlap());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source_f1_exact", round(source.f1Exact()));
            m.put("source_f1_overlap", round(source.f1Overlap()));
            m.put("content_f1_exact", round(content.f1Exact()));
            m.put("content_f1_overlap", round(content.f1Overlap()));
            m.put("source_p_overlap", round(source.precisionOverlap()));
            m.put("source_r_overlap", round(source.recallOverlap()));
            m.put("content_p_overlap", round(content.precisionOverlap()));
            m.put("content_r_overlap", round(content.recallOverlap()));
            m.put("split", split == null ? "all" : split);
            m.put("n", n);
            out.println(Json.MAPPER.writeValueAsString(m));
        }
    }

    /** Trains the cue tagger on the train split, first annotator of each article, and writes its weights. */
    private CueTagger trainTagger(List<JsonNode> docs, Map<String, Map<String, List<JsonNode>>> byDoc) throws java.io.IOException {
        List<LearnedCues.AnnotatedText> texts = trainTexts(docs, byDoc);
        long t0 = System.nanoTime();
        String provenance = "averaged perceptron trained by 'sitrep eval attribution " + articles.getFileName() + " " + attributions.getFileName()
                + " --train-cue-tagger ... --tagger-epochs " + epochs + " --tagger-min-weight " + minWeight + "' on the " + texts.size()
                + " articles whose split is train (PolNeAR v1.0.0, Newell, Margolin & Ruths, LREC 2018), first annotator of each";
        CueTagger tagger = CueTagger.train(texts, epochs, minWeight, provenance);
        java.nio.file.Files.createDirectories(trainTagger.toAbsolutePath().getParent());
        try (var out = java.nio.file.Files.newOutputStream(trainTagger)) {
            tagger.write(out);
        }
        System.out.printf("trained the cue tagger on %d train articles in %.1f s (%d features); wrote %s%n",
                texts.size(), (System.nanoTime() - t0) / 1e9, tagger.size(), trainTagger);
        return tagger;
    }

    private List<LearnedCues.AnnotatedText> trainTexts(List<JsonNode> docs, Map<String, Map<String, List<JsonNode>>> byDoc) {
        List<LearnedCues.AnnotatedText> texts = new ArrayList<>();
        for (JsonNode d : docs) {
            if (!"train".equals(d.path("split").asText())) continue;
            Map<String, List<JsonNode>> annotations = byDoc.getOrDefault(d.path("doc_id").asText(), Map.of());
            String first = d.path("annotators").path(0).asText(annotations.isEmpty() ? "" : annotations.keySet().iterator().next());
            List<int[]> cues = new ArrayList<>();
            for (JsonNode r : annotations.getOrDefault(first, List.of())) {
                if (r.hasNonNull("cue")) for (int[] o : offsets(r.get("cue"))) cues.add(o);
            }
            texts.add(new LearnedCues.AnnotatedText(d.path("text").asText(), cues));
        }
        if (texts.isEmpty()) throw new UserException(articles + ": no articles with split 'train' to learn from");
        return texts;
    }

    /** Counts cue words over the train split, the first annotator of each article, and writes the counts. */
    private LearnedCues learn(List<JsonNode> docs, Map<String, Map<String, List<JsonNode>>> byDoc) throws java.io.IOException {
        List<LearnedCues.AnnotatedText> texts = trainTexts(docs, byDoc);
        LearnedCues learned = LearnedCues.learn(texts);
        String provenance = "counted by 'sitrep eval attribution " + articles.getFileName() + " " + attributions.getFileName()
                + " --learn-cues ...' on the " + texts.size() + " articles whose split is train (PolNeAR v1.0.0, Newell, Margolin & Ruths,"
                + " LREC 2018), first annotator of each; words marked as a cue at least twice and in at least 20% of their occurrences";
        java.nio.file.Files.createDirectories(learnCues.toAbsolutePath().getParent());
        java.nio.file.Files.writeString(learnCues, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(learned.toJson(provenance)) + "\n");
        System.out.println("learned cue counts from " + texts.size() + " train articles; wrote " + learnCues);
        return learned;
    }

    private static void row(String span, String match, double p, double r, double f) {
        System.out.printf("%-8s %-8s %6.3f %6.3f %6.3f%n", span, match, p, r, f);
    }

    static double round(double x) { return Math.round(x * 10000) / 10000.0; }

    private static int[][] offsets(JsonNode span) {
        List<int[]> out = new ArrayList<>();
        for (JsonNode o : span.path("offsets")) out.add(new int[] {o.get(0).asInt(), o.get(1).asInt()});
        return out.toArray(new int[0][]);
    }

    static List<JsonNode> read(Path p) {
        try {
            return JsonLines.readAll(p);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
