package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class UsCountiesTest {
    private static final String HEADER = "state,statefp,countyfp,countyname,classfp\n";

    private static PlaceRow town(String name, double lat, double lon, String state, String county, long pop) {
        return new PlaceRow(name.hashCode(), name, lat, lon, "P", "PPL", "US", state, county, pop, new ArrayList<>(List.of(name)));
    }

    private static InputStream csv(String body) {
        return new ByteArrayInputStream((HEADER + body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void countyIsPlacedAtTheMeanOfItsTownsWithTheirPopulation() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town("London", 37.0, -84.0, "KY", "125", 8000), town("East Bernstadt", 37.2, -84.2, "KY", "125", 700)));
        Map<String, String> admin = new HashMap<>();
        assertEquals(1, UsCounties.addTo(rows, admin, csv("KY,21,125,Laurel County,H1\n")));
        PlaceRow c = rows.getLast();
        assertEquals("Laurel County", c.name);
        assertEquals("ADM2", c.featureCode);
        assertEquals(-2021125, c.id);
        assertEquals(37.1, c.lat, 1e-9);
        assertEquals(-84.1, c.lon, 1e-9);
        assertEquals(8700, c.population);
        assertEquals("Laurel County", admin.get("US.KY.125"));
    }

    @Test
    void countiesWithoutTownsIndependentCitiesAndCountiesTheDumpHasAreLeftOut() throws IOException {
        List<PlaceRow> rows = new ArrayList<>(List.of(town("Alexandria", 38.8, -77.0, "VA", "510", 150000)));
        rows.add(new PlaceRow(4758041, "Fairfax County", 38.8, -77.3, "A", "ADM2", "US", "VA", "059", 1_000_000, new ArrayList<>(List.of("Fairfax County"))));
        rows.add(town("Fairfax", 38.85, -77.3, "VA", "059", 24000));
        int added = UsCounties.addTo(rows, new HashMap<>(), csv("VA,51,510,Alexandria city,C7\nIN,18,011,Boone County,H1\nVA,51,059,Fairfax County,H1\n"));
        assertEquals(0, added);
        assertEquals(3, rows.size());
    }

    @Test
    void anotherFileIsRefusedWithItsLine() {
        IOException e = assertThrows(IOException.class, () -> UsCounties.addTo(new ArrayList<>(), new HashMap<>(),
                new ByteArrayInputStream("id,name\n1,x\n".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("FIPS"), e.getMessage());
        IOException bad = assertThrows(IOException.class, () -> UsCounties.addTo(new ArrayList<>(), new HashMap<>(), csv("KY,21,12x,Laurel County,H1\n")));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
    }
}
