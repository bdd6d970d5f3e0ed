package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorldDivisionsTest {
    private static PlaceRow town(long id, String name, double lat, double lon, String code, String cc, String admin1, long pop, String... alt) {
        List<String> names = new ArrayList<>(List.of(name));
        names.addAll(List.of(alt));
        return new PlaceRow(id, name, lat, lon, "P", code, cc, admin1, "", pop, names);
    }

    private static InputStream json(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String division(String admin, long id, String en, String geonames) {
        return "{\"name\":\"" + en + "\",\"names\":{\"en\":\"" + en + "\",\"geonames\":\"" + geonames + "\"},\"admin\":\"" + admin
                + "\",\"reference\":{\"geonames\":" + id + "}}";
    }

    private static PlaceRow row(List<PlaceRow> rows, long id) {
        return rows.stream().filter(r -> r.id == id).findFirst().orElseThrow(() -> new AssertionError("no row " + id));
    }

    @Test
    void divisionIsPlacedAtTheMeanOfItsTownsWithTheirPopulationAndItsRealId() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(
                town(1, "Erfurt", 51.0, 11.0, "PPLA", "DE", "15", 210_000),
                town(2, "Jena", 50.9, 11.6, "PPL", "DE", "15", 110_000),
                town(3, "Kiel", 54.3, 10.1, "PPLA", "DE", "10", 240_000)));
        Map<String, String> admin = new HashMap<>();
        int n = WorldDivisions.addTo(rows, admin, json("{\"DE\":{\"regions\":[" + division("15", 2822542, "Thuringia", "Thuringia")
                + "," + division("16", 2872567, "Saxony", "Saxony") + "]}}"));
        assertEquals(1, n, "Saxony has no town in these rows, so no place to put it");
        PlaceRow t = row(rows, 2822542);
        assertEquals("ADM1", t.featureCode);
        assertEquals("15", t.admin1);
        assertEquals(50.95, t.lat, 1e-9);
        assertEquals(11.3, t.lon, 1e-9);
        assertEquals(320_000, t.population);
        assertEquals("Thuringia", admin.get("DE.15"));
    }

    @Test
    void genericWordIsTakenOffUnlessTheShortFormIsABigTownsName() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(
                town(1, "Tartus", 34.9, 35.9, "PPLA", "SY", "14", 115_000, "Tartous"),
                town(2, "Baniyas", 35.2, 35.95, "PPL", "SY", "14", 40_000),
                town(3, "Kisumu", -0.1, 34.75, "PPLA", "KE", "26", 400_000),
                town(4, "Ahero", -0.17, 34.9, "PPL", "KE", "26", 10_000),
                town(5, "Kapsabet", 0.2, 35.1, "PPLA", "KE", "40", 10_000)));
        WorldDivisions.addTo(rows, new HashMap<>(), json("{\"SY\":{\"regions\":[" + division("14", 163342, "Tartus Governorate", "Tartus")
                + "]},\"KE\":{\"regions\":[" + division("26", 191242, "Kisumu", "Kisumu") + "," + division("40", 8051212, "Nandi County", "Nandi")
                + "]}}"));
        assertEquals(List.of("Tartus Governorate"), row(rows, 163342).names, "'Tartus' is the seat's name");
        assertFalse(rows.stream().anyMatch(r -> r.id == 191242), "a division named only as its big town is left to the town");
        assertEquals(List.of("Nandi County", "Nandi"), row(rows, 8051212).names);
    }

    @Test
    void commonWordsVagueDirectionsAndCountryNamesKeepOnlyTheirLongForm() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(
                town(1, "Orleans", 47.9, 1.9, "PPLA", "FR", "24", 116_000),
                town(2, "Maroua", 10.6, 14.3, "PPLA", "CM", "12", 200_000),
                town(3, "Toluca", 19.3, -99.7, "PPLA", "MX", "15", 500_000)));
        rows.add(new PlaceRow(3996063, "Mexico", 23, -102, "A", "PCLI", "MX", "", "", 120_000_000, new ArrayList<>(List.of("Mexico"))));
        WorldDivisions.addTo(rows, new HashMap<>(), json("{\"FR\":{\"regions\":[" + division("24", 3027939, "Centre Region", "Centre")
                + "]},\"CM\":{\"regions\":[" + division("12", 2233387, "Far North", "Far North")
                + "]},\"MX\":{\"regions\":[" + division("15", 3523272, "State of Mexico", "Mexico") + "]}}"));
        assertEquals(List.of("Centre Region"), row(rows, 3027939).names, "'Centre' is an English word");
        assertFalse(rows.stream().anyMatch(r -> r.id == 2233387), "'Far North' alone names no one division");
        assertEquals(List.of("State of Mexico"), row(rows, 3523272).names, "'Mexico' is the country");
    }

    @Test
    void sitrepsOwnRowTakesTheRealIdAndNewNamesInsteadOfASecondRow() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town(1, "Alexandria", 31.2, 29.9, "PPLA", "EG", "06", 5_000_000, "الإسكندرية")));
        rows.add(new PlaceRow(-940282, "Alexandria Governorate", 31.1, 29.8, "A", "ADM1", "EG", "06", "", 5_300_000,
                new ArrayList<>(List.of("Alexandria Governorate"))));
        WorldDivisions.addTo(rows, new HashMap<>(), json("{\"EG\":{\"regions\":[{\"names\":{\"en\":\"Alexandria Governorate\","
                + "\"geonames\":\"Alexandria\",\"ar\":\"محافظة الإسكندرية\"},\"admin\":\"06\",\"reference\":{\"geonames\":361059}}]}}"));
        assertEquals(2, rows.size());
        PlaceRow g = row(rows, 361059);
        assertEquals(31.1, g.lat, 1e-9, "the table's own point is kept");
        assertEquals(List.of("Alexandria Governorate", "محافظة الإسكندرية"), g.names);
    }

    @Test
    void notTheTableIsRefused() {
        IOException notJson = assertThrows(IOException.class, () -> WorldDivisions.addTo(new ArrayList<>(), new HashMap<>(), json("state,code\n")));
        assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
        IOException badCode = assertThrows(IOException.class, () -> WorldDivisions.addTo(new ArrayList<>(), new HashMap<>(), json("{\"Syria\":{}}")));
        assertTrue(badCode.getMessage().contains("country code"), badCode.getMessage());
    }

    @Test
    void divisionAcrossTheAntimeridianIsPlacedAmongItsTowns() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(
                town(1, "Anadyr", 64.7, 177.5, "PPLA", "RU", "15", 13_000),
                town(2, "Uelen", 66.2, -169.8, "PPL", "RU", "15", 700)));
        WorldDivisions.addTo(rows, new HashMap<>(), json("{\"RU\":{\"regions\":[" + division("15", 2126099, "Chukotka", "Chukotka") + "]}}"));
        PlaceRow c = row(rows, 2126099);
        assertEquals(65.45, c.lat, 1e-9);
        assertEquals(-176.15, c.lon, 1e-9, "between its towns, not at longitude 4");
    }
}
