package org.sitrep.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a report writes down, read for telling two incidents of one kind apart: the years it
 * mentions ("the 2008-09 season", "in 2005") and counted things, a noun with the number before it
 * ("23 pirates", "three dead", "a 6.1-magnitude quake" gives "magnitude" 6.1). Two reports of one
 * incident write the same counts (or a count that grew, which they then usually share once); two
 * hijack attempts foiled by the same navy do not ("23 pirates" vs "26 pirates"). Number words are
 * English only; digits work in every script (the tokenizer's digits are not needed here: Arabic-Indic
 * digits are folded by {@link #fold}). Stateless and thread-safe.
 */
final class Quantities {
    private Quantities() {}

    /** Characters read: counts and years of the incident are in the first part of an article. */
    static final int MAX_CHARS = 20_000;
    /** Most counted nouns kept per report. */
    static final int MAX_NOUNS = 64;

    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}.,])((?:19|20)\\d\\d)(?:\\s*[-–/]\\s*(\\d\\d)(?!\\d))?(?![\\p{L}\\p{N}])");
    private static final String NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen";
    private static final Pattern COUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,:/-])(\\d{1,6}(?:[.,]\\d+)?|(?i:" + NUMBER_WORDS + "))(?:\\s+|\\s*-\\s*)(\\p{L}{2,})");
    private static final Map<String, String> WORD_VALUES = new HashMap<>();
    static {
        String[] w = NUMBER_WORDS.split("\\|");
        int[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60, 70, 80, 90, 100, 12};
        for (int i = 0; i < w.length; i++) WORD_VALUES.put(w[i], String.valueOf(v[i]));
    }
    /**
     * Words after a number that are not what was counted: units of time and of the calendar, clock
     * and scale words ("3 pm", "5 million", "2nd"). "people", "dead", "pirates", "magnitude" stay.
     */
    private static final Set<String> NOT_COUNTED = Set.of("year", "years", "month", "months", "week", "weeks", "day", "days",
            "hour", "hours", "minute", "minutes", "second", "seconds", "am", "pm", "gmt", "utc", "et", "est", "edt", "pst",
            "pdt", "bst", "cet", "ist", "th", "st", "nd", "rd", "percent", "per", "cent", "million", "billion", "thousand",
            "hundred", "dozen", "times", "time", "of", "january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "or", "to", "and", "in", "at", "on", "the", "a", "an", "for", "more", "other", "old", "km", "mi", "kg", "lb");

    /** English names of months and weekdays (and their abbreviations): capitalised, but no one's name. */
    static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "am", "pm", "gmt", "utc", "est", "edt",
            "pst", "pdt", "bst", "cet", "ist");

    /** Years 1900-2099 written in the title or text ("2008-09" gives 2008 and 2009), ascending. */
    static int[] years(String title, String text) {
        Set<Integer> out = new TreeSet<>();
        for (String s : new String[] {title, text}) {
            if (s == null) continue;
            Matcher m = YEAR.matcher(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s);
            while (m.find()) {
                int y = Integer.parseInt(m.group(1));
                out.add(y);
                if (m.group(2) != null) {
                    int next = y / 100 * 100 + Integer.parseInt(m.group(2));
                    if (next == y + 1) out.add(next);   // a season "2008-09"; not a date "2008/10"
                }
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Counted nouns (lower case, a plural's final s dropped) and the numbers written before them. */
    static Map<String, Set<String>> of(String title, String text) {
        Map<String, Set<String>> out = new HashMap<>();
        for (String s : new String[] {title, text}) {
            if (s == null) continue;
            Matcher m = COUNT.matcher(fold(s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) : s));
            while (m.find() && out.size() < MAX_NOUNS) {
                String n = m.group(1).toLowerCase(Locale.ROOT);
                n = WORD_VALUES.getOrDefault(n, n.replace(',', '.'));
                if (n.length() == 4 && (n.startsWith("19") || n.startsWith("20"))) continue;   // a year: see years()
                String noun = m.group(2).toLowerCase(Locale.ROOT);
                if (NOT_COUNTED.contains(noun) || Stopwords.contains(noun)) continue;
                out.computeIfAbsent(singular(noun), k -> new HashSet<>()).add(n);
            }
        }
        return out;
    }

    static String singular(String noun) {
        return noun.length() > 3 && noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
    }

    /** Digits of any script as ASCII ("٢٣" -> "23"). */
    static String fold(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 127 && Character.isDigit(c)) {
                if (b == null) b = new StringBuilder(s);
                b.setCharAt(i, (char) ('0' + Character.digit(c, 10)));
            }
        }
        return b == null ? s : b.toString();
    }
}
