package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.sitrep.model.EventLocation;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;

/**
 * Chooses where the reported incident happened among the places a report names. The most
 * specific place that the text keeps coming back to, early, wins; a dateline ("BEIRUT (Reuters) -")
 * is where the reporter filed from, and a capital named beside places elsewhere is usually where
 * someone spoke about the event ("Moscow said strikes hit Kharkiv"), so both are pushed down.
 * Thread-safe (stateless).
 */
final class EventLocator {
    /** Mentions resolved with less confidence than this are not offered as the event location. */
    static final double MIN_CONFIDENCE = 0.15;

    private static final Pattern DATELINE_TAIL = Pattern.compile("^(,[^\\n,(—–-]{1,40})?\\s*(\\(|-|—|–|:)");

    private EventLocator() {}

    static EventLocation choose(String text, int bodyStart, List<Mention> mentions) {
        List<Mention> usable = new ArrayList<>();
        for (Mention m : mentions) if (m.confidence() >= MIN_CONFIDENCE) usable.add(m);
        if (usable.isEmpty()) return null;
        Map<Long, Integer> freq = new HashMap<>();
        for (Mention m : usable) freq.merge(m.place().geonameId(), 1, Integer::sum);
        double bestScore = Double.NEGATIVE_INFINITY;
        Mention best = null;
        List<String> bestWhy = List.of();
        for (Mention m : usable) {
            Place p = m.place();
            List<String> why = new ArrayList<>();
            double s = specificity(p);
            int f = freq.get(p.geonameId());
            s += 0.6 * Math.min(3, f - 1);
            if (f > 1) why.add("named " + f + " times");
            if (m.start() < bodyStart) {
                s += 1.2;
                why.add("in the headline");
            } else if (m.start() < bodyStart + 400) {
                s += 0.8;
                why.add("in the lead");
            }
            if (hasAncestor(m, usable)) {
                s += 0.8;
                why.add("its country or province is named too");
            }
            if (isDateline(text, bodyStart, m) && usable.size() > 1) {
                s -= 3;
                why.add("(dateline)");
            }
            if (p.featureCode().equals("PPLC") && elsewhere(m, usable)) {
                s -= 2;
                why.add("(a capital named beside places elsewhere)");
            }
            s += m.confidence();
            if (s > bestScore) {
                bestScore = s;
                best = m;
                bestWhy = why;
            }
        }
        Place p = best.place();
        LocationPrecision precision = precision(p);
        String reason = "the most specific place the report keeps to"
                + (bestWhy.isEmpty() ? "" : ": " + String.join(", ", bestWhy.stream().filter(w -> !w.startsWith("(")).toList()))
                + " (" + p.featureCode() + ", confidence " + String.format(java.util.Locale.ROOT, "%.2f", best.confidence()) + ")";
        return new EventLocation(p.point(), precision, p.name(), p.geonameId(), p.countryCode().isEmpty() ? null : p.countryCode(), reason);
    }

    static LocationPrecision precision(Place p) {
        String fc = p.featureClass(), code = p.featureCode();
        if (code.startsWith("PCL") || code.equals("TERR") || code.equals("CONT")) return LocationPrecision.COUNTRY;
        if (code.equals("RGN")) return LocationPrecision.PROVINCE;
        if (code.equals("ADM1")) return LocationPrecision.PROVINCE;
        if (fc.equals("H")) return LocationPrecision.PROVINCE; // "in the Black Sea": a sea is as vague as a province
        if (fc.equals("A") || fc.equals("L")) return LocationPrecision.DISTRICT;
        return LocationPrecision.EXACT;
    }

    private static double specificity(Place p) {
        return switch (precision(p)) {
            case EXACT -> 3;
            case DISTRICT -> 2.2;
            case PROVINCE -> 1.5;
            case COUNTRY -> p.featureCode().equals("CONT") ? 0 : 0.5;
        };
    }

    private static boolean hasAncestor(Mention m, List<Mention> all) {
        Place p = m.place();
        for (Mention o : all) {
            Place q = o.place();
            if (q == p || q.geonameId() == p.geonameId() || !q.countryCode().equals(p.countryCode())) continue;
            if (q.featureCode().startsWith("PCL")) return true;
            if (q.featureCode().equals("ADM1") && q.admin1().equals(p.admin1()) && !p.featureCode().equals("ADM1")) return true;
        }
        return false;
    }

    /** Another exact place more than 100 km away is named: the capital is likely where someone spoke. */
    private static boolean elsewhere(Mention m, List<Mention> all) {
        for (Mention o : all) {
            if (o.place().geonameId() == m.place().geonameId() || precision(o.place()) != LocationPrecision.EXACT) continue;
            if (o.place().point().distanceKm(m.place().point()) > 100) return true;
        }
        return false;
    }

    /** "BEIRUT (Reuters) -", "KHARKIV, Ukraine —": the first words of the body, followed by a bracket or dash. */
    static boolean isDateline(String text, int bodyStart, Mention m) {
        if (m.start() < bodyStart || !text.substring(bodyStart, m.start()).isBlank()) return false;
        String tail = text.substring(m.end(), Math.min(text.length(), m.end() + 60));
        return DATELINE_TAIL.matcher(tail).find();
    }
}
