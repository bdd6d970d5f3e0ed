package org.sitrep.extract;

import java.util.ArrayList;
import java.util.List;

/** Reads the extractor's tab-separated lexicons: '#' starts a comment line, blank lines are skipped. */
final class TsvLines {
    private TsvLines() {}

    /** Lexicon files are small; a file past this many lines is a mistake, not a lexicon. */
    static final int MAX_LINES = 200_000;

    record Row(String source, int line, String[] cols) {
        String get(int i) { return i < cols.length ? cols[i].trim() : ""; }

        String where() { return source + " line " + line; }
    }

    static List<Row> parse(String text, String source, int minCols) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new IllegalArgumentException(source + ": more than " + MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.stripLeading().startsWith("#")) continue;
            String[] cols = l.split("\t", -1);
            if (cols.length < minCols || cols[0].isBlank() || cols[minCols - 1].isBlank()) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected " + minCols
                        + " tab-separated columns, got: " + l);
            }
            rows.add(new Row(source, i + 1, cols));
        }
        return rows;
    }
}
