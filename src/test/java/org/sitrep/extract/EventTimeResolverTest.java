package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sitrep.model.TimePrecision;

class EventTimeResolverTest {
    static final Instant PUB = Instant.parse("2020-05-12T10:00:00Z"); // a Tuesday
    final EventTimeResolver r = new EventTimeResolver();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        On 9 May 2020, gunmen attacked a checkpoint.                    | 2020-05-09 | DAY
        Fighting was reported on 2020-05-09 near the river.             | 2020-05-09 | DAY
        The attack happened on 09/05/2020 at dawn.                      | 2020-05-09 | DAY
        The attack happened on 05/25/2020 at dawn, according to police.  | 2020-05-12 | UNKNOWN
        Police said that on May 9, 2020 two men were detained.          | 2020-05-09 | DAY
        Troops shelled the town on Friday.                              | 2020-05-08 | DAY
        Explosions were heard last night in the capital.                | 2020-05-11 | DAY
        Protesters gathered yesterday outside parliament.               | 2020-05-11 | DAY
        Protests took place earlier this week.                          | 2020-05-11 | WEEK
        Clashes broke out last week in the north.                       | 2020-05-04 | WEEK
        Three days ago the convoy was ambushed.                         | 2020-05-09 | DAY
        On 20 December, rebels took the town.                           | 2019-12-20 | DAY
        9 мая в городе прошёл митинг.                                   | 2020-05-09 | DAY
        В пятницу российские войска обстреляли город.                   | 2020-05-08 | DAY
        Вчора ворог атакував місто дронами.                             | 2020-05-11 | DAY
        9 травня відбувся обстріл.                                      | 2020-05-09 | DAY
        قصفت الطائرات المدينة أمس                                       | 2020-05-11 | DAY
        قصف مدفعي على المدينة في ٩ مايو ٢٠٢٠                            | 2020-05-09 | DAY
        The ministry issued a statement.                                | 2020-05-12 | UNKNOWN
        A mine exploded in a field at around 12:30 local.               | 2020-05-12 | DAY
        Sirens sounded at 3 a.m. across the city.                       | 2020-05-12 | DAY
        Около 5:40 прогремели взрывы.                                   | 2020-05-12 | DAY
        Ten people were wounded in the blast.                           | 2020-05-12 | UNKNOWN
        Warplanes struck at around 10:50 local time on 9 May.            | 2020-05-09 | DAY
        """)
    void resolves(String text, String day, TimePrecision precision) {
        EventTimeResolver.Resolved x = r.resolve(text, PUB);
        assertEquals(Instant.parse(day + (precision == TimePrecision.UNKNOWN ? "T10:00:00Z" : "T00:00:00Z")), x.window().start(),
                () -> "phrase " + x.phrase());
        assertEquals(precision, x.window().precision());
        assertFalse(x.window().end().isAfter(PUB), "never in the future");
    }

    @Test
    void futureExplicitDateIsNotUsed() {
        EventTimeResolver.Resolved x = r.resolve("On 20 May 2020 the talks will resume.", PUB);
        assertEquals(TimePrecision.UNKNOWN, x.window().precision());
        assertNull(x.phrase());
    }

    @Test
    void firstExpressionWins() {
        EventTimeResolver.Resolved x = r.resolve("As reported on 30 April 2020, a woman was reported missing on 18 April.", PUB);
        assertEquals(Instant.parse("2020-04-30T00:00:00Z"), x.window().start());
    }
}
