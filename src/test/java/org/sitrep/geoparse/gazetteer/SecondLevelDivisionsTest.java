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

/** Districts from a GeoNames-style admin2 code table (rows written for these tests, in the dump's format). */
class SecondLevelDivisionsTest {
    private static PlaceRow town(String name, double lat, double lon, String cc, String a1, String a2, long pop) {
        return new PlaceRow(name.hashCode(), name, lat, lon, "P", "PPL", cc, a1, a2, pop, new ArrayList<>(List.of(name)));
    }

    private static InputStream table(String body) {
        return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDistrictIsPlacedAtTheMeanOfItsTownsUnderItsNameWithAndWithoutTheGenericWord() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town("Ghani Khel", 34.20, 70.80, "AF", "18", "701", 9000),
                town("Markaz-e Shinwar", 34.10, 70.90, "AF", "18", "701", 1000)));
        Map<String, String> admin = new HashMap<>();
        assertEquals(1, SecondLevelDivisions.addTo(rows, admin, table("AF.18.701\tShinwār District\tShinwar District\t1125000\n")));
        PlaceRow d = rows.getLast();
        assertEquals("ADM2", d.featureCode);
        assertEquals(1125000, d.id);
        assertEquals(34.15, d.lat, 1e-9);
        assertEquals(70.85, d.lon, 1e-9);
        assertEquals(10000, d.population);
        assertTrue(d.names.contains("Shinwar") && d.names.contains("Shinwar District"), d.names.toString());
        assertEquals("Shinwār District", admin.get("AF.18.701"));
    }

    @Test
    void aDistrictNamedLikeOneOfItsTownsKeepsOnlyItsLongForm() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town("Herat", 34.34, 62.20, "AF", "11", "401", 400000)));
        SecondLevelDivisions.addTo(rows, new HashMap<>(), table("AF.11.401\tHerat\tHerat\t7000001\n"));
        PlaceRow d = rows.getLast();
        assertEquals(List.of("Herat District"), d.names);
    }

    @Test
    void districtsWithoutTownsAndDistrictsTheDumpHasAreLeftOut() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town("Ghani Khel", 34.20, 70.80, "AF", "18", "701", 9000)));
        rows.add(new PlaceRow(5, "Achin District", 34.1, 70.7, "A", "ADM2", "AF", "18", "702", 0, new ArrayList<>(List.of("Achin District"))));
        rows.add(town("Achin", 34.1, 70.7, "AF", "18", "702", 500));
        int added = SecondLevelDivisions.addTo(rows, new HashMap<>(), table("AF.18.702\tAchin\tAchin\t1\nAF.18.703\tDur Baba\tDur Baba\t2\n"));
        assertEquals(0, added);
        assertFalse(rows.stream().anyMatch(r -> r.name.equals("Dur Baba")));
    }

    @Test
    void aMalformedLineIsRefusedWithItsNumber() {
        IOException e = assertThrows(IOException.class, () -> SecondLevelDivisions.addTo(new ArrayList<>(), new HashMap<>(), table("AF.18.701\tShinwar\tShinwar\t1\nnot a code line\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
