package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerImporterTest {
    @Test
    void importsZippedDumpWithAlternateNamesAndAdminCodes(@TempDir Path dir) throws IOException, URISyntaxException {
        Path sample = Path.of(getClass().getResource("/geoparse/cities500-sample.txt").toURI());
        Path zip = dir.resolve("SY.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(raw)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not data".getBytes());
            z.putNextEntry(new ZipEntry("SY.txt"));
            z.write(Files.readAllBytes(sample));
        }
        // alternateNamesV2 columns: id, geonameid, language, name, preferred, short, colloquial, historic, from, to
        Path alt = dir.resolve("alternateNamesV2.txt");
        Files.writeString(alt, "1\t164816\ten\tSaraqeb town\t\t\t\t\t\t\n"
                + "2\t164816\tlink\thttps://en.wikipedia.org/wiki/Saraqib\t\t\t\t\t\t\n"
                + "3\t164816\ten\tOld Saraqib\t\t\t\t1\t\t\n");
        Path admin1 = dir.resolve("admin1CodesASCII.txt");
        Files.writeString(admin1, "SY.12\tIdlib Governorate\tIdlib Governorate\t169388\n");
        Path out = dir.resolve("index");
        int n = GazetteerImporter.importDumps(new GazetteerImporter.Dumps(List.of(zip), alt, admin1, null, null), out,
                new PrintStream(new ByteArrayOutputStream()));
        assertTrue(n > 200);
        Gazetteer g = Gazetteer.load(out);
        assertEquals(164816, g.place(g.candidates(NameKey.of("Saraqeb town"))[0]).geonameId());
        assertEquals(0, g.candidates(NameKey.of("Old Saraqib")).length, "historic names are left out");
        int saraqib = g.candidates("saraqib")[0];
        assertEquals("Syria > Idlib Governorate > Sarāqib", g.adminPath(g.place(saraqib)));
        assertTrue(g.description().startsWith("GeoNames dumps"));
    }
}
