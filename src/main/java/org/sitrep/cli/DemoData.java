package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.sitrep.app.ReportInput;
import org.sitrep.internal.Json;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.store.Store;

/** The bundled demo data (src/main/resources/demo): fictional reports written by the project. */
public final class DemoData {
    private DemoData() {}

    /** Reads the bundled sources and reports, saving the sources; returns reports oldest first, shifted to end near {@code now}. */
    public static List<Report> load(Store store, Instant now) {
        try {
            for (JsonNode s : Json.MAPPER.readTree(resource("demo/sources.json"))) {
                store.saveSource(new Source(s.path("id").asText(), s.path("name").asText(), s.path("type").asText(null),
                        s.path("url").asText(null), s.path("language").asText(null),
                        s.hasNonNull("countryPrior") ? s.get("countryPrior").asText() : null,
                        s.path("reliability").asText("F").charAt(0), null, false));
            }
            List<JsonNode> lines = new ArrayList<>();
            for (String line : new String(resource("demo/reports.jsonl"), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
            }
            Instant far = Instant.parse("2100-01-01T00:00:00Z");
            List<Report> reports = new ArrayList<>();
            for (JsonNode n : lines) reports.add(ReportInput.parse(n, far));
            reports.sort(Comparator.comparing(Report::publishedAt));
            // Whole days, so that the times of day the texts give ("at 06:45 local", "this morning") still
            // hold, and the dates and weekdays the texts name are moved by the same days: a report saying
            // "on Sunday" or "22 November" must still be about its own day, or one strike becomes two events.
            long days = Duration.between(reports.get(reports.size() - 1).publishedAt(), now.minus(Duration.ofMinutes(3))).toDays();
            List<Report> shifted = new ArrayList<>();
            for (Report r : reports) {
                Instant t = r.publishedAt().plus(Duration.ofDays(days));
                shifted.add(new Report(null, r.sourceId(), r.externalId(), r.url(), shiftDates(r.title(), days),
                        shiftDates(r.text(), days), r.language(), t, t, r.media(), r.point(), r.author()));
            }
            return shifted;
        } catch (IOException e) {
            throw new UncheckedIOException("the bundled demo data is unreadable", e);
        }
    }

    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};
    private static final String[] MONTHS_RU = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря"};
    private static final String[] DAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] DAYS_RU = {"понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"};
    private static final String[] DAYS_AR = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"};
    private static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2}) (" + String.join("|", MONTHS_EN) + "|"
            + String.join("|", MONTHS_RU) + ")\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MONTH_DAY = Pattern.compile("\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\.? (\\d{1,2})\\b");
    private static final Pattern WEEKDAY = Pattern.compile("\\b(" + String.join("|", DAYS_EN) + "|" + String.join("|", DAYS_RU) + "|"
            + String.join("|", DAYS_AR) + ")\\b", Pattern.UNICODE_CHARACTER_CLASS);
    /** The year the demo texts are written in (their dates name no year). */
    private static final int DEMO_YEAR = 2026;

    /** Moves the dates ("22 November", "Nov 22", "20 ноября") and weekdays (English, Russian, Arabic) a demo text names by {@code days}. */
    static String shiftDates(String text, long days) {
        if (days == 0 || text.isEmpty()) return text;
        String out = DAY_MONTH.matcher(text).replaceAll(m -> {
            String[] names = indexOf(MONTHS_EN, m.group(2)) >= 0 ? MONTHS_EN : MONTHS_RU;
            LocalDate d = LocalDate.of(DEMO_YEAR, indexOf(names, m.group(2)) + 1, Integer.parseInt(m.group(1))).plusDays(days);
            return d.getDayOfMonth() + " " + names[d.getMonthValue() - 1];
        });
        out = MONTH_DAY.matcher(out).replaceAll(m -> {
            int month = 0;
            while (!MONTHS_EN[month].startsWith(m.group(1))) month++;
            LocalDate d = LocalDate.of(DEMO_YEAR, month + 1, Integer.parseInt(m.group(2))).plusDays(days);
            return MONTHS_EN[d.getMonthValue() - 1].substring(0, 3) + " " + d.getDayOfMonth();
        });
        int by = (int) Math.floorMod(days, 7);
        out = WEEKDAY.matcher(out).replaceAll(m -> {
            for (String[] names : List.of(DAYS_EN, DAYS_RU, DAYS_AR)) {
                int i = indexOf(names, m.group());
                if (i >= 0) return names[(i + by) % 7];
            }
            return m.group();
        });
        // Russian says "во вторник" but "в пятницу".
        return out.replace("в вторник", "во вторник").replace("В вторник", "Во вторник")
                .replaceAll("([Вв])о (понедельник|среду|четверг|пятницу|субботу|воскресенье)", "$1 $2");
    }

    private static int indexOf(String[] names, String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IOException("missing resource " + name);
            return in.readAllBytes();
        }
    }
}
