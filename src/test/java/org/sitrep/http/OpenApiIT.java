package org.sitrep.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.sitrep.internal.Json;
import org.sitrep.testing.TestServer;

class OpenApiIT {
    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        try (TestServer s = new TestServer()) {
            JsonNode doc = Json.MAPPER.readTree(s.get("/api/openapi.json").body());
            assertEquals("3.1.0", doc.get("openapi").asText());
            TreeSet<String> documented = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                p.getValue().fieldNames().forEachRemaining(m -> documented.add(m + " " + p.getKey()));
            }
            TreeSet<String> real = new TreeSet<>(s.server.routes());
            TreeSet<String> undocumented = new TreeSet<>(real);
            undocumented.removeAll(documented);
            TreeSet<String> missing = new TreeSet<>(documented);
            missing.removeAll(real);
            assertTrue(undocumented.isEmpty(), "routes without a line in OpenApi.OPS: " + undocumented);
            assertTrue(missing.isEmpty(), "documented but not routed: " + missing);
            assertTrue(real.size() > 30, "the check saw the real router: " + real.size());
        }
    }
}
