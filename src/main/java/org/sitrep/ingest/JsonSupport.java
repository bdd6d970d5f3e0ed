package org.sitrep.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.sitrep.internal.Json;

/** JSON reading for the API connectors: parse errors become {@link FetchException}s with the reason. */
public final class JsonSupport {
    private JsonSupport() {}

    public static JsonNode parse(FetchResult r) throws FetchException {
        try {
            return Json.MAPPER.readTree(r.text());
        } catch (JsonProcessingException e) {
            throw new FetchException(FetchException.Reason.BAD_CONTENT, r.finalUri(), 0, null,
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Text of a field, or null when absent, null or not a scalar. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
