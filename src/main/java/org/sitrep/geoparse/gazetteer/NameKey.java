package org.sitrep.geoparse.gazetteer;

import java.text.Normalizer;

/**
 * The lookup key of a place name: the same function folds gazetteer names at build time and
 * text spans at parse time, so "Ḩalab", "Halab" and "HALAB" meet, as do "إدلب" and "ادلب"
 * (hamza seats) and "Харьков"/"ХАРЬКОВ". Case, Latin diacritics, Arabic vowel marks and tatweel,
 * apostrophes and the difference between hyphen and space are dropped; letters are never
 * transliterated here (that would merge distinct names such as Arabic consonant skeletons).
 * The one exception is the Arabic article, whose spelling in Latin script depends on the letter
 * after it: "Jisr ash-Shughur", "Jisr esh Shughur" and "Jisr al-Shughur" are one name, as are
 * "Ar Raqqah"/"al-Raqqa" and "El Arish"/"Al Arish"; see {@link #foldArticles}.
 * Thread-safe (stateless).
 */
public final class NameKey {
    /**
     * Changes whenever the folding changes: an index records it (through the project tables'
     * fingerprint), so one built with another folding is rebuilt rather than silently missing names.
     */
    public static final int VERSION = 2;

    private NameKey() {}

    /** Folds a name; returns "" when nothing letter-like is left. */
    public static String of(CharSequence name) {
        String ascii = asciiWord(name);
        if (ascii != null) return ascii;
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || c == '\u0640') continue;
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '\u02BF' || c == '\u02BE' || c == '`' || c == '\u00B4') continue;
            if (Character.isLetterOrDigit(c)) {
                if (space && b.length() > 0) b.append(' ');
                space = false;
                b.append(fold(c));
            } else if (c == '.' ) {
                // "U.S." and "St. Louis": the dot is dropped without splitting the word.
                continue;
            } else {
                space = true;
            }
        }
        return foldArticles(b.toString());
    }

    /**
     * Writes every Latin-script Arabic article of a folded, space-separated name as "al": "al"/"el",
     * and the assimilated forms before a sun letter ("ash shughur", "as suwayda", "ar raqqah",
     * "ad dana", "at tall", "az zawiyah", "an nabk", "ez zor", "esh sheikh", "en nabi") when the
     * next word starts with the same consonant. That condition keeps English "as"/"at"/"an" before
     * other words, and French "en" in "Aix en Provence", as they are. The article must be followed by
     * another word: "As" alone is not an article. Cheap when there is nothing to fold.
     */
    public static String foldArticles(String key) {
        int n = key.length();
        if (n < 4 || key.indexOf(' ') < 0) return key;
        StringBuilder out = null;
        int wordStart = 0;
        while (wordStart < n) {
            int sp = key.indexOf(' ', wordStart);
            if (sp < 0) break; // the last word is never an article
            int len = sp - wordStart;
            char a = key.charAt(wordStart);
            boolean article = false;
            if ((a == 'a' || a == 'e') && len >= 2 && len <= 3) {
                String cons = key.substring(wordStart + 1, sp);
                if (cons.equals("l")) {
                    article = a == 'e'; // "el" -> "al"; "al" stays
                } else if (SUN.contains(cons)) {
                    article = key.startsWith(cons, sp + 1);
                }
            }
            if (article) {
                if (out == null) out = new StringBuilder(n).append(key, 0, wordStart);
                out.append("al ");
            } else if (out != null) {
                out.append(key, wordStart, sp + 1);
            }
            wordStart = sp + 1;
        }
        if (out == null) return key;
        out.append(key, wordStart, n);
        return out.toString();
    }

    /** Consonants (as transliterated) that the Arabic article assimilates to: the "sun letters". */
    private static final java.util.Set<String> SUN = java.util.Set.of("t", "th", "d", "dh", "r", "z", "s", "sh", "n");

    /**
     * Fast path for the common case, a plain ASCII word (most tokens of English text): lower-cased, or
     * null when the input needs the full treatment.
     */
    private static String asciiWord(CharSequence name) {
        int n = name.length();
        boolean lower = true;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') continue;
            if (c >= 'A' && c <= 'Z') {
                lower = false;
                continue;
            }
            return null;
        }
        if (n == 0) return null;
        if (lower) return name.toString();
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            out[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    private static char fold(char c) {
        switch (c) {
            case '\u0649': return '\u064A'; // alef maksura -> yeh
            case '\u0671': return '\u0627'; // alef wasla -> alef
            case '\u06CC': return '\u064A'; // Persian yeh
            case '\u0131': return 'i';      // dotless i (Turkish)
            case '\u0142': return 'l';      // Polish l with stroke has no decomposition
            case '\u00F8': return 'o';
            case '\u00DF': return 's';
            default: return Character.toLowerCase(c);
        }
    }
}
