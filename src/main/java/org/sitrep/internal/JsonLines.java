package org.sitrep.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads JSON Lines files (one JSON object per line; blank lines skipped). */
public final class JsonLines {
    private JsonLines() {}

    /** Reads a whole file of objects. Fails with the line number on the first malformed line. */
    public static List<JsonNode> readAll(Path file) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                try {
                    out.add(Json.MAPPER.readTree(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + n + ": not valid JSON (" + e.getOriginalMessage() + ")");
                }
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file not found: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
