package org.sitrep.ingest.file;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: comma-separated, double quotes around fields with commas, quotes or line breaks,
 * doubled quotes inside. Works on physical lines from {@link LineReader} so records keep byte offsets.
 */
final class Csv {
    private Csv() {}

    /**
     * Parses a record that may span lines; {@code more} supplies the next physical line while a quoted
     * field is open (null at end of input). Returns null when a quote is never closed.
     */
    static List<String> parse(String first, java.util.function.Supplier<String> more, int maxFields) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        String line = first;
        int i = 0;
        boolean quoted = false;
        while (true) {
            if (i >= line.length()) {
                if (!quoted) break;
                String next = more.get();
                if (next == null) return null;
                f.append('\n');
                line = next;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < line.length() && line.charAt(i) == '"') { f.append('"'); i++; }
                    else quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                if (fields.size() > maxFields) throw new IllegalArgumentException("more than " + maxFields + " fields");
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields;
    }
}
