package org.sitrep.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Lenient parsing of the timestamps sources write; everything becomes a UTC {@link Instant}. */
final class Dates {
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("uuuu/MM/dd"),
            DateTimeFormatter.ofPattern("dd/MM/uuuu"));

    private Dates() {}

    /**
     * ISO 8601 instant or offset date-time, RFC 1123, a date-time without zone (taken as UTC), or a
     * bare date (midnight UTC). Returns null when nothing fits.
     */
    static Instant parse(String s) {
        if (s == null || s.isBlank()) return null;
        String v = s.strip();
        try { return OffsetDateTime.parse(v).toInstant(); } catch (DateTimeParseException ignored) { /* next form */ }
        try { return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(); } catch (DateTimeParseException ignored) { /* next form */ }
        try { return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC); } catch (DateTimeParseException ignored) { /* next form */ }
        try { return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant(); } catch (DateTimeParseException ignored) { /* next form */ }
        try { return LocalDateTime.parse(v.replace(' ', 'T')).toInstant(ZoneOffset.UTC); } catch (DateTimeParseException ignored) { /* next form */ }
        if (v.matches("\\d{9,11}")) return Instant.ofEpochSecond(Long.parseLong(v));
        for (DateTimeFormatter f : DATES) {
            try { return LocalDate.parse(v, f).atStartOfDay(ZoneOffset.UTC).toInstant(); } catch (DateTimeParseException ignored) { /* next form */ }
        }
        return null;
    }
}
