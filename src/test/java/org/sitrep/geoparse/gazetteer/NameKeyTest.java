package org.sitrep.geoparse.gazetteer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameKeyTest {
    @Test
    void foldsCaseDiacriticsAndPunctuation() {
        assertEquals("halab", NameKey.of("Ḩalab"));
        assertEquals("maarrat an numan", NameKey.of("Ma`arrat an-Nu`man"));
        assertEquals("us", NameKey.of("U.S."));
        assertEquals("st louis", NameKey.of("St. Louis"));
        assertEquals("bab al hawa", NameKey.of("Bab al-Hawa"));
    }

    @Test
    void arabicHamzaSeatsAndVowelMarksMeet() {
        assertEquals(NameKey.of("ادلب"), NameKey.of("إدلب"));
        assertEquals(NameKey.of("حلب"), NameKey.of("حَلَب"));
    }

    @Test
    void cyrillicCaseAndYoFold() {
        assertEquals(NameKey.of("харьков"), NameKey.of("ХАРЬКОВ"));
        assertEquals(NameKey.of("Орел"), NameKey.of("Орёл"));
    }

    @Test
    void nothingLetterLikeGivesEmpty() {
        assertEquals("", NameKey.of(" -- ... "));
    }
}
