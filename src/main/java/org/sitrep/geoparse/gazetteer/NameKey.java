package org.sitrep.geoparse.gazetteer;

import java.text.Normalizer;

/**
 * The lookup key of a place name: the same function folds gazetteer names at build time and
 * text spans at parse time, so "Ḩalab", "Halab" and "HALAB" meet, as do "إدلب" and "ادلب"
 * (hamza seats) and "Харьков"/"ХАРЬКОВ". Case, Latin diacritics, Arabic vowel marks and tatweel,
 * apostrophes and the difference between hyphen and space are dropped; letters are never
 * transliterated here (that would merge distinct names such as Arabic consonant skeletons).
 * Thread-safe (stateless).
 */
public final class NameKey {
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
        return b.toString();
    }

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
