package org.sitrep.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sitrep.eval.Classification;
import org.sitrep.extract.EventExtractor;
import org.sitrep.geoparse.Geoparsers;
import org.sitrep.internal.Json;
import org.sitrep.internal.JsonLines;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.pipeline.Geoparser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sitrep eval events FILE.jsonl}: scores event extraction on ACLED-style records. The text is
 * {@code notes}; the publication time is the record's {@code timestamp} (when ACLED published it, 2-9
 * days after the event, so a date must come from the words, as in live use), or the end of the event
 * day when there is none. Gold: event_type, sub_event_type, fatalities, latitude/longitude, event_date_iso.
 * A field missing from a row is left out of that score, not counted as an error.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Score event extraction (type, sub-type, fatalities, location, date, speed) on ACLED-style JSON Lines.")
final class EvalEventsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.jsonl") Path file;

    @Option(names = "--limit", defaultValue = "0", description = "score only the first N usable rows (0: all)")
    int limit;

    @Option(names = "--json", description = "print one JSON object with the scores as the last line")
    boolean json;

    @Option(names = "--holdout", description = "score only rows with an odd data_id (the rows the shipped type model was not trained on)")
    boolean holdout;

    @Option(names = "--per-label", description = "print F1 per sub-event type")
    boolean perLabel;

    @Option(names = "--gazetteer", paramLabel = "DIR",
            description = "gazetteer directory for the geoparser (default: $SITREP_HOME/gazetteer or ~/.sitrep/gazetteer)")
    Path gazetteer;

    @Option(names = "--without-coder-notes",
            description = "drop ACLED coders' own fatality notes ('Fatalities coded as 2', 'Fatalities split across 3 events (5)') from the text, "
                    + "so the fatality score reflects reading the report rather than the coder's note")
    boolean withoutCoderNotes;

    private static final java.util.regex.Pattern CODER_NOTE = java.util.regex.Pattern.compile(
            "(?i)[^.]*\\bfatalities (?:are |were )?(?:coded as|split|divided|distributed)[^.]*(?:\\.|$)");

    @Option(names = "--errors", paramLabel = "FILE",
            description = "write one JSON line per row whose event location is more than 25 km off (or missing): "
                    + "the gold point and place fields, the chosen location and every mention, for error analysis")
    Path errors;

    @Option(names = "--no-geoparser", description = "score without the geoparser (location scores n/a)")
    boolean noGeoparser;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        java.io.PrintWriter out = spec.commandLine().getOut();
        List<JsonNode> rows;
        try {
            rows = JsonLines.readAll(file);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        EventExtractor extractor = EventExtractor.loadDefault();
        // The event location is the geoparser's choice. Without a gazetteer only source coordinates
        // count, and ACLED rows carry none: location scores are then n/a, never a country centroid.
        Geoparser geoparser = Geoparser.SOURCE_COORDINATES_ONLY;
        String geoNote = "--no-geoparser given";
        if (!noGeoparser) {
            try {
                geoparser = Geoparsers.load(gazetteer, false, System.err);
            } catch (Geoparsers.GazetteerUnavailableException e) {
                geoNote = e.getMessage();
                System.err.println("sitrep: location not scored: " + geoNote);
            }
        }
        boolean geoAvailable = geoparser != Geoparser.SOURCE_COORDINATES_ONLY;
        Source source = Source.named("eval:acled");

        Classification types = new Classification(), subs = new Classification();
        int n = 0, fatN = 0, fatOk = 0, locN = 0, loc25 = 0, loc161 = 0, dateN = 0, dateOk = 0, fromTimestamp = 0;
        long nanos = 0, cpuNanos = 0, geoCpuNanos = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        boolean cpuTime = cpu.isCurrentThreadCpuTimeSupported();
        java.io.BufferedWriter errorsOut = null;
        if (errors != null) {
            try {
                errorsOut = java.nio.file.Files.newBufferedWriter(errors);
            } catch (java.io.IOException e) {
                throw new UserException("cannot write " + errors + ": " + e.getMessage());
            }
        }
        for (JsonNode r : rows) {
            String notes = r.path("notes").asText("");
            if (withoutCoderNotes) notes = CODER_NOTE.matcher(notes).replaceAll("").strip();
            if (notes.isBlank()) continue;
            if (holdout) {
                JsonNode id = r.get("data_id");
                if (id == null || !id.canConvertToLong() || id.asLong() % 2 == 0) continue;
            }
            LocalDate goldDate = date(r.path("event_date_iso").asText(""));
            Instant published;
            JsonNode ts = r.get("timestamp");
            if (ts != null && ts.canConvertToLong() && ts.asLong() > 0) {
                published = Instant.ofEpochSecond(ts.asLong());
                fromTimestamp++;
            } else if (goldDate != null) {
                published = goldDate.plusDays(1).atStartOfDay().minusSeconds(1).toInstant(ZoneOffset.UTC);
            } else {
                continue; // no publication time at all: nothing to resolve a date against
            }
            if (limit > 0 && n >= limit) break;
            n++;
            Report report = new Report(r.path("data_id").asText("row" + n), source.id(), null, null, null, notes,
                    "en", published, published, null, null);
            long g0 = cpuTime ? cpu.getCurrentThreadCpuTime() : 0;
            Geoparse geo = geoparser.parse(report, source);
            long c0 = cpuTime ? cpu.getCurrentThreadCpuTime() : 0, t0 = System.nanoTime();
            Extraction ex = extractor.extract(report, geo);
            nanos += System.nanoTime() - t0;
            if (cpuTime) {
                cpuNanos += cpu.getCurrentThreadCpuTime() - c0;
                geoCpuNanos += c0 - g0;
            }

            String gType = r.path("event_type").asText("");
            if (!gType.isBlank()) types.add(gType, ex.type());
            String gSub = r.path("sub_event_type").asText("");
            if (!gSub.isBlank()) subs.add(gSub, ex.subType() == null ? "(none)" : ex.subType());
            JsonNode f = r.get("fatalities");
            if (f != null && f.canConvertToInt() && !f.asText().isBlank()) {
                fatN++;
                Integer k = ex.fatalities().killedMin();
                if ((k == null ? 0 : k) == f.asInt()) fatOk++;
            }
            JsonNode lat = r.get("latitude"), lon = r.get("longitude");
            if (geoAvailable && lat != null && lon != null && lat.isNumber() && lon.isNumber()) {
                locN++;
                if (ex.location() != null) {
                    double d = ex.location().point().distanceKm(new GeoPoint(lat.asDouble(), lon.asDouble()));
                    if (d <= 25) loc25++;
                    if (d <= 161) loc161++;
                }
                if (errorsOut != null) writeError(errorsOut, r, geo, ex);
            }
            if (goldDate != null) {
                dateN++;
                Instant mid = ex.time().start().plus(ChronoUnit.SECONDS.between(ex.time().start(), ex.time().end()) / 2, ChronoUnit.SECONDS);
                LocalDate predicted = mid.atOffset(ZoneOffset.UTC).toLocalDate();
                if (Math.abs(ChronoUnit.DAYS.between(predicted, goldDate)) <= 1) dateOk++;
            }
        }
        if (errorsOut != null) {
            try {
                errorsOut.close();
            } catch (java.io.IOException e) {
                throw new UserException("cannot write " + errors + ": " + e.getMessage());
            }
        }
        if (n == 0) throw new UserException(file + ": no rows with notes and a publication time (timestamp or event_date_iso)");
        // Per core: reports per second of this thread's CPU time, so other load on the machine does not count.
        // Wall-clock speed is printed beside it.
        double perSecondWall = nanos == 0 ? 0 : n / (nanos / 1e9);
        double perSecond = cpuTime && cpuNanos > 0 ? n / (cpuNanos / 1e9) : perSecondWall;

        out.printf(Locale.ROOT, "events: %s%s%s (n=%d; publishedAt from timestamp for %d rows, else end of event day)%n",
                file, holdout ? " [held-out rows: odd data_id]" : "", withoutCoderNotes ? " [coders' fatality notes removed]" : "", n, fromTimestamp);
        out.printf(Locale.ROOT, "model: %s%n", extractor.modelDescription());
        out.printf(Locale.ROOT, "event_type      accuracy %.3f   macro-F1 %.3f      (n=%d)%n", types.accuracy(), types.macroF1(), types.n());
        out.printf(Locale.ROOT, "sub_event_type  accuracy %.3f   weighted-F1 %.3f   (n=%d)%n", subs.accuracy(), subs.weightedF1(), subs.n());
        out.printf(Locale.ROOT, "fatalities      exact    %s            (n=%d)%n", ratio(fatOk, fatN), fatN);
        if (geoAvailable) {
            out.printf(Locale.ROOT, "location        acc@25km %s   acc@161km %s   (n=%d)%n", ratio(loc25, locN), ratio(loc161, locN), locN);
        } else {
            out.println("location        n/a (no geoparser: " + geoNote + ")");
        }
        out.printf(Locale.ROOT, "date            within 1 day %s        (n=%d)%n", ratio(dateOk, dateN), dateN);
        out.printf(Locale.ROOT, "speed           %.0f reports/s per core, extraction alone (thread CPU time; %.0f/s wall clock; JSON reading and JVM start excluded)%n",
                perSecond, perSecondWall);
        if (geoAvailable && geoCpuNanos > 0) {
            out.printf(Locale.ROOT, "                %.0f reports/s per core for the geoparser before it (thread CPU time)%n", n / (geoCpuNanos / 1e9));
        }
        if (perLabel) {
            for (String l : subs.labels()) out.printf(Locale.ROOT, "  F1 %.3f  %s%n", subs.f1(l), l);
        }
        if (json) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("event_type_acc", round(types.accuracy()));
            o.put("event_type_macro_f1", round(types.macroF1()));
            o.put("sub_event_type_acc", round(subs.accuracy()));
            o.put("sub_event_type_weighted_f1", round(subs.weightedF1()));
            putRatio(o, "fatalities_acc", fatOk, fatN);
            putRatio(o, "loc_acc25", loc25, geoAvailable ? locN : 0);
            putRatio(o, "loc_acc161", loc161, geoAvailable ? locN : 0);
            putRatio(o, "date_acc", dateOk, dateN);
            o.put("reports_per_s", Math.round(perSecond));
            o.put("n", n);
            out.println(o);
        }
        out.flush();
        return 0;
    }

    /** One line of the --errors file for a row located more than 25 km off, or not located. */
    private static void writeError(java.io.BufferedWriter w, JsonNode r, Geoparse geo, Extraction ex) {
        GeoPoint gold = new GeoPoint(r.get("latitude").asDouble(), r.get("longitude").asDouble());
        double d = ex.location() == null ? Double.NaN : ex.location().point().distanceKm(gold);
        if (d <= 25) return;
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", r.path("data_id").asText(""));
        o.put("country", r.path("country").asText(""));
        for (String f : new String[] {"admin1", "admin2", "admin3", "location", "geo_precision"}) o.put(f, r.path(f).asText(""));
        o.put("lat", gold.lat());
        o.put("lon", gold.lon());
        if (ex.location() != null) {
            o.put("chosen", ex.location().name());
            o.put("chosen_km", Math.round(d));
            o.put("reason", ex.location().reason());
        }
        var ms = o.putArray("mentions");
        for (var m : geo.mentions()) {
            ObjectNode mo = ms.addObject();
            mo.put("text", m.text());
            mo.put("place", m.place().name());
            mo.put("id", m.place().geonameId());
            mo.put("fc", m.place().featureCode());
            mo.put("cc", m.place().countryCode());
            mo.put("km", Math.round(m.place().point().distanceKm(gold)));
            mo.put("conf", m.confidence());
        }
        o.put("notes", r.path("notes").asText(""));
        try {
            w.write(o.toString());
            w.newLine();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LocalDate date(String s) {
        if (s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String ratio(int ok, int total) {
        return total == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", (double) ok / total);
    }

    private static void putRatio(ObjectNode o, String key, int ok, int total) {
        if (total == 0) o.putNull(key);
        else o.put(key, round((double) ok / total));
    }

    private static double round(double v) { return Math.round(v * 10000) / 10000.0; }
}
