package org.sitrep.cluster;

import java.util.regex.Pattern;
import org.sitrep.model.Mention;

/**
 * How a report uses a place name it mentions. In passing ({@link #incidental}): "in Taftanaz, Idlib
 * province" names the province, not Idlib city; "chanting 'Idlib will not kneel'" quotes a slogan.
 * Such mentions do not make two reports "name the same place", or every protest of a province-wide
 * wave would name its capital. As where something happens ({@link #locative}): "in Saraqib", "strikes
 * on Ariha", a dateline; a name never written so ("Cisco said") may be no place at all.
 * Thread-safe (stateless).
 */
final class PlaceUse {
    private static final Pattern DIVISION_AFTER = Pattern.compile(
            "^\\s+(?:province|governorate|oblast|region|countryside|front|frontline|area|district|county|state)\\b"
            + "|^\\s*(?:губерни|облас|провинци|район)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIVISION_BEFORE = Pattern.compile(
            "(?:محافظة|ريف|مديرية|منطقة)\\s*$|(?i)(?:province|governorate|countryside|region) of\\s+$");

    /** Words written before a place where something happens: "in Saraqib", "near the town of Sarmin", "strikes on Ariha", "hit Binnish". */
    private static final Pattern LOCATIVE_BEFORE = Pattern.compile(
            "(?:\\b(?:in|at|near|outside|inside|around|across|throughout|into|within|towards?|nearby|à|au|dans|près de|en|bei|nahe)"
            + "|\\b(?:north|south|east|west|northeast|northwest|southeast|southwest|northern|southern|eastern|western|central|downtown|rural|suburban)(?:\\s+of)?"
            + "|\\b(?:town|city|village|capital|port|outskirts|suburbs?|neighbou?rhoods?|district|province|region|county|countryside|residents|people|mayor|governor|streets|cent(?:re|er)|heart)\\s+of"
            + "|\\b(?:attacks?|strikes?|airstrikes?|raids?|assault|shelling|bombing|bombardment|offensive|march|advance|fire|rockets?|missiles?)\\s+(?:on|against)"
            + "|\\b(?:hit|hits|struck|shelled|bombed|targeted|targeting|rocked|shook|pounded|stormed|seized|captured|entered|attacked|besieged|raided|evacuated|reached)"
            + ")\\s+(?:the\\s+)?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words written after a place where something happens: "Saraqib city", "Idlib countryside", "Sunnyvale, Calif.", "Austin, TX". */
    private static final Pattern LOCATIVE_AFTER = Pattern.compile(
            "^(?:\\s+(?:city|town|village|district|area|countryside|neighbou?rhood|outskirts|suburbs?)\\b|,\\s+(?:[A-Z][a-z]{1,5}\\.|[A-Z]{2}\\b))");
    /** A dateline: the place opens a line, in capitals or before the wire's dash ("SUNNYVALE, Calif. (Reuters) -"). */
    private static final Pattern DATELINE_AFTER = Pattern.compile("^(?:,[^\\n]{0,30}?)?\\s*(?:\\([^)\\n]{1,30}\\)\\s*)?[-\u2013\u2014]");

    private PlaceUse() {}

    /**
     * Whether the text writes the mention as a place where something happens: after "in", "at",
     * "near", "strikes on", "hit"; before "city" or a state ("Sunnyvale, Calif."); followed by its own
     * province or country ("Baytown, Texas"); or as a dateline. A name that is never written so is
     * often not a place at all: "Cisco said", "Microsoft Outlook", "Hewlett-Packard", "a Trojan".
     * Text in another script than Latin is not read (true): its prepositions are not listed here.
     */
    static boolean locative(String text, Mention m, java.util.List<Mention> all) {
        if (text == null || m.start() < 0 || m.end() > text.length() || m.start() >= m.end()) return true;
        if (!latin(m.text())) return true;
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        if (LOCATIVE_BEFORE.matcher(before).find()) return true;
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 60));
        if (LOCATIVE_AFTER.matcher(after).find()) return true;
        int line = text.lastIndexOf('\n', m.start() - 1) + 1;
        if (text.substring(line, m.start()).isBlank()
                && (m.text().equals(m.text().toUpperCase(java.util.Locale.ROOT)) || DATELINE_AFTER.matcher(after).find())) return true;
        // "Baytown, Texas": the next place, right after a comma, is the division or country the town lies in
        if (m.place() != null && after.startsWith(",")) {
            for (Mention n : all) {
                if (n.start() <= m.end() || n.start() > m.end() + 3 || n.place() == null) continue;
                var p = n.place();
                if ("A".equals(p.featureClass()) && p.countryCode().equals(m.place().countryCode())) return true;
            }
        }
        return false;
    }

    private static boolean latin(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) return Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
        }
        return true;
    }

    /** True when the mention names a division after its town's name, or sits inside a quotation. */
    static boolean incidental(String text, Mention m) {
        if (text == null || m.start() < 0 || m.end() > text.length() || m.start() >= m.end()) return false;
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 16));
        if (DIVISION_AFTER.matcher(after).find()) return true;
        String before = text.substring(Math.max(0, m.start() - 24), m.start());
        if (DIVISION_BEFORE.matcher(before).find()) return true;
        return quoted(text, m.start());
    }

    /** Inside “...”, «...», "..." or right after an opening single quote ('Idlib will not kneel'), within its paragraph. */
    static boolean quoted(String text, int at) {
        int para = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
        int straight = 0;
        int lastOpen = -1, lastClose = -1;
        for (int i = para; i < at; i++) {
            char c = text.charAt(i);
            if (c == '"') straight++;
            else if (c == '\u201C' || c == '\u00AB') lastOpen = i;
            else if (c == '\u201D' || c == '\u00BB') lastClose = i;
        }
        if (straight % 2 == 1 || lastOpen > lastClose) return true;
        return at >= 1 && (text.charAt(at - 1) == '\'' || text.charAt(at - 1) == '\u2018')
                && (at < 2 || !Character.isLetterOrDigit(text.charAt(at - 2)));
    }
}
