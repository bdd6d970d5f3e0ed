package org.sitrep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoDataTest {
    @Test
    void shiftingTheDemoMovesTheDatesAndWeekdaysItsTextsName() {
        assertEquals("IDLIB, Syria, Nov 24 (Wire) - early on Tuesday, 24 November; by Wednesday",
                DemoData.shiftDates("IDLIB, Syria, Nov 22 (Wire) - early on Sunday, 22 November; by Monday", 2));
        assertEquals("Вечером 1 декабря ... во вторник", DemoData.shiftDates("Вечером 20 ноября ... в пятницу", 11));
        assertEquals("во вторник, в среду", DemoData.shiftDates("в понедельник, во вторник", 1));
        assertEquals("صباح اليوم السبت", DemoData.shiftDates("صباح اليوم الجمعة", 8));
        assertEquals("Fridays and 300 Novembers stay", DemoData.shiftDates("Fridays and 300 Novembers stay", 3));
        assertEquals("в окружающую среду", DemoData.shiftDates("в окружающую среду", 7), "a whole number of weeks changes no weekday");
        String same = "on Sunday, 22 November";
        assertTrue(same == DemoData.shiftDates(same, 0));
    }
}
