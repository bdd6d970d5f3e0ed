package org.sitrep.geoparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.model.Report;
import org.sitrep.model.Source;

class GeoparsersTest {
    private final PrintStream quiet = new PrintStream(new ByteArrayOutputStream());

    @Test
    void missingGazetteerWithoutInstallNamesTheCommand(@TempDir Path dir) {
        var e = assertThrows(Geoparsers.GazetteerUnavailableException.class, () -> Geoparsers.load(dir, false, quiet));
        assertTrue(e.getMessage().contains("sitrep gazetteer install"), e.getMessage());
    }

    @Test
    void indexFromAnotherVersionIsRefusedWithTheFix(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(b)) {
            out.writeInt(0x53475a31);
            out.writeInt(1);
        }
        Files.write(dir.resolve(Gazetteer.FILE), b.toByteArray());
        var e = assertThrows(Geoparsers.GazetteerUnavailableException.class, () -> Geoparsers.load(dir, false, quiet));
        assertTrue(e.getMessage().contains("install --force"), e.getMessage());
    }

    @Test
    void loadsAnInstalledDirectory(@TempDir Path dir) {
        SampleGazetteer.build(dir);
        var g = Geoparsers.load(dir, false, quiet);
        var r = new Report(null, "t", null, null, "", "Shelling in Idlib.", null, Instant.EPOCH, null, null, null);
        assertEquals(169389L, g.parse(r, Source.named("t")).eventLocation().geonameId());
    }
}
