package org.sitrep.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.LocationPrecision;

/**
 * CSV with ACLED's column names where Sitrep has the same thing, so tools built for ACLED exports read
 * it; Sitrep's own fields follow with a {@code sitrep_} prefix. RFC 4180 quoting; text cells starting
 * with = + - @ are prefixed with an apostrophe, because report text comes from strangers and a
 * spreadsheet would run it as a formula.
 *
 * <p>Differences from ACLED: event_id_cnty is Sitrep's event id; country_code is ISO 3166 alpha-2
 * (ACLED's iso is numeric); admin1/admin2 are empty until the geoparser records them; fatalities is the
 * lower bound of the reported range, 0 when no report states a number (as ACLED does), with
 * sitrep_fatalities_known telling the two apart.
 */
public final class CsvFormat implements EventFormat {
    public static final List<String> COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision", "event_type",
            "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country_code", "admin1", "admin2", "location",
            "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "timestamp",
            "sitrep_state", "sitrep_credibility", "sitrep_source_count", "sitrep_report_count", "sitrep_fatalities_max",
            "sitrep_fatalities_known", "sitrep_time_start", "sitrep_time_end", "sitrep_title");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Writer w;

    @Override public String contentType() { return "text/csv; charset=utf-8"; }

    @Override public String fileExtension() { return "csv"; }

    @Override public void begin(OutputStream out) throws IOException {
        w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        row(new ArrayList<>(COLUMNS), false);
    }

    @Override public void write(Event e, Context context) throws IOException {
        List<String> actor1 = new ArrayList<>(), actor2 = new ArrayList<>();
        for (Actor a : e.actors()) {
            if ("actor2".equals(a.role())) actor2.add(a.name()); else if ("actor1".equals(a.role())) actor1.add(a.name());
        }
        List<String> v = new ArrayList<>(COLUMNS.size());
        v.add(e.id());
        v.add(DATE.format(e.time().start()));
        v.add(Integer.toString(e.time().start().atZone(ZoneOffset.UTC).getYear()));
        v.add(switch (e.time().precision()) { case EXACT, DAY -> "1"; case WEEK -> "2"; default -> "3"; });
        v.add(e.type());
        v.add(e.subType());
        v.add(actor1.isEmpty() ? null : actor1.get(0));
        v.add(actor1.size() > 1 ? String.join("; ", actor1.subList(1, actor1.size())) : null);
        v.add(actor2.isEmpty() ? null : actor2.get(0));
        v.add(actor2.size() > 1 ? String.join("; ", actor2.subList(1, actor2.size())) : null);
        v.add(e.located() ? e.location().countryCode() : null);
        v.add(null);
        v.add(null);
        v.add(e.located() ? e.location().name() : null);
        v.add(e.located() ? coordinate(e.location().point().lat()) : null);
        v.add(e.located() ? coordinate(e.location().point().lon()) : null);
        v.add(e.located() ? (e.location().precision() == LocationPrecision.EXACT ? "1" : e.location().precision() == LocationPrecision.DISTRICT ? "2" : "3") : null);
        v.add(String.join("; ", context.sourceNames()));
        v.add(e.summary());
        Integer killedMin = e.fatalities().killedMin();
        v.add(Integer.toString(killedMin == null ? 0 : killedMin));
        v.add(Long.toString((e.updatedAt() == null ? e.firstSeen() : e.updatedAt()).getEpochSecond()));
        v.add(e.state().wire());
        v.add(Integer.toString(e.credibility()));
        v.add(Integer.toString(e.sourceCount()));
        v.add(Integer.toString(e.reportIds().size()));
        v.add(e.fatalities().killedMax() == null ? null : e.fatalities().killedMax().toString());
        v.add(Boolean.toString(killedMin != null));
        v.add(e.time().start().toString());
        v.add(e.time().end().toString());
        v.add(e.title());
        row(v, true);
    }

    private static String coordinate(double d) { return String.format(Locale.ROOT, "%.6f", d); }

    private void row(List<String> values, boolean guard) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) w.write(',');
            w.write(cell(values.get(i), guard && !NUMERIC.get(i)));
        }
        w.write("\r\n");
    }

    private static final List<Boolean> NUMERIC = COLUMNS.stream()
            .map(c -> c.equals("latitude") || c.equals("longitude") || c.equals("year") || c.equals("fatalities")
                    || c.equals("timestamp") || c.equals("geo_precision") || c.equals("time_precision") || c.startsWith("sitrep_") && !c.equals("sitrep_title")
                    && !c.equals("sitrep_state"))
            .toList();

    static String cell(String s, boolean guardFormula) {
        if (s == null) return "";
        if (guardFormula && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override public void end() throws IOException { w.flush(); }
}
