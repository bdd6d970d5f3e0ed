package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sitrep.internal.Json;
import org.sitrep.testing.TestServer;

/** Protests starting at once in many towns of one province come out as separate events grouped in one wave. */
class WavesIT {
    @Test
    void simultaneousProtestsInManyTownsAreOneWaveOfSeparateEvents() throws Exception {
        String[][] towns = {{"Sarmada", "36.178", "36.715"}, {"Binnish", "35.956", "36.714"}, {"Atarib", "36.137", "36.830"},
                {"Taftanaz", "35.998", "36.784"}, {"Maarat Misrin", "36.012", "36.673"}, {"Kafr Nabl", "35.613", "36.561"}};
        try (TestServer s = new TestServer()) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < towns.length; i++) {
                items.add(ApiServerIT.report("agg", "w" + i, "Protest in " + towns[i][0],
                        "Hundreds of people took to the streets of " + towns[i][0] + " after Friday prayers, waving the same green "
                                + "flags, chanting the same slogans against the local council and singing the same songs.",
                        "2026-11-21T11:0" + i + ":00Z", Double.parseDouble(towns[i][1]), Double.parseDouble(towns[i][2])));
            }
            assertEquals(201, s.post("/api/reports", "[" + String.join(",", items) + "]").statusCode());
            JsonNode waves = Json.MAPPER.readTree(s.get("/api/waves").body()).get("waves");
            assertEquals(1, waves.size(), "one wave, with both grounds: " + waves);
            JsonNode wave = waves.get(0);
            assertTrue(wave.get("eventIds").size() >= 4, "the towns' events are members: " + wave);
            assertTrue(!wave.get("reason").asText().isBlank(), "a wave says what made it a wave");
            String member = wave.get("eventIds").get(0).asText();
            JsonNode detail = Json.MAPPER.readTree(s.get("/api/events/" + member).body());
            List<String> detailWaves = new ArrayList<>();
            detail.at("/properties/waves").forEach(w -> detailWaves.add(w.get("id").asText()));
            assertTrue(detailWaves.contains(wave.get("id").asText()), "the event detail lists its waves: " + detailWaves);
            long events = Json.MAPPER.readTree(s.get("/api/events?type=Protests").body()).get("features").size();
            assertTrue(events >= 4, "protests in different towns stay different events: " + events);
        }
    }
}
