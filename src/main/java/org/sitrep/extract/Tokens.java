package org.sitrep.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-cased word tokens with their UTF-16 offsets. Letters and digits form tokens;
 * an apostrophe between letters stays inside the word, because Ukrainian spells "п'ятниця" with one.
 * Arabic is folded so lexicon entries match common spellings: diacritics (harakat, tatweel) dropped,
 * the alef forms (أ إ آ) read as ا, ta marbuta as ha and alef maqsura as ya.
 * Immutable and thread-safe.
 */
record Tokens(String text, List<String> words, int[] starts, int[] ends, int[] sentence) {

    /** Longest text read; longer reports are cut here so one huge page cannot stall the pipeline. */
    static final int MAX_CHARS = 20_000;

    int size() { return words.size(); }

    String word(int i) { return words.get(i); }

    static Tokens of(String raw) {
        String text = raw.length() > MAX_CHARS ? raw.substring(0, MAX_CHARS) : raw;
        List<String> words = new ArrayList<>(text.length() / 5 + 4);
        int[] starts = new int[text.length() / 2 + 4], ends = new int[starts.length], sent = new int[starts.length];
        StringBuilder sb = new StringBuilder(24);
        int n = text.length(), i = 0, sentenceNo = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) && !isArabicMark(c)) {
                if ((c == '.' || c == '!' || c == '?' || c == '\n' || c == '؟' || c == '。')
                        && !words.isEmpty() && !abbreviationBefore(text, i)) {
                    if (sent[words.size() - 1] == sentenceNo) sentenceNo++;
                }
                i++;
                continue;
            }
            int start = i;
            sb.setLength(0);
            while (i < n) {
                c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    sb.append(fold(c));
                } else if (isArabicMark(c)) {
                    // dropped: harakat and tatweel do not change the word
                } else if (isApostrophe(c) && i + 1 < n && i > start && Character.isLetter(text.charAt(i + 1))
                        && Character.isLetter(text.charAt(i - 1)) && isCyrillic(text.charAt(i - 1))) {
                    sb.append('\'');
                } else if ((c == '.' || c == ',') && i > start && Character.isDigit(text.charAt(i - 1))
                        && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                    // 1,700 and 2.5 stay one token
                } else {
                    break;
                }
                i++;
            }
            if (sb.isEmpty()) continue;
            int k = words.size();
            if (k == starts.length) {
                starts = java.util.Arrays.copyOf(starts, k * 2);
                ends = java.util.Arrays.copyOf(ends, k * 2);
                sent = java.util.Arrays.copyOf(sent, k * 2);
            }
            words.add(sb.toString().toLowerCase(Locale.ROOT));
            starts[k] = start;
            ends[k] = i;
            sent[k] = sentenceNo;
        }
        int k = words.size();
        markMonths(words);
        return new Tokens(text, List.copyOf(words), java.util.Arrays.copyOf(starts, k),
                java.util.Arrays.copyOf(ends, k), java.util.Arrays.copyOf(sent, k));
    }

    /** Token that replaces a month name written next to a number ("9 March 2020"). */
    static final String MONTH = "#month";
    private static final java.util.Set<String> MONTHS = java.util.Set.of("january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /**
     * "On 9 March 2020" must not read as a protest march, nor "May 2020" as a modal verb: a month name
     * beside a number becomes {@link #MONTH}, for the lexicon and the learned features alike.
     */
    private static void markMonths(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (!MONTHS.contains(words.get(i))) continue;
            boolean numberBefore = i > 0 && Character.isDigit(words.get(i - 1).charAt(0));
            boolean numberAfter = i + 1 < words.size() && Character.isDigit(words.get(i + 1).charAt(0));
            if (numberBefore || numberAfter) words.set(i, MONTH);
        }
    }

    /** The text of tokens [from, to), as written. */
    String span(int from, int to) {
        return text.substring(starts[from], ends[to - 1]);
    }

    /**
     * Index of the first token after the lead. The lead is sentence 0, and when sentence 0 is a headline
     * (a blank line follows it, as in {@code Report.fullText()}) the body's first sentence too: "Strike on
     * bakery in Idlib" says little that "An air strike hit the bakery..." right below it does not.
     */
    int leadEnd() {
        int first = firstOfSentenceAfter(0, 0);
        if (first == 0 || first >= sentence.length) return first;
        String gap = text.substring(ends[first - 1], starts[first]);
        if (gap.indexOf('\n') < 0 || gap.indexOf('\n') == gap.lastIndexOf('\n')) return first;
        return firstOfSentenceAfter(first, sentence[first]);
    }

    private int firstOfSentenceAfter(int from, int sentenceNo) {
        for (int i = from; i < sentence.length; i++) if (sentence[i] > sentenceNo) return i;
        return sentence.length;
    }

    private static boolean abbreviationBefore(String text, int dot) {
        // "Gen. Haftar", "St. Petersburg", "U.S." must not end a sentence; digits ("1.") neither.
        int j = dot - 1, len = 0;
        while (j >= 0 && Character.isLetter(text.charAt(j))) { j--; len++; }
        if (len == 0) return dot > 0 && Character.isDigit(text.charAt(dot - 1));
        if (len == 1) return true;
        String w = text.substring(j + 1, dot).toLowerCase(Locale.ROOT);
        return switch (w) {
            case "gen", "col", "lt", "maj", "capt", "sgt", "st", "mr", "mrs", "dr", "no", "vs", "jan", "feb", "aug",
                 "sept", "sep", "oct", "nov", "dec", "approx", "govt", "dept", "ul", "г", "им" -> true;
            default -> false;
        };
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`';
    }

    private static boolean isCyrillic(char c) {
        return c >= 'Ѐ' && c <= 'ӿ';
    }

    private static boolean isArabicMark(char c) {
        return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640';
    }

    private static char fold(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ة' -> 'ه';
            case 'ى' -> 'ي';
            case 'ё' -> 'е';
            case 'Ё' -> 'Е';
            default -> c;
        };
    }
}
