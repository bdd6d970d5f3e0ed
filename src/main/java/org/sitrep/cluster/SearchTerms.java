package org.sitrep.cluster;

import java.util.LinkedHashSet;
import java.util.Set;
import org.sitrep.model.Report;

/**
 * The words a report is found by in a text search for clustering candidates: the words of its
 * headline and the names (capitalised words inside a sentence) of its first few thousand
 * characters. Names and headline words are what two reports of one incident share even when they
 * were placed differently ("Malibu" in one, "Hollywood" in the other); the body's common words would
 * only find every report of the same kind. Stateless and thread-safe.
 */
final class SearchTerms {
    /** Characters of the body read for names: the lead carries the who and where. */
    static final int BODY_CHARS = 4_000;
    /** Most words kept per report. */
    static final int MAX_PER_REPORT = 48;

    private SearchTerms() {}

    static Set<String> of(Report r) {
        Set<String> out = new LinkedHashSet<>();
        Tokenizer.Sink sink = (word, capitalised, inTitle, sentenceStart) -> {
            if (out.size() >= MAX_PER_REPORT || word.length() < 3 || Character.isDigit(word.charAt(0))
                    || Stopwords.contains(word)) return;
            if (inTitle || (capitalised && !sentenceStart)) out.add(word);
        };
        Tokenizer.tokenize(r.title(), true, sink);
        String text = r.text();
        if (text != null && text.length() > BODY_CHARS) text = text.substring(0, BODY_CHARS);
        Tokenizer.tokenize(text, false, sink);
        return out;
    }
}
