package org.sitrep.geoparse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.geoparse.gazetteer.GazetteerBuilder;

/** Builds the test gazetteer: the cities500 sample in test resources, a few US counties and divisions, and the project's own tables. */
public final class SampleGazetteer {
    private SampleGazetteer() {}

    public static Path sampleFile() {
        return resource("/geoparse/cities500-sample.txt");
    }

    /** A few countries' first-level divisions in the shape of iso3166-2-db's data/iso3166-2.json, written for the tests. */
    static Path divisionsFile() {
        return resource("/geoparse/iso3166-2-sample.json");
    }

    static Path countiesFile() {
        return resource("/geoparse/us-counties-sample.csv");
    }

    private static Path resource(String name) {
        try {
            return Path.of(SampleGazetteer.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Gazetteer build(Path dir) {
        try {
            Files.createDirectories(dir);
            GazetteerBuilder.buildFromCities(sampleFile(), countiesFile(), divisionsFile(), dir, "test sample");
            return Gazetteer.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
