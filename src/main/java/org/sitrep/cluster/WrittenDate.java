package org.sitrep.cluster;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first calendar date with a year written at the top of a report ("Updated: November 11, 2011",
 * "12 / 19 / 2005", "2013-03-14", "13 December 2008"): a dateline or the lead's date. It tells two
 * incidents of one kind apart when they are years apart, whatever the report's publication time says
 * (a page re-fetched later, a document with no date of its own). English month names, ISO and
 * numeric dates only. Immutable.
 *
 * @param year the year written
 * @param date the whole date, or null when only the year and month are certain (04/05/2011 is April or May)
 */
record WrittenDate(int year, LocalDate date) {
    /** Characters read from the top of the title and text: a dateline comes first or not at all. */
    static final int LEAD_CHARS = 300;

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern DATE = Pattern.compile(
            "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+" + YEAR + "\\b"           // November 11, 2011
                    + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+" + YEAR + "\\b"  // 11 November 2011
                    + "|\\b" + YEAR + "\\s*-\\s*(\\d{1,2})\\s*-\\s*(\\d{1,2})\\b"            // 2011-11-11
                    + "|\\b(\\d{1,2})\\s*[/.]\\s*(\\d{1,2})\\s*[/.]\\s*" + YEAR + "\\b",      // 12 / 19 / 2005
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    /** The first date written in the lead of {@code title} and {@code text}, or null. */
    static WrittenDate of(String title, String text) {
        String lead = ((title == null ? "" : title) + "\n" + (text == null ? "" : text));
        if (lead.length() > LEAD_CHARS) lead = lead.substring(0, LEAD_CHARS);
        Matcher m = DATE.matcher(lead);
        while (m.find()) {
            WrittenDate d = parse(m);
            if (d != null) return d;
        }
        return null;
    }

    private static WrittenDate parse(Matcher m) {
        try {
            if (m.group(1) != null) return full(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            if (m.group(4) != null) return full(Integer.parseInt(m.group(6)), month(m.group(5)), Integer.parseInt(m.group(4)));
            if (m.group(7) != null) return full(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9)));
            int a = Integer.parseInt(m.group(10)), b = Integer.parseInt(m.group(11)), y = Integer.parseInt(m.group(12));
            if (a > 12 && b <= 12) return full(y, b, a);        // day first
            if (b > 12 && a <= 12) return full(y, a, b);        // month first (US)
            if (a <= 12 && b <= 12) return a == b ? full(y, a, b) : new WrittenDate(y, null);
            return null;
        } catch (DateTimeException | NumberFormatException e) {
            return null;   // 31 February: not a date, look further
        }
    }

    private static WrittenDate full(int year, int month, int day) { return new WrittenDate(year, LocalDate.of(year, month, day)); }

    private static int month(String name) { return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 3 + 1; }

    /** Days between two whole dates, or null when either has only its year. */
    Long daysTo(WrittenDate o) {
        return date == null || o.date == null ? null : Math.abs(o.date.toEpochDay() - date.toEpochDay());
    }
}
