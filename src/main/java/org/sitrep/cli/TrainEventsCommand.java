package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sitrep.extract.TypeModelTrainer;
import org.sitrep.internal.JsonLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitrep train events FILE.jsonl...}: learns the event-type model's weights from ACLED-style
 * records (text in {@code notes}, label in {@code sub_event_type}). The default split keeps rows
 * with an even {@code data_id} for training, so rows with an odd one stay held out
 * ({@code sitrep eval events --holdout}).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Train the event sub-type model on ACLED-style JSON Lines (notes + sub_event_type).")
final class TrainEventsCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE.jsonl") List<Path> files;

    @Option(names = "--split", defaultValue = "even",
            description = "even: train on rows with an even data_id (the documented split; odd rows are held out); all: every row")
    String split;

    @Option(names = "--out", description = "where to write the model (default: src/main/resources/org/sitrep/extract/type-model.bin)")
    Path out;

    @Override
    public Integer call() {
        if (!split.equals("even") && !split.equals("all")) throw new UserException("--split must be even or all, not " + split);
        Path target = out != null ? out : Path.of("src/main/resources/org/sitrep/extract/type-model.bin");
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new UserException("no folder " + target.getParent() + "; run from the project root or give --out");
        }
        List<TypeModelTrainer.Example> examples = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            List<JsonNode> rows;
            try {
                rows = JsonLines.readAll(f);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            for (JsonNode r : rows) {
                if (split.equals("even")) {
                    JsonNode id = r.get("data_id");
                    if (id == null || !id.canConvertToLong() || id.asLong() % 2 != 0) continue;
                }
                examples.add(new TypeModelTrainer.Example(r.path("notes").asText(""), r.path("sub_event_type").asText("")));
            }
            names.add(f.getFileName().toString());
        }
        TypeModelTrainer.Settings settings = TypeModelTrainer.Settings.defaults();
        String desc = "trained on " + String.join(", ", names) + " rows with " + (split.equals("even") ? "even data_id" : "any data_id");
        TypeModelTrainer.Trained model = new TypeModelTrainer().train(examples, settings, desc);
        try (OutputStream o = Files.newOutputStream(target)) {
            model.write(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("wrote %s: %d weight rows from %d examples (%s)%n", target, model.rows(), examples.size(), desc);
        return 0;
    }
}
