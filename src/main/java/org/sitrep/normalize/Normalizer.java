package org.sitrep.normalize;

import java.text.Normalizer.Form;
import java.util.regex.Pattern;
import org.sitrep.model.Report;

/**
 * Stage 1: Unicode NFC, control characters removed, whitespace collapsed (line breaks kept as
 * paragraph marks). Text that arrives with HTML should already be stripped by the connector; this
 * stage makes sure no markup-significant control characters survive. Thread-safe.
 */
public final class Normalizer {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u200B-\\u200D\\uFEFF]");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");

    public Report normalize(Report r) {
        return new Report(r.id(), r.sourceId(), r.externalId(), r.url(), clean(r.title()).replace('\n', ' '),
                clean(r.text()), r.language(), r.publishedAt(), r.fetchedAt(), r.media(), r.point(), r.author());
    }

    public static String clean(String s) {
        if (s == null || s.isEmpty()) return "";
        String t = java.text.Normalizer.normalize(s, Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        t = CONTROL.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ");
        t = BLANK_LINES.matcher(t).replaceAll("\n\n");
        return t.strip();
    }
}
