package org.sitrep.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.model.Fatalities;

/**
 * Finds how many were killed and injured, with the phrase each count comes from.
 *
 * <p>Counts follow ACLED's conservative reading: "at least 6" counts 6, counts of different groups in
 * one report add up ("killing 2 militants and 3 soldiers" is 5), a stated total ("1 fatality.") wins
 * over the parts, and "20 fatalities split between 3 events" gives this event its share (7). Vague
 * amounts take ACLED's stand-in values: "several"/"many" 10, "dozens" 12, "hundreds" 100.
 * A range ("between 5 and 10 killed") gives min and max. Nothing stated gives {@link Fatalities#UNKNOWN}
 * for deaths except that an explicit "no fatalities" gives 0. Immutable; thread-safe.
 */
final class CasualtyExtractor {
    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("hundred", 100),
            Map.entry("a dozen", 12), Map.entry("dozens", 12), Map.entry("dozens of", 12), Map.entry("several", 10),
            Map.entry("many", 10), Map.entry("hundreds", 100), Map.entry("hundreds of", 100), Map.entry("a couple of", 2),
            Map.entry("both", 2), Map.entry("twin", 2),
            // Russian and Ukrainian counts as words ("погибли двое", "загинули троє")
            Map.entry("один", 1), Map.entry("одна", 1), Map.entry("одного", 1), Map.entry("два", 2), Map.entry("две", 2),
            Map.entry("двое", 2), Map.entry("дві", 2), Map.entry("двоє", 2), Map.entry("три", 3), Map.entry("трое", 3),
            Map.entry("троє", 3), Map.entry("четыре", 4), Map.entry("четверо", 4), Map.entry("чотири", 4),
            Map.entry("пять", 5), Map.entry("пятеро", 5), Map.entry("п'ять", 5), Map.entry("п'ятеро", 5),
            Map.entry("шесть", 6), Map.entry("шестеро", 6), Map.entry("шість", 6), Map.entry("семь", 7), Map.entry("сім", 7),
            Map.entry("восемь", 8), Map.entry("вісім", 8), Map.entry("девять", 9), Map.entry("дев'ять", 9),
            Map.entry("десять", 10), Map.entry("несколько", 10), Map.entry("кілька", 10), Map.entry("десятки", 12));
    private static final String NUM_CYR = "(\\d+|один|одна|одного|два|две|двое|дві|двоє|три|трое|троє|четыре|четверо|чотири|пятеро|пять"
            + "|п'ятеро|п'ять|шестеро|шесть|шість|семь|сім|восемь|вісім|девять|дев'ять|десять|несколько|кілька|десятки)";

    private static final String NUM = "(\\d{1,3}(?:,\\d{3})*|\\d+|a dozen|dozens of|dozens|a couple of|hundreds of|hundreds|several|many|both"
            + "|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
            + "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|an|a)";
    private static final String QUAL = "(?:(?:at least|more than|over|about|around|approximately|some|up to|nearly|almost|another|a total of|an estimated|roughly)\\s+)?";
    private static final String RANGE = "(?:between\\s+(\\d+)\\s+and\\s+(\\d+)|(\\d+)\\s*(?:-|to)\\s*(\\d+))";
    private static final String SMALL = "(?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\\b";
    /** Up to five words between a count and its verb; never another count ("1 policeman and 2 civilians"). */
    private static final String FILLER = "(?:(?!(?:or|injur\\w*|wound\\w*|hurt|\\d+)\\b)(?!and\\s+" + SMALL + ")[\\p{L}'’-]+,?\\s+){0,5}?";
    private static final String KILLED = "(?:killed|dead|died|slain|fatalit(?:y|ies)|deaths|bodies|corpses|lost (?:their|his|her) li(?:fe|ves)"
            + "|shot dead|shot and killed|shot to death|murdered|executed|beheaded|lynched|stabbed to death|beaten to death|hacked to death|burned to death|found dead)";
    private static final String NUM_NOUN = NUM.replace("|an|a)", ")");
    /** "killed a man" is a count; "gunmen killed a man" must not count the gunmen: no object may follow. */
    private static final String INTRANSITIVE = "(?!\\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\\d+|at|his|her|their|several|some|him|them|up to|over|more|about|around|dozens|members?)\\b)";
    private static final String KILLING = "(?:killing|killed|kills|kill|claimed the lives of|shot and killed|shot dead|murdered|murdering"
            + "|executed|executing|beheaded|lynched|massacred|assassinated|gunned down|bodies of|body of|corpses of)";
    private static final String INJURED = "(?:injured|wounded|hurt|injuries|hospitali[sz]ed)";
    private static final String INJURING = "(?:injuring|injured|wounding|wounded|hurting)";

    private static final Pattern NONE = Pattern.compile(
            "\\b(?:no|neither|nor|without|zero)\\s+(?:\\w+\\s+){0,2}?(?:fatalities|deaths|casualties|one (?:was|were) killed|killed|dead|loss of life)");
    /** "the death toll rose to 8": a total that may disagree with the counts told before it. */
    private static final Pattern TOLL = Pattern.compile("\\b(?:death toll|toll)\\s+(?:has\\s+|had\\s+)?(?:rose|risen|climbed|reached|stands at|stood at|is|was|of|to|at)"
            + "(?:\\s+(?:to|at))?\\s+" + QUAL + NUM + "\\b");
    /** A count the text itself says was coded ("Fatalities coded as 2 (other source reported 7)"). */
    private static final Pattern CODED = Pattern.compile("\\bfatalities (?:were |are )?coded as (\\d+)");
    private static final Pattern SPLIT = Pattern.compile(
            "\\b(\\d+)\\s+fatalit(?:y|ies)\\s+(?:were\\s+)?(?:split|divided|distributed)\\s+(?:up\\s+)?(?:between|among|across)\\s+(\\d+)\\s+events?");
    private static final Pattern TOTAL = Pattern.compile("\\b" + QUAL + "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+fatalit(?:y|ies)\\b");
    private static final Pattern K_RANGE = Pattern.compile("\\b" + RANGE + "\\s+" + FILLER + "(?:were\\s+|was\\s+)?" + KILLED + "\\b" + INTRANSITIVE);
    private static final Pattern K_AFTER = Pattern.compile("\\b" + QUAL + NUM_NOUN + "\\s+" + FILLER
            + "(?:including\\s+(?:\\d+|a|an|one|two|three)\\s+" + FILLER + ")?"
            + "(?:(?:were|was|have been|had been|are|got|is)\\s+)?(?:reportedly\\s+|also\\s+|later\\s+)?" + KILLED + "\\b" + INTRANSITIVE
            + "(?!\\s+or\\s+(?:injur|wound|hurt))");
    private static final Pattern K_BEFORE = Pattern.compile("\\b" + KILLING + "\\s+" + QUAL + NUM + "\\b(?!\\s+(?:injur|wound|hurt))");
    /** The second count of "killing 2 policemen and 3 soldiers" (the first is K_BEFORE's). */
    private static final Pattern K_CHAIN = Pattern.compile("\\b" + KILLING + "\\s+" + QUAL + "(?:" + NUM.substring(1)
            + "\\s+(?:[\\p{L}'’-]+\\s+){1,3}?(?:and|as well as|,)\\s+" + QUAL + NUM + "\\b(?!\\s+(?:[\\p{L}'’-]+\\s+)?(?:injur|wound|hurt))");
    /** "1 policeman and 2 civilians were killed", "5 militants, 3 policemen and 1 soldier were killed": every count adds. */
    private static final String W = "[\\p{L}'’()-]+";
    private static final Pattern K_LIST = Pattern.compile("\\b" + QUAL + "\\d+(?:-\\d+)?\\s+" + W + "(?:\\s+" + W + "){0,3}?"
            + "(?:(?:\\s*,\\s*|\\s*,?\\s+and\\s+)" + QUAL + "(?:\\d+(?:-\\d+)?|a|an|one|two|three)\\s+" + W + "(?:\\s+" + W + "){0,3}?)+"
            + "\\s+(?:were|was)\\s+(?:reportedly\\s+|also\\s+)?" + KILLED + "\\b" + INTRANSITIVE + "(?!\\s+or\\s+(?:injur|wound|hurt))");
    /** "Also a Taliban militant was killed": one more. */
    private static final Pattern K_ONE = Pattern.compile("\\b(?:a|an|one)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:was|has been)\\s+(?:also\\s+|reportedly\\s+|later\\s+)?"
            + "(?:killed|shot dead|shot and killed|murdered|executed|beheaded|lynched|stabbed to death|beaten to death|found dead)\\b" + INTRANSITIVE
            + "(?!\\s+or\\s+(?:injur|wound|hurt))");
    /** "killed the director of ...", "killed his mother": one person. */
    private static final Pattern K_PERSON = Pattern.compile("\\b" + KILLING + "\\s+(?:his|her|their|the|a|an)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?"
            + "(?:director|commander|leader|chief|head|mother|father|wife|husband|son|daughter|brother|sister|man|woman|boy|girl|child"
            + "|officer|soldier|policeman|policewoman|civilian|elder|member|teacher|farmer|driver|journalist|student|worker|official"
            + "|judge|doctor|guard|activist|cleric|imam|scholar|businessman|shopkeeper|trader|resident|villager|youth|militant|fighter)\\b");
    private static final Pattern LIST_NUMBER = Pattern.compile("(?<![\\d-])(\\d+)(?:-\\d+)?\\b|\\b(a|an|one|two|three)\\b(?=\\s)");
    /** "Fatalities are split across 3 events (5)": the share this record carries. */
    private static final Pattern SPLIT_SHARE = Pattern.compile(
            "\\bfatalities (?:are |were )?(?:split|divided|distributed) (?:up )?(?:between|among|across|over) (\\d+) (?:events?|locations?|days?)(?:\\s*\\((\\d+)\\))?");
    private static final Pattern K_LEFT = Pattern.compile("\\b(?:leaving|left)\\s+" + QUAL + NUM + "\\s+(?:[\\p{L}'’-]+\\s+){0,3}?dead\\b");
    private static final Pattern K_SINGLE = Pattern.compile(
            "\\b(?:the victim|the man|the woman|the boy|the girl|the child|he|she|the officer|the soldier|the driver|the body)\\s+"
            + "(?:(?:was|later|reportedly|also|subsequently)\\s+){0,2}(?:killed|died|found dead|shot dead|murdered|succumbed|was found)\\b"
            + "|\\b(?:a|an) (?:[\\p{L}'’-]+ ){0,3}(?:was|has been) (?:reportedly )?(?:killed|shot dead|murdered|found dead|lynched|beheaded|executed|stabbed to death|beaten to death)\\b"
            + "|\\b(?:killing|killed|murdered|executed|shot dead) (?:him|her)\\b|\\bbody of (?:a|an|one)\\b|\\b(?:a|one) (?:\\w+ ){0,2}body\\b");
    private static final Pattern I_AFTER = Pattern.compile("\\b" + QUAL + NUM_NOUN + "\\s+" + FILLER
            + "(?:(?:were|was|have been|had been|are|got|is)\\s+)?(?:reportedly\\s+|also\\s+|seriously\\s+|critically\\s+)?" + INJURED + "\\b" + INTRANSITIVE);
    private static final Pattern I_BEFORE = Pattern.compile("\\b" + INJURING + "\\s+" + QUAL + NUM + "\\b");
    private static final Pattern I_LEFT = Pattern.compile("\\b(?:leaving|left)\\s+" + QUAL + NUM + "\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:injured|wounded|hurt)\\b");

    // Russian, Ukrainian and Arabic: digits only, the common word orders of wire reports.
    private static final Pattern K_OTHER = Pattern.compile(
            "(?:погиб\\p{L}*|убит\\p{L}*|загину\\p{L}*|вбит\\p{L}*|жертвами стали|مقتل|استشهاد|قتل)\\s+(?:\\p{L}+\\s+){0,3}?" + NUM_CYR + "(?![\\p{L}'])"
            + "|(?<![\\p{L}'])" + NUM_CYR + "\\s+(?:\\p{L}+\\s+){0,3}?(?:погиб\\p{L}*|убит\\p{L}*|загину\\p{L}*|загибл\\p{L}*|вбит\\p{L}*|قتلى|قتيل\\p{L}*|شهداء|شهيد\\p{L}*)");
    private static final Pattern I_OTHER = Pattern.compile(
            "(?:ранен\\p{L}*|ранил\\p{L}*|поранен\\p{L}*|поранил\\p{L}*|пострада\\p{L}*|постражда\\p{L}*|اصابه|إصابة|اصابة|جرح)\\s+(?:\\p{L}+\\s+){0,3}?" + NUM_CYR + "(?![\\p{L}'])"
            + "|(?<![\\p{L}'])" + NUM_CYR + "\\s+(?:\\p{L}+\\s+){0,3}?(?:ранен\\p{L}*|поранен\\p{L}*|пострадавш\\p{L}*|постраждал\\p{L}*|جرحى|جريح\\p{L}*|مصاب\\p{L}*)");

    /** Reports longer than this are read only this far: casualty counts sit in the first paragraphs. */
    static final int MAX_CHARS = 8_000;

    // Plain substring search (String.indexOf is vectorised); a regex alternation costs ten times more here.
    private static final String[] DEATH_KEYS = {"kill", "dead", "died", "fatalit", "death", "body", "bodies", "corpse",
        "murder", "execut", "behead", "lynch", "slain", "life", "lives", "massacre", "assassin", "gunned"};
    private static final String[] INJURY_KEYS = {"injur", "wound", "hurt", "hospitali"};

    /**
     * A report's counts from its headline and body read apart: a headline restates the body's count
     * ("Two kids killed in blast" over "Two children were killed ..."), and read as one text the two
     * would add up to four. The body's counts win; the headline's fill in what the body leaves unstated.
     */
    Fatalities extract(String headline, String body) {
        if (headline == null || headline.isBlank()) return extract(body);
        if (body == null || body.isBlank()) return extract(headline);
        Fatalities b = extract(body);
        if (b.killedMin() != null && b.injuredMin() != null) return b;
        Fatalities h = extract(headline);
        if (h.equals(Fatalities.UNKNOWN)) return b;
        boolean killedFromHeadline = b.killedMin() == null && h.killedMin() != null;
        boolean injuredFromHeadline = b.injuredMin() == null && h.injuredMin() != null;
        if (!killedFromHeadline && !injuredFromHeadline) return b;
        String phrase = b.phrase() == null ? h.phrase() : b.phrase() + "; " + h.phrase();
        return new Fatalities(killedFromHeadline ? h.killedMin() : b.killedMin(), killedFromHeadline ? h.killedMax() : b.killedMax(),
                injuredFromHeadline ? h.injuredMin() : b.injuredMin(), injuredFromHeadline ? h.injuredMax() : b.injuredMax(), phrase);
    }

    Fatalities extract(String text) {
        String s = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        s = asciiDigits(s.toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replace('’', '\'').replace('ʼ', '\''));
        // "killed or wounded" counts no one as dead (nor as injured: it is not known which)
        s = s.replace("killed or wounded", "harmed").replace("killed or injured", "harmed");
        // The count patterns are costly; most reports have no word of death or injury at all.
        boolean deaths = containsAny(s, DEATH_KEYS), injuries = containsAny(s, INJURY_KEYS), latinOnly = latinOnly(s);
        if (!deaths && !injuries && latinOnly) return Fatalities.UNKNOWN;
        String full = s;
        // Counts sit within a few words of "killed" or "injured": the costly patterns read only those spans.
        if (latinOnly) s = excerpt(s, deaths, injuries);
        List<String> phrases = new ArrayList<>();
        Integer kMin = null, kMax = null;

        Matcher m = CODED.matcher(s);
        Matcher split = SPLIT.matcher(s);
        boolean splitDone = false;
        if (m.find()) {
            kMin = kMax = Integer.parseInt(m.group(1));
            phrases.add(m.group().trim());
        } else if (!deaths) {
            Integer other = latinOnly ? null : sumOther(s, K_OTHER, phrases);
            if (other != null) kMin = kMax = other;
        } else if ((m = split).find()) {
            splitDone = true;
            int total = Integer.parseInt(m.group(1)), events = Math.max(1, Integer.parseInt(m.group(2)));
            kMin = kMax = (int) Math.round((double) total / events);
            phrases.add(m.group().trim());
        } else {
            m = TOTAL.matcher(s);
            int lastTotal = -1;
            String totalPhrase = null;
            while (m.find()) {
                lastTotal = number(m.group(1));
                totalPhrase = m.group().trim();
            }
            if (lastTotal >= 0) {
                kMin = kMax = lastTotal;
                phrases.add(totalPhrase);
            } else {
                // A stated range counts its low end, and widens the maximum by its spread.
                boolean[] used = new boolean[s.length() + 1];
                int spread = 0;
                Integer sum = null;
                Matcher rm = K_RANGE.matcher(s);
                if (rm.find()) {
                    int lo = Integer.parseInt(rm.group(1) != null ? rm.group(1) : rm.group(3));
                    int hi = Integer.parseInt(rm.group(1) != null ? rm.group(2) : rm.group(4));
                    if (lo <= hi) {
                        for (int i = rm.start(); i < rm.end(); i++) used[i] = true;
                        sum = lo;
                        spread = hi - lo;
                        phrases.add(rm.group().trim());
                    }
                }
                Integer more = sum(s, new Pattern[] {K_LIST, K_BEFORE, K_CHAIN, K_LEFT, K_AFTER, K_ONE, K_PERSON}, phrases, used);
                if (more != null) sum = (sum == null ? 0 : sum) + more;
                Integer other = latinOnly ? null : sumOther(s, K_OTHER, phrases);
                if (sum == null) sum = other;
                if (sum == null) {
                    Matcher one = K_SINGLE.matcher(s);
                    if (one.find()) {
                        sum = 1;
                        phrases.add(one.group().trim());
                    }
                }
                if (sum != null) {
                    kMin = sum;
                    kMax = sum + spread;
                }
            }
        }
        // Reports that disagree give a range: "officials said 5 were killed ... the toll rose to 8" is 5..8.
        Matcher toll = TOLL.matcher(s);
        if (!splitDone && toll.find()) {
            int t = number(toll.group(1));
            if (t >= 0) {
                if (kMin == null) {
                    kMin = kMax = t;
                } else if (t != kMin) {
                    int lo = Math.min(kMin, t), hi = Math.max(kMax, t);
                    kMin = lo;
                    kMax = hi;
                }
                phrases.add(toll.group().trim());
            }
        }
        Matcher share = SPLIT_SHARE.matcher(s);
        if (kMin != null && !splitDone && share.find()) {
            int n = Math.max(1, Integer.parseInt(share.group(1)));
            kMin = kMax = share.group(2) != null ? Integer.parseInt(share.group(2)) : (int) Math.round((double) kMin / n);
            phrases.add(share.group().trim());
        }
        if (kMin == null && NONE.matcher(s).find()) kMin = kMax = 0;

        List<String> injPhrases = new ArrayList<>();
        Integer inj = injuries ? sum(s, new Pattern[] {I_BEFORE, I_LEFT, I_AFTER}, injPhrases) : null;
        if (inj == null && !latinOnly) inj = sumOther(full, I_OTHER, injPhrases);
        phrases.addAll(injPhrases);
        if (kMin == null && inj == null) return Fatalities.UNKNOWN;
        return new Fatalities(kMin, kMax, inj, inj, phrases.isEmpty() ? null : String.join("; ", phrases));
    }

    private static boolean latinOnly(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x250) return false;
        return true;
    }

    private static boolean containsAny(String s, String[] keys) {
        for (String k : keys) if (s.contains(k)) return true;
        return false;
    }

    /** The text around death and injury words (90 chars before, 70 after), spans merged, joined by " ; ". */
    private static String excerpt(String s, boolean deaths, boolean injuries) {
        boolean[] in = new boolean[s.length() + 1];
        for (String[] keys : new String[][] {deaths ? DEATH_KEYS : new String[0], injuries ? INJURY_KEYS : new String[0]}) {
            for (String k : keys) {
                for (int i = s.indexOf(k); i >= 0; i = s.indexOf(k, i + 1)) {
                    int x = Math.max(0, i - 90), y = Math.min(s.length(), i + k.length() + 70);
                    for (int j = x; j < y; j++) in[j] = true;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (in[i]) sb.append(s.charAt(i));
            else if (i > 0 && in[i - 1]) sb.append(" ; ");
        }
        return sb.toString();
    }

    /** Adds up the counts of non-overlapping matches (each number counted once). */
    private static Integer sum(String s, Pattern[] patterns, List<String> phrases) {
        return sum(s, patterns, phrases, new boolean[s.length() + 1]);
    }

    private static Integer sum(String s, Pattern[] patterns, List<String> phrases, boolean[] used) {
        Integer total = null;
        for (Pattern p : patterns) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                if (p == K_LIST) {
                    Matcher nm = LIST_NUMBER.matcher(s).region(m.start(), m.end());
                    boolean added = false;
                    while (nm.find()) {
                        int at = nm.start();
                        if (used[at]) continue;
                        int v = number(nm.group(1) != null ? nm.group(1) : nm.group(2));
                        if (v < 0 || yearOrDate(s, nm.start(), nm.end())) continue;
                        used[at] = true;
                        total = (total == null ? 0 : total) + v;
                        added = true;
                    }
                    if (added) phrases.add(m.group().trim());
                    continue;
                }
                int g = lastGroup(m);
                if (g < 0) { // a pattern for one person: K_ONE, K_PERSON
                    if (used[m.start()] || overlapsUsed(used, m.start(), m.end())) continue;
                    used[m.start()] = true;
                    total = (total == null ? 0 : total) + 1;
                    phrases.add(m.group().trim());
                    continue;
                }
                if (used[m.start(g)]) continue;
                int v = number(m.group(g));
                if (v < 0 || v > 100_000 || yearOrDate(s, m.start(g), m.end(g))) continue;
                used[m.start(g)] = true;
                total = (total == null ? 0 : total) + v;
                phrases.add(m.group().trim());
            }
        }
        return total;
    }

    private static Integer sumOther(String s, Pattern p, List<String> phrases) {
        Matcher m = p.matcher(s);
        Integer total = null;
        while (m.find()) {
            String g = m.group(1) != null ? m.group(1) : m.group(2);
            int v = number(g);
            if (v < 0 || v > 100_000) continue;
            total = (total == null ? 0 : total) + v;
            phrases.add(m.group().trim());
        }
        return total;
    }

    private static boolean overlapsUsed(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) if (used[i]) return true;
        return false;
    }

    private static int lastGroup(Matcher m) {
        for (int g = m.groupCount(); g >= 1; g--) if (m.group(g) != null) return g;
        return -1;
    }

    /** "killed on 9 may 2020" or "in 2019" are dates, not counts. */
    private static boolean yearOrDate(String s, int start, int end) {
        String num = s.substring(start, end);
        if (num.length() == 4 && (num.startsWith("19") || num.startsWith("20"))) return true;
        String after = s.substring(end, Math.min(s.length(), end + 10));
        return after.matches("^\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\b.*");
    }

    /** Arabic-Indic digits (٤, ۴) as ASCII, so "مقتل ٤ مدنيين" counts like "مقتل 4 مدنيين". */
    static String asciiDigits(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = (c >= '\u0660' && c <= '\u0669') ? c - '\u0660' : (c >= '\u06F0' && c <= '\u06F9') ? c - '\u06F0' : -1;
            if (d >= 0) {
                if (sb == null) sb = new StringBuilder(s);
                sb.setCharAt(i, (char) ('0' + d));
            }
        }
        return sb == null ? s : sb.toString();
    }

    static int number(String w) {
        if (w == null) return -1;
        if (Character.isDigit(w.charAt(0))) {
            try {
                return Integer.parseInt(w.replace(",", ""));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return WORDS.getOrDefault(w.trim(), -1);
    }
}
