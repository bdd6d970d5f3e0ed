package org.sitrep.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WrittenDateTest {
    @Test
    void readsTheDatelineInTheUsualShapes() {
        assertEquals(LocalDate.of(2011, 11, 11), WrittenDate.of("Navy foils pirate attack", "Updated: November 11, 2011 20:09 IST The navy ...").date());
        assertEquals(LocalDate.of(2008, 12, 13), WrittenDate.of(null, "Fresh riots on Saturday 13 December 2008 in Athens").date());
        assertEquals(LocalDate.of(2005, 12, 19), WrittenDate.of("Posted 12 / 19 / 2005 3:36 PM", "Mob boss dies").date());
        assertEquals(LocalDate.of(2013, 3, 14), WrittenDate.of("MAR. 14, 2013, 8:12 PM", "").date());
        assertEquals(LocalDate.of(2024, 5, 10), WrittenDate.of("2024-05-10: strike on the plant", "").date());
    }

    @Test
    void anAmbiguousNumericDateKeepsOnlyItsYearAndANonDateIsSkipped() {
        WrittenDate d = WrittenDate.of("Posted 04/05/2011", "");
        assertEquals(2011, d.year());
        assertNull(d.date(), "April 5 or May 4");
        assertEquals(LocalDate.of(2010, 3, 1), WrittenDate.of("February 31, 2010 ... March 1, 2010", "").date());
    }

    @Test
    void onlyTheLeadIsRead() {
        assertNull(WrittenDate.of("Blast in the market", "x ".repeat(WrittenDate.LEAD_CHARS) + "November 11, 2011"));
        assertNull(WrittenDate.of("Three killed in 2011 attack", "No date here, only a year."));
    }

    @Test
    void daysBetweenWholeDates() {
        WrittenDate a = WrittenDate.of("November 11, 2011", ""), b = WrittenDate.of("13 November 2011", "");
        assertEquals(2L, a.daysTo(b));
        assertNull(a.daysTo(WrittenDate.of("04/05/2011", "")));
    }
}
