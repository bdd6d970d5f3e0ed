package org.sitrep.geoparse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.GazetteerBuilder;

/** Builds the test gazetteer: the cities500 sample in test resources plus the project's own tables. */
public final class SampleGazetteer {
    private SampleGazetteer() {}

    public static Path sampleFile() {
        try {
            return Path.of(SampleGazetteer.class.getResource("/geoparse/cities500-sample.txt").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Gazetteer build(Path dir) {
        try {
            Files.createDirectories(dir);
            GazetteerBuilder.buildFromCities(sampleFile(), dir, "test sample");
            return Gazetteer.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
