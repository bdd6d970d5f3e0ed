package org.sitrep.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The trigger words of event types and means, in English, Russian, Ukrainian and Arabic, from
 * {@code triggers.tsv} beside this class (see its header for the format). Immutable; thread-safe.
 */
final class TriggerLexicon {
    static final String RESOURCE = "triggers.tsv";
    static final String MEANS_PREFIX = "means:";

    /** A trigger found in a text: its label, the text as written, and where (token indices). */
    record Hit(String label, String text, int start, int end) {}

    private final PhraseMatcher<String> events = new PhraseMatcher<>();
    private final PhraseMatcher<String> means = new PhraseMatcher<>();
    private final Set<String> labels = new LinkedHashSet<>();

    static TriggerLexicon loadDefault() {
        try (InputStream in = TriggerLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource org/sitrep/extract/" + RESOURCE);
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TriggerLexicon parse(String tsv, String name) {
        TriggerLexicon lex = new TriggerLexicon();
        for (TsvLines.Row row : TsvLines.parse(tsv, name, 3)) {
            String label = row.get(0), phrase = row.get(2);
            try {
                if (label.startsWith(MEANS_PREFIX)) {
                    lex.means.add(phrase, label.substring(MEANS_PREFIX.length()));
                } else {
                    lex.events.add(phrase, label);
                    lex.labels.add(label);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(row.where() + ": " + e.getMessage());
            }
        }
        return lex;
    }

    List<Hit> events(Tokens t) { return hits(events, t); }

    List<Hit> means(Tokens t) { return hits(means, t); }

    Set<String> labels() { return labels; }

    private static List<Hit> hits(PhraseMatcher<String> m, Tokens t) {
        List<PhraseMatcher.Match<String>> ms = m.findAll(t);
        List<Hit> out = new ArrayList<>(ms.size());
        for (var x : ms) out.add(new Hit(x.value(), t.span(x.start(), x.end()), x.start(), x.end()));
        return out;
    }
}
