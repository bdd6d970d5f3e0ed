package org.sitrep.cluster;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Splits text into lower-case words of letters and digits in any script. Diacritics and Arabic
 * short vowels are dropped (NFD, combining marks removed) so "Donetsk"/"Donétsk" and voweled or
 * unvoweled Arabic spellings meet; Arabic-Indic and other digits become ASCII so "٣" and "3"
 * are the same number. Stateless and thread-safe.
 */
final class Tokenizer {
    private Tokenizer() {}

    interface Sink {
        void word(String lowerCase, boolean capitalised, boolean inTitle, boolean sentenceStart);
    }

    static void tokenize(String text, boolean inTitle, Sink sink) {
        if (text == null || text.isEmpty()) return;
        String t = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder word = new StringBuilder(24);
        boolean capitalised = false, sentenceStart = true, nextSentenceStart = true;
        int i = 0, n = t.length();
        while (i <= n) {
            int cp = i < n ? t.codePointAt(i) : ' ';
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || cp == 0x0640 /* Arabic tatweel */;
            if (mark) {
                i += Character.charCount(cp);
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                if (word.isEmpty()) {
                    capitalised = Character.isUpperCase(cp) || Character.isTitleCase(cp);
                    sentenceStart = nextSentenceStart;
                    nextSentenceStart = false;
                }
                if (Character.isDigit(cp)) word.append((char) ('0' + Character.digit(cp, 10)));
                else word.appendCodePoint(Character.toLowerCase(cp));
            } else {
                if (!word.isEmpty()) {
                    sink.word(word.toString().toLowerCase(Locale.ROOT), capitalised, inTitle, sentenceStart);
                    word.setLength(0);
                }
                if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == ';'
                        || cp == 0x061F /* Arabic question mark */ || cp == 0x06D4 /* Arabic full stop */) {
                    nextSentenceStart = true;
                }
            }
            i += Character.charCount(cp);
        }
    }
}
