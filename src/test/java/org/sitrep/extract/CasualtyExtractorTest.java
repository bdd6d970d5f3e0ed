package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.model.Fatalities;

class CasualtyExtractorTest {
    final CasualtyExtractor c = new CasualtyExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        At least 6 civilians were killed in the attack.                                   | 6
        The blast killed 3 soldiers and wounded 4 others.                                 | 3
        The militants attacked the post, killing 2 policemen and 3 soldiers.               | 5
        Two people died in hospital later that day.                                        | 2
        Gunmen killed a man in his shop.                                                    | 1
        Dozens of fighters were killed in the offensive.                                    | 12
        No fatalities were reported.                                                        | 0
        A woman was shot dead at a checkpoint.                                             | 1
        The victim died on the way to hospital.                                             | 1
        The clashes left 7 dead on both sides. 14 fatalities split between 2 events.       | 7
        Officials said 4 were killed. Fatalities coded as 2 (another source reported 4).   | 2
        Two soldiers were killed on 9 May 2020 near the border.                             | 2
        On Monday 1 teacher and 3 pupils were killed when the school was hit.               | 4
        4 guards, 2 drivers and 1 cook were killed in the ambush.                            | 7
        11 fighters including 3 commanders were killed in the raid.                          | 11
        The gunmen killed his brother outside the mosque.                                   | 1
        2 soldiers were killed in the north. Also a militant was killed.                    | 3
        9 militants were killed in raids. Fatalities are split across 3 events (4).         | 4
        """)
    void countsKilled(String text, int killed) {
        Fatalities f = c.extract(text);
        assertEquals(killed, f.killedMin(), () -> "phrase: " + f.phrase());
    }

    @Test
    void injuredAndPhrases() {
        Fatalities f = c.extract("The blast killed 3 soldiers and wounded 4 others.");
        assertEquals(4, f.injuredMin());
        assertTrue(f.phrase().contains("killed 3"), f.phrase());
        assertTrue(f.phrase().contains("wounded 4"), f.phrase());
    }

    @Test
    void aHeadlineRestatingTheBodysCountIsCountedOnce() {
        Fatalities f = c.extract("Two kids killed in blast west of Aleppo", "Two children were killed by an explosion in Darat Izza, west of Aleppo.");
        assertEquals(2, f.killedMin());
        assertEquals(2, f.killedMax());
        // the headline fills in what the body leaves out
        Fatalities g = c.extract("Shelling kills 3 in Kherson", "Russian artillery hit the city centre in the morning; 5 people were wounded.");
        assertEquals(3, g.killedMin());
        assertEquals(5, g.injuredMin());
        assertEquals(3, c.extract("Shelling kills 3 in Kherson", "").killedMin());
    }

    @Test
    void killedOrWoundedIsNoDeathCount() {
        assertNull(c.extract("A soldier was killed or wounded by a sniper.").killedMin());
        assertNull(c.extract("2 policemen were killed or wounded by a sniper.").killedMin());
    }

    @Test
    void rangeGivesMinAndMax() {
        Fatalities f = c.extract("Between 5 and 10 people were killed when the market was hit.");
        assertEquals(5, f.killedMin());
        assertEquals(10, f.killedMax());
    }

    @Test
    void disagreeingCountsGiveARange() {
        Fatalities f = c.extract("Officials said 5 people were killed in the strike. Later the death toll rose to 8.");
        assertEquals(5, f.killedMin());
        assertEquals(8, f.killedMax());
        assertTrue(f.phrase().contains("toll rose to 8"), f.phrase());
    }

    @Test
    void nothingStatedIsUnknownNotZero() {
        assertSame(Fatalities.UNKNOWN, c.extract("Protesters marched to the ministry."));
        Fatalities injuredOnly = c.extract("Three protesters were injured by rubber bullets.");
        assertNull(injuredOnly.killedMin());
        assertEquals(3, injuredOnly.injuredMin());
    }

    @Test
    void otherLanguages() {
        assertEquals(3, c.extract("В результате обстрела погибли 3 человека, ранены 7.").killedMin());
        assertEquals(7, c.extract("В результате обстрела погибли 3 человека, ранены 7.").injuredMin());
        assertEquals(2, c.extract("Внаслідок атаки дронів загинули 2 людини.").killedMin());
        assertEquals(2, c.extract("При обстреле погибли двое мирных жителей.").killedMin());
        assertEquals(3, c.extract("Внаслідок удару троє людей загинули, ще п'ятеро поранені.").killedMin());
        assertEquals(5, c.extract("Внаслідок удару троє людей загинули, ще п’ятеро поранені.").injuredMin());
        assertEquals(4, c.extract("أسفرت الغارة عن مقتل 4 مدنيين وإصابة 6 آخرين").killedMin());
        assertEquals(4, c.extract("أسفرت الغارة عن مقتل ٤ مدنيين وإصابة ٦ آخرين").killedMin());
        assertEquals(6, c.extract("أسفرت الغارة عن مقتل ٤ مدنيين وإصابة ٦ آخرين").injuredMin());
    }
}
