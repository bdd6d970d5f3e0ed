package org.sitrep.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import org.sitrep.internal.Json;

/** Small JSON request bodies (logins, edits, subscriptions): capped, must be an object, strict about field names. */
final class Bodies {
    static final int MAX_BYTES = 256 * 1024;

    private Bodies() {}

    static JsonNode object(Context ctx, Set<String> allowed) {
        byte[] bytes;
        try {
            bytes = ctx.bodyInputStream().readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "could not read the request body: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) throw new ApiException(413, null, "request body larger than " + MAX_BYTES + " bytes");
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest(null, "could not read the request body: " + e.getMessage());
        }
        if (n == null || !n.isObject()) throw ApiException.badRequest(null, "send a JSON object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiException.badRequest(f, "unknown field '" + f + "'; expected " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        return n;
    }

    static String text(JsonNode n, String field, boolean required, int maxLength) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw ApiException.badRequest(field, field + " is required");
            return null;
        }
        if (!v.isTextual()) throw ApiException.badRequest(field, field + " must be a string");
        String s = v.asText();
        if (required && s.isBlank()) throw ApiException.badRequest(field, field + " must not be empty");
        if (s.length() > maxLength) throw ApiException.badRequest(field, field + " is longer than " + maxLength + " characters");
        return s;
    }
}
