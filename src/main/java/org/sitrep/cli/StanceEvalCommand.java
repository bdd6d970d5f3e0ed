package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sitrep.claims.StanceClassifier;
import org.sitrep.claims.StanceTrainer;
import org.sitrep.eval.Classification;
import org.sitrep.internal.Json;
import org.sitrep.model.Stance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitrep eval stance FILE}: headline stance towards a claim (Emergent: for / against / observing)
 * on the rows whose split is test, and on all rows, reading each row's headline and URL ({@code --headline-only}:
 * the headline alone). With {@code --train-out} it first retrains the model on the train rows only and writes
 * its weights there.
 */
@Command(name = "stance", mixinStandardHelpOptions = true,
        description = "Score headline stance (supports/denies/observes) on an Emergent JSON Lines file.")
final class StanceEvalCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "JSON Lines with claim_headline, article_headline, stance (for/against/observing), split") Path file;
    @Option(names = "--json", description = "end with one JSON line of the test-split figures") boolean json;
    @Option(names = "--headline-only", description = "ignore the rows' URLs (as for a report without one)") boolean headlineOnly;
    @Option(names = "--train-out", description = "retrain on the train split and write the weights to this file first") Path trainOut;

    @Override
    public Integer call() throws Exception {
        List<JsonNode> rows = AttributionEvalCommand.read(file);
        StanceClassifier model;
        Double cvAccuracy = null;
        if (trainOut != null) {
            List<StanceTrainer.Example> train = new ArrayList<>();
            for (JsonNode r : rows) {
                if ("train".equals(r.path("split").asText())) {
                    train.add(new StanceTrainer.Example(r.path("claim_id").asText(), r.path("claim_headline").asText(),
                            r.path("article_headline").asText(), url(r), stance(r)));
                }
            }
            if (train.isEmpty()) throw new UserException(file + ": no rows with split 'train' to learn from");
            StanceTrainer trainer = new StanceTrainer();
            model = trainer.train(train);
            String provenance = "trained by 'sitrep eval stance " + file.getFileName() + " --train-out ...' on the "
                    + train.size() + " rows whose split is train (Emergent, Ferreira & Vlachos 2016); L2 " + trainer.chosenL2()
                    + " chosen by 5-fold cross-validation grouped by claim_id on those rows, averaged over "
                    + trainer.crossValidationAccuracyByAssignment().values().iterator().next().length + " fold assignments";
            Files.createDirectories(trainOut.toAbsolutePath().getParent());
            Files.writeString(trainOut, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(StanceTrainer.toJson(model, provenance)) + "\n");
            System.out.println("trained on " + train.size() + " train rows; wrote " + trainOut);
            System.out.println("cross-validation on the train rows (5 folds grouped by claim_id), accuracy by L2:");
            trainer.crossValidationAccuracyByAssignment().forEach((l2, acc) -> {
                StringBuilder b = new StringBuilder();
                for (double x : acc) b.append(String.format(" %.4f", x));
                System.out.printf("  L2 %-6s headline+url: mean %.4f (assignments%s); headline only: %.4f%s%n", l2,
                        trainer.crossValidationAccuracy().get(l2), b, trainer.crossValidationHeadlineAccuracy().get(l2),
                        l2 == trainer.chosenL2() ? "  <- chosen" : "");
            });
            cvAccuracy = trainer.crossValidationAccuracy().get(trainer.chosenL2());
        } else {
            model = StanceClassifier.load();
        }
        Classification test = new Classification(), all = new Classification();
        for (JsonNode r : rows) {
            Stance gold = stance(r);
            Stance pred = model.classify(r.path("claim_headline").asText(), r.path("article_headline").asText(),
                    headlineOnly ? null : url(r));
            all.add(gold.wire(), pred.wire());
            if ("test".equals(r.path("split").asText())) test.add(gold.wire(), pred.wire());
        }
        if (headlineOnly) System.out.println("stance: headlines only (URLs ignored)");
        System.out.printf("stance: test split %d rows: accuracy %.4f (%d right), macro-F1 %.3f (F1 supports %.3f, denies %.3f, observes %.3f)%n",
                test.n(), test.accuracy(), Math.round(test.accuracy() * test.n()), test.macroF1(), test.f1("supports"), test.f1("denies"), test.f1("observes"));
        System.out.printf("stance: all rows %d: accuracy %.4f, macro-F1 %.3f (the train rows were seen in training)%n",
                all.n(), all.accuracy(), all.macroF1());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", AttributionEvalCommand.round(test.accuracy()));
            m.put("macro_f1", AttributionEvalCommand.round(test.macroF1()));
            m.put("n", test.n());
            m.put("inputs", headlineOnly ? "headline" : "headline+url");
            m.put("all_accuracy", AttributionEvalCommand.round(all.accuracy()));
            m.put("all_macro_f1", AttributionEvalCommand.round(all.macroF1()));
            m.put("all_n", all.n());
            if (cvAccuracy != null) m.put("train_cv_accuracy", AttributionEvalCommand.round(cvAccuracy));
            System.out.println(Json.MAPPER.writeValueAsString(m));
        }
        return 0;
    }

    private static String url(JsonNode r) {
        String u = r.path("url").asText("");
        return u.isBlank() ? null : u;
    }

    private Stance stance(JsonNode r) {
        String s = r.path("stance").asText();
        return switch (s) {
            case "for" -> Stance.SUPPORTS;
            case "against" -> Stance.DENIES;
            case "observing" -> Stance.OBSERVES;
            default -> throw new UserException(file + ": unknown stance '" + s + "' (expected for, against or observing)");
        };
    }
}
