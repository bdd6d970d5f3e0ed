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
        boolean capitalised = false, sentenceStart = true, nextSentenceStart = true, ascii = true;
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
                else {
                    int lower = Character.toLowerCase(cp);
                    if (lower >= 0x80) ascii = false;
                    word.appendCodePoint(lower);
                }
            } else {
                if (!word.isEmpty()) {
                    // An ASCII word is lower-case already; others go through String's rules too (a final sigma).
                    String w = word.toString();
                    sink.word(ascii ? w : w.toLowerCase(Locale.ROOT), capitalised, inTitle, sentenceStart);
                    word.setLength(0);
                    ascii = true;
                }
                if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == ';'
                        || cp == 0x061F /* Arabic question mark */ || cp == 0x06D4 /* Arabic full stop */) {
                    nextSentenceStart = true;
                }
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * An English plural's singular ("climbers" -> climber, "injuries" -> injury, "churches" -> church,
     * "houses" -> house); other words as they are ("news", "virus", "crisis", "gas", "this"). Two reports
     * of one incident say "a climber fell" and "the climbers' bodies": one word. A crude rule, the same
     * for every report, so a word it gets wrong ("series" -> sery) still matches itself.
     */
    static String singular(String w) {
        int n = w.length();
        if (n <= 3 || w.charAt(n - 1) != 's') return w;
        char p = w.charAt(n - 2);
        if (p == 's' || p == 'u' || p == 'i' || p == '\'' || !Character.isLetter(p) || w.charAt(0) > 'z') return w;
        if (w.endsWith("ies") && n > 4) return w.substring(0, n - 3) + "y";
        if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) return w.substring(0, n - 2);
        if (w.equals("news")) return w;
        return w.substring(0, n - 1);
    }
}
