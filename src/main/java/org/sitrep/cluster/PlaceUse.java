package org.sitrep.cluster;

import java.util.regex.Pattern;
import org.sitrep.model.Mention;

/**
 * Whether a report names a town as a place of its story or only in passing: "in Taftanaz, Idlib
 * province" names the province, not Idlib city; "chanting 'Idlib will not kneel'" quotes a slogan.
 * Such mentions do not make two reports "name the same place", or every protest of a province-wide
 * wave would name its capital. Thread-safe (stateless).
 */
final class PlaceUse {
    private static final Pattern DIVISION_AFTER = Pattern.compile(
            "^\\s+(?:province|governorate|oblast|region|countryside|front|frontline|area|district|county|state)\\b"
            + "|^\\s*(?:губерни|облас|провинци|район)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DIVISION_BEFORE = Pattern.compile(
            "(?:محافظة|ريف|مديرية|منطقة)\\s*$|(?i)(?:province|governorate|countryside|region) of\\s+$");

    private PlaceUse() {}

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
