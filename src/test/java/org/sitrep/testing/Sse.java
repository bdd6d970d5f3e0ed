package org.sitrep.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading Server-Sent Events in tests. */
public final class Sse {
    private Sse() {}

    /** Reads lines up to the end of the first SSE event that carries data; comment lines are skipped. */
    public static List<String> readEvent(BufferedReader r) {
        List<String> out = new ArrayList<>();
        try {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(":")) continue;
                if (line.isEmpty()) {
                    if (out.stream().anyMatch(l -> l.startsWith("data:"))) return out;
                    continue;
                }
                out.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
