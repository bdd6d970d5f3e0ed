package org.sitrep.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;

/**
 * Resolves when an event happened from the report's words and its publication time (UTC): explicit
 * dates ("On 9 May 2020", "May 9, 2020", "2020-05-09", "09/05/2020", "9 мая", "9 травня") and relative
 * expressions ("yesterday", "last night", "on Friday", "earlier this week", "last week", "вчера",
 * "у п'ятницю", "أمس"). The first expression in the text wins: reports put the event's time in the lead.
 *
 * <p>Never in the future: a date after publication is skipped (a yearless date after publication is
 * taken from the year before), and a window is cut at the publication time. With no expression the
 * event is timed at publication with {@link TimePrecision#UNKNOWN}. Numeric dates are read day first
 * (the form of most of the world) unless the second number cannot be a month.
 * Immutable; thread-safe.
 */
final class EventTimeResolver {
    /** Time expressions sit in the lead; reading further only finds background dates. */
    static final int MAX_CHARS = 3_000;

    /** A resolved time and the words it came from. */
    record Resolved(TimeWindow window, String phrase) {}

    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

    static {
        String[][] months = {
            {"january", "jan", "января", "январь", "січня", "يناير", "كانون الثاني"},
            {"february", "feb", "февраля", "февраль", "лютого", "فبراير", "شباط"},
            {"march", "mar", "марта", "март", "березня", "مارس", "آذار", "اذار"},
            {"april", "apr", "апреля", "апрель", "квітня", "أبريل", "ابريل", "نيسان"},
            {"may", "мая", "май", "травня", "مايو", "أيار", "ايار"},
            {"june", "jun", "июня", "июнь", "червня", "يونيو", "حزيران"},
            {"july", "jul", "июля", "июль", "липня", "يوليو", "تموز"},
            {"august", "aug", "августа", "август", "серпня", "أغسطس", "اغسطس", "آب", "اب"},
            {"september", "sep", "sept", "сентября", "сентябрь", "вересня", "سبتمبر", "أيلول", "ايلول"},
            {"october", "oct", "октября", "октябрь", "жовтня", "أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"},
            {"november", "nov", "ноября", "ноябрь", "листопада", "نوفمبر", "تشرين الثاني"},
            {"december", "dec", "декабря", "декабрь", "грудня", "ديسمبر", "كانون الأول", "كانون الاول"}};
        for (int i = 0; i < months.length; i++) for (String m : months[i]) MONTHS.put(m, i + 1);
        String[][] days = {
            {"monday", "понедельник", "понеділок", "الاثنين", "الإثنين"},
            {"tuesday", "вторник", "вівторок", "الثلاثاء"},
            {"wednesday", "среду", "среда", "середу", "середа", "الأربعاء", "الاربعاء"},
            {"thursday", "четверг", "четвер", "الخميس"},
            {"friday", "пятницу", "пятница", "п'ятницю", "п’ятницю", "пʼятницю", "п'ятниця", "الجمعة"},
            {"saturday", "субботу", "суббота", "суботу", "субота", "السبت"},
            {"sunday", "воскресенье", "неділю", "неділя", "الأحد", "الاحد"}};
        for (int i = 0; i < days.length; i++) for (String d : days[i]) WEEKDAYS.put(d, DayOfWeek.of(i + 1));
    }

    private static final String MONTH_RX = alternation(MONTHS.keySet());
    private static final String DAY_RX = alternation(WEEKDAYS.keySet());

    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|-?го)?\\s+(?:of\\s+)?(" + MONTH_RX + ")\\.?(?:,?\\s+(\\d{4}))?(?![\\p{L}])");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])(" + MONTH_RX + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\p{L}])(?:in|during|since|в|у)\\s+(" + MONTH_RX + ")\\s+(\\d{4})\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?<![\\p{L}])(today|this morning|this afternoon|this evening|tonight|earlier today|yesterday|last night|overnight"
            + "|the day before yesterday|earlier this week|this week|last week|earlier this month|this month|last month"
            + "|(\\d{1,2}|two|three|four|five|six) days ago"
            + "|сегодня|вчера|позавчера|прошлой ночью|этой ночью|на этой неделе|на прошлой неделе|в этом месяце"
            + "|сьогодні|вчора|учора|позавчора|минулої ночі|цієї ночі|цього тижня|минулого тижня|цього місяця"
            + "|اليوم|أمس|امس|الليلة الماضية|هذا الأسبوع|الأسبوع الماضي)(?![\\p{L}])");
    private static final Pattern ON_WEEKDAY = Pattern.compile(
            "(?<![\\p{L}])(?:on|late on|early on|во|в|у|يوم)\\s+(" + DAY_RX + ")(?![\\p{L}])"
            + "|(?<![\\p{L}])(" + DAY_RX + ")(?:\\s+(?:morning|afternoon|evening|night))(?![\\p{L}])");

    /** A clock time after a preposition: "at around 12:30 local", "at 3 a.m.", "около 5:40", "близько 04:10", "الساعة 10:30". */
    private static final Pattern CLOCK = Pattern.compile(
            "(?<![\\p{L}])(?:at|around|about|shortly after|shortly before|just after|just before|until|около|в|к|близько|о|об|حوالي|الساعة)"
            + "\\s+(?:around\\s+|about\\s+|approximately\\s+)?(?:[01]?\\d|2[0-3])(?::[0-5]\\d(?:\\s*(?:a\\.?m\\.?|p\\.?m\\.?))?"
            + "|\\s*(?:a\\.m\\.|p\\.m\\.|am|pm))(?![\\p{L}\\d])");

    Resolved resolve(String text, Instant publishedAt) {
        String s = CasualtyExtractor.asciiDigits((text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).toLowerCase(Locale.ROOT));
        LocalDate pub = publishedAt.atOffset(ZoneOffset.UTC).toLocalDate();
        // The first expression wins, so each later pattern only searches before the best match so far:
        // in a typical lead ("On 9 May 2020, ...") that leaves a few characters to scan.
        Candidate best = explicit(s, DAY_MONTH, s.length(), pub, m -> dayMonth(m.group(1), m.group(2), m.group(3), pub));
        best = earliest(best, explicit(s, ISO, limit(best, s), pub, m -> date(m.group(1), m.group(2), m.group(3))));
        best = earliest(best, explicit(s, NUMERIC, limit(best, s), pub, m -> {
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(3));
            if (y < 100) y += 2000;
            // day first, unless the second number cannot be a month (then the writer is American)
            return b > 12 ? of(y, a, b) : of(y, b, a);
        }));
        best = earliest(best, explicit(s, MONTH_DAY, limit(best, s), pub, m -> dayMonth(m.group(2), m.group(1), m.group(3), pub)));
        Matcher my = MONTH_YEAR.matcher(s).region(0, limit(best, s));
        if (my.find()) {
            LocalDate first = of(Integer.parseInt(my.group(2)), MONTHS.get(my.group(1)), 1);
            if (first != null && !first.isAfter(pub)) {
                best = earliest(best, new Candidate(my.start(), first, first.plusMonths(1), TimePrecision.MONTH, my.group()));
            }
        }
        Matcher r = RELATIVE.matcher(s).region(0, limit(best, s));
        if (r.find()) best = earliest(best, relative(r, pub));
        Matcher w = ON_WEEKDAY.matcher(s).region(0, limit(best, s));
        if (w.find()) {
            String d = w.group(1) != null ? w.group(1) : w.group(2);
            LocalDate day = pub.with(TemporalAdjusters.previousOrSame(WEEKDAYS.get(d)));
            best = earliest(best, new Candidate(w.start(), day, day.plusDays(1), TimePrecision.DAY, w.group()));
        }
        if (best == null) {
            // "at around 12:30 local", "at 3 a.m.", "около 5:40": a clock time with no day is a time of the publication day
            Matcher c = CLOCK.matcher(s);
            if (!c.find()) return new Resolved(TimeWindow.at(publishedAt, TimePrecision.UNKNOWN), null);
            best = new Candidate(c.start(), pub, pub.plusDays(1), TimePrecision.DAY, c.group());
        }
        Instant start = best.from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = best.to.atStartOfDay().toInstant(ZoneOffset.UTC);
        if (end.isAfter(publishedAt)) end = publishedAt;
        if (start.isAfter(end)) start = end;
        return new Resolved(new TimeWindow(start, end, best.precision), best.phrase.trim());
    }

    private record Candidate(int pos, LocalDate from, LocalDate to, TimePrecision precision, String phrase) {}

    private static Candidate earliest(Candidate a, Candidate b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.pos < a.pos ? b : a;
    }

    /** Where a later pattern must start matching to beat the best so far (a little slack for look-behinds). */
    private static int limit(Candidate best, String s) {
        return best == null ? s.length() : Math.min(s.length(), best.pos + 1);
    }

    private static Candidate explicit(String s, Pattern p, int limit, LocalDate pub, java.util.function.Function<Matcher, LocalDate> f) {
        Matcher m = p.matcher(s).region(0, limit);
        m.useTransparentBounds(true);
        while (m.find()) {
            LocalDate d = f.apply(m);
            if (d != null && !d.isAfter(pub)) return new Candidate(m.start(), d, d.plusDays(1), TimePrecision.DAY, m.group());
        }
        return null;
    }

    private static Candidate relative(Matcher r, LocalDate pub) {
        String x = r.group(1);
        LocalDate d;
        TimePrecision p = TimePrecision.DAY;
        LocalDate to;
        switch (x) {
            case "yesterday", "last night", "overnight", "вчера", "прошлой ночью", "вчора", "учора", "минулої ночі",
                 "أمس", "امس", "الليلة الماضية" -> d = pub.minusDays(1);
            case "the day before yesterday", "позавчера", "позавчора" -> d = pub.minusDays(2);
            case "earlier this week", "this week", "на этой неделе", "цього тижня", "هذا الأسبوع" -> {
                d = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new Candidate(r.start(), d, pub.plusDays(1), TimePrecision.WEEK, x);
            }
            case "last week", "на прошлой неделе", "минулого тижня", "الأسبوع الماضي" -> {
                d = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                return new Candidate(r.start(), d, d.plusWeeks(1), TimePrecision.WEEK, x);
            }
            case "earlier this month", "this month", "в этом месяце", "цього місяця" -> {
                d = pub.withDayOfMonth(1);
                return new Candidate(r.start(), d, pub.plusDays(1), TimePrecision.MONTH, x);
            }
            case "last month" -> {
                d = pub.withDayOfMonth(1).minusMonths(1);
                return new Candidate(r.start(), d, d.plusMonths(1), TimePrecision.MONTH, x);
            }
            default -> {
                if (x.endsWith("days ago")) {
                    int n = CasualtyExtractor.number(x.substring(0, x.indexOf(' ')));
                    d = pub.minusDays(Math.max(0, n));
                } else {
                    d = pub; // today, tonight, this morning, сегодня, сьогодні, اليوم
                }
            }
        }
        to = d.plusDays(1);
        return new Candidate(r.start(), d, to, p, x);
    }

    private static LocalDate dayMonth(String day, String month, String year, LocalDate pub) {
        Integer mo = MONTHS.get(month);
        if (mo == null) return null;
        int d = Integer.parseInt(day);
        if (year != null) return of(Integer.parseInt(year), mo, d);
        LocalDate x = of(pub.getYear(), mo, d);
        if (x != null && x.isAfter(pub)) x = of(pub.getYear() - 1, mo, d);
        return x;
    }

    private static LocalDate date(String y, String m, String d) {
        return of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    }

    private static LocalDate of(int y, int m, int d) {
        if (y < 1900 || y > 2200) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // "31/02/2020" is not a date; the text may hold a valid one further on
        }
    }

    private static String alternation(java.util.Set<String> words) {
        return words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow();
    }
}
