package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.geoparse.gazetteer.NameKey;

/**
 * A text cut into word tokens with what separates them, the unit the recognizer matches
 * gazetteer names against. Offsets are UTF-16 indexes into the text, end exclusive.
 * Abbreviations written with dots ("U.S.", "D.C.") are one token including the final dot, and
 * an English possessive ("Syria's") is left out of the token, so spans match how annotators mark
 * place names.
 */
final class Tokens {
    enum Script { LATIN, CYRILLIC, ARABIC, OTHER }

    /** One word. {@code gap} is the text between the previous token and this one. */
    record Token(int start, int end, String text, String key, Script script, boolean capitalised, boolean allCaps,
                 boolean sentenceStart, String gap) {}

    /** Tokens beyond this count are not read: a report is news text, not a book. */
    static final int MAX_TOKENS = 200_000;

    private Tokens() {}

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int prevEnd = 0;
        while (i < n && out.size() < MAX_TOKENS) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            int end = abbreviationEnd(text, i);
            if (end < 0) {
                end = i;
                while (end < n) {
                    char d = text.charAt(end);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        end++;
                    } else if (isApostrophe(d) && end + 1 < n && Character.isLetter(text.charAt(end + 1)) && end > start) {
                        // "Ma'arrat", "Kharkov's": keep going, the possessive is cut below.
                        end++;
                    } else {
                        break;
                    }
                }
                if (end - start > 2 && isApostrophe(text.charAt(end - 2)) && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
                    end -= 2;
                }
            }
            String word = text.substring(start, end);
            String gap = text.substring(prevEnd, start);
            out.add(new Token(start, end, word, NameKey.of(word), script(word), Character.isUpperCase(word.codePointAt(0)),
                    allCaps(word), isSentenceStart(text, start, out.isEmpty()), gap));
            prevEnd = end;
            i = Math.max(end, start + 1);
            // skip the rest of a possessive so "'s" is not a token
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || isApostrophe(text.charAt(i)))) i++;
        }
        return out;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
    }

    /** "U.S.", "U.K.", "D.C.": capital letters each followed by a dot; returns the end or -1. */
    private static int abbreviationEnd(String text, int i) {
        int j = i, letters = 0;
        while (j + 1 < text.length() && Character.isUpperCase(text.charAt(j)) && text.charAt(j + 1) == '.') {
            j += 2;
            letters++;
        }
        // "to the U.S…": posts drop the last letter's dot
        if (letters >= 1 && j < text.length() && Character.isUpperCase(text.charAt(j))
                && (j + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(j + 1)) && text.charAt(j + 1) != '.')) {
            j++;
            letters++;
        }
        if (letters < 2 || j < text.length() && Character.isLetter(text.charAt(j))) return -1;
        return j;
    }

    private static boolean allCaps(String w) {
        boolean letter = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (Character.isLowerCase(c)) return false;
            }
        }
        return letter;
    }

    private static boolean isSentenceStart(String text, int start, boolean first) {
        if (first) return true;
        for (int k = start - 1; k >= 0; k--) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\t' || c == '"' || c == '\u201C' || c == '\'' || c == '(' || c == '\u2018' || c == '*' || c == '-' || c == '\u2014' || c == '#' || c == '@') continue;
            return c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r' || c == ':' || c == '\u2026' || c == '|';
        }
        return true;
    }

    static Script script(String w) {
        for (int i = 0; i < w.length(); i++) {
            Character.UnicodeScript s = Character.UnicodeScript.of(w.charAt(i));
            switch (s) {
                case LATIN: return Script.LATIN;
                case CYRILLIC: return Script.CYRILLIC;
                case ARABIC: return Script.ARABIC;
                case COMMON, INHERITED: continue;
                default: return Script.OTHER;
            }
        }
        return Script.OTHER;
    }
}
