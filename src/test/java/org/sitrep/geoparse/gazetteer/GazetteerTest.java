package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.Place;

class GazetteerTest {
    static final long KHARKIV = 706483, SYRIA = 163843, HMEIMIM_AIR_BASE = -1000001;
    static Gazetteer gazetteer;

    @BeforeAll
    static void build(@TempDir Path dir) throws IOException, URISyntaxException {
        Path sample = Path.of(GazetteerTest.class.getResource("/geoparse/cities500-sample.txt").toURI());
        GazetteerBuilder.buildFromCities(sample, dir, "test sample");
        gazetteer = Gazetteer.load(dir);
    }

    private static long[] ids(String name) {
        return Arrays.stream(gazetteer.candidates(NameKey.of(name))).mapToLong(i -> gazetteer.place(i).geonameId()).toArray();
    }

    @Test
    void alternateNamesInEveryScriptFindThePlace() {
        for (String n : new String[] {"Kharkiv", "Kharkov", "Харків", "Харьков", "خاركوف"}) {
            assertTrue(Arrays.stream(ids(n)).anyMatch(id -> id == KHARKIV), n);
        }
    }

    @Test
    void candidatesAreMostPopulousFirst() {
        int[] c = gazetteer.candidates("alexandria");
        assertTrue(c.length >= 3);
        for (int i = 1; i < c.length; i++) assertTrue(gazetteer.place(c[i - 1]).population() >= gazetteer.place(c[i]).population());
    }

    @Test
    void projectTablesAddCountriesDivisionsAndSupplement() {
        assertTrue(Arrays.stream(ids("Syria")).anyMatch(id -> id == SYRIA));
        assertTrue(Arrays.stream(ids("سوريا")).anyMatch(id -> id == SYRIA));
        assertTrue(Arrays.stream(ids("Khmeimim")).anyMatch(id -> id == HMEIMIM_AIR_BASE));
        int idlibProvince = gazetteer.candidates(NameKey.of("Idlib Governorate"))[0];
        Place p = gazetteer.place(idlibProvince);
        assertEquals("ADM1", p.featureCode());
        assertEquals("12", p.admin1(), "admin1 code taken from the seat Idlib in the dump");
        int hmeimim = gazetteer.candidates(NameKey.of("Hmeimim"))[0];
        assertFalse(gazetteer.place(hmeimim).admin1().isEmpty(), "supplement rows get the admin codes of the nearest town");
    }

    @Test
    void adminPathNamesCountryAndDivision() {
        int k = gazetteer.candidates("kharkiv")[0];
        assertEquals("Ukraine > Kharkiv Oblast > Kharkiv", gazetteer.adminPath(gazetteer.place(k)));
    }

    @Test
    void aFileThatIsNotAnIndexIsRefusedWithAReason(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(Gazetteer.FILE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        IOException e = assertThrows(IOException.class, () -> Gazetteer.load(dir));
        assertTrue(e.getMessage().contains("not a Sitrep gazetteer index"));
    }

    @Test
    void missingIndexNamesTheFile(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Gazetteer.load(dir));
        assertTrue(e.getMessage().contains(Gazetteer.FILE));
    }

    @Test
    void malformedDumpIsRefused(@TempDir Path dir) throws IOException {
        Path junk = dir.resolve("junk.txt");
        Files.writeString(junk, "this is\nnot a\ngeonames dump\n".repeat(20));
        IOException e = assertThrows(IOException.class, () -> GazetteerBuilder.buildFromCities(junk, dir.resolve("out"), "junk"));
        assertTrue(e.getMessage().contains("GeoNames"));
    }

    @Test
    void codesAndLinksAmongAlternateNamesAreDropped() {
        assertFalse(GeoNamesFormat.keepAlternate("HRK"));
        assertFalse(GeoNamesFormat.keepAlternate("https://en.wikipedia.org/wiki/Kharkiv"));
        assertFalse(GeoNamesFormat.keepAlternate("61000"));
        assertTrue(GeoNamesFormat.keepAlternate("Kharkov"));
        assertTrue(GeoNamesFormat.keepAlternate("خاركوف"));
    }

    @Test
    void initialismsOfACitysNameAreKeptUnlikeAirportCodes() {
        assertTrue(GeoNamesFormat.isInitialism("NYC", "New York City"));
        assertTrue(GeoNamesFormat.isInitialism("LA", "Los Angeles"));
        assertFalse(GeoNamesFormat.isInitialism("LAX", "Los Angeles"));
        assertFalse(GeoNamesFormat.isInitialism("HRK", "Kharkiv"));
    }

    @Test
    void homeDirectoryOrder() {
        assertEquals(Path.of("/x"), GazetteerHome.resolve(Path.of("/x"), Map.of("SITREP_HOME", "/h"), "/home/u"));
        assertEquals(Path.of("/h/gazetteer"), GazetteerHome.resolve(null, Map.of("SITREP_HOME", "/h"), "/home/u"));
        assertEquals(Path.of("/home/u/.sitrep/gazetteer"), GazetteerHome.resolve(null, Map.of(), "/home/u"));
    }
}
