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
        if (usable.isEmpty()) return insideAName(text, mentions);
        Containment nesting = Containment.of(text, usable);
        if (!nesting.dropped.isEmpty()) {
            usable.removeIf(m -> nesting.dropped.contains(key(m)));
            if (usable.isEmpty()) return null;
        }
        Map<Long, Integer> freq = new HashMap<>();
        for (Mention m : usable) freq.merge(m.place().geonameId(), 1, Integer::sum);
        // distinct names per country: a place alone in its country among several in another is likely a homonym
        Map<String, java.util.Set<String>> namesByCountry = new HashMap<>();
        for (Mention m : usable) {
            if (!m.place().countryCode().isEmpty()) namesByCountry.computeIfAbsent(m.place().countryCode(), k -> new java.util.HashSet<>()).add(key(m));
        }
        int mostNames = 0;
        for (var names : namesByCountry.values()) mostNames = Math.max(mostNames, names.size());
        // towns the text places the event relative to ("Darat Izza, west of Aleppo"): each such mention of them
        // ("blast west of Aleppo" in the headline too) names a reference point, not the event's place
        java.util.Set<Long> relativeTo = new java.util.HashSet<>();
        for (Mention m : usable) {
            if (isReferencePoint(text, m) && placedRelativeTo(text, m, usable, nesting)) relativeTo.add(m.place().geonameId());
        }
        // "west of Marib city (Marib)": the bracket repeating the reference town names it again, as a reference
        java.util.Set<Mention> references = new java.util.HashSet<>();
        Mention previousReference = null;
        for (Mention m : usable) {
            if (!relativeTo.contains(m.place().geonameId())) continue;
            if (isReferencePoint(text, m)) {
                references.add(m);
                previousReference = m;
            } else if (previousReference != null && previousReference.place().geonameId() == m.place().geonameId()
                    && m.start() >= previousReference.end() && m.start() - previousReference.end() <= 12
                    && REPEAT_GAP.matcher(text.substring(previousReference.end(), m.start())).matches()) {
                references.add(m);
            }
        }
        // first-level divisions the report names, per country ("in Talas, Kayseri"; "Garmsir district, Helmand province")
        Map<String, java.util.Set<String>> namedProvinces = new HashMap<>();
        for (Mention m : usable) {
            Place q = m.place();
            boolean division = q.featureCode().equals("ADM1") || nesting.qualifiers.contains(key(m)) && !nesting.qualified.contains(key(m))
                    && !q.admin1().isEmpty() && precision(q) != LocationPrecision.COUNTRY;
            if (division && !q.admin1().isEmpty()) namedProvinces.computeIfAbsent(q.countryCode(), k -> new java.util.HashSet<>()).add(q.admin1());
        }
        Mention firstLocated = null;
        for (Mention m : usable) {
            if (m.start() < bodyStart || precision(m.place()) == LocationPrecision.COUNTRY) continue;
            if (EVENT_LOCATIVE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                firstLocated = m;
                break;
            }
        }
        java.util.Set<Mention> roadEnds = roadEnds(text, usable);
        double bestScore = Double.NEGATIVE_INFINITY;
        Mention best = null;
        List<String> bestWhy = List.of();
        for (Mention m : usable) {
            Place p = m.place();
            List<String> why = new ArrayList<>();
            // "a pharmacist from Ibb governorate": a town named for its province is as vague as the province
            // (not so "Ghoryan district", which the event data places at the district's seat)
            double s = specificity(namedAs(text, m) == LocationPrecision.PROVINCE ? coarsest(precision(p), LocationPrecision.PROVINCE) : precision(p), p);
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
            if (mostNames >= 2 && !p.countryCode().isEmpty() && namesByCountry.get(p.countryCode()).size() == 1) {
                s -= 1.5;
                why.add("(alone in its country among places in another)");
            }
            java.util.Set<String> provinces = namedProvinces.get(p.countryCode());
            if (provinces != null && !p.featureCode().equals("ADM1") && precision(p) != LocationPrecision.COUNTRY
                    && !p.admin1().isEmpty() && !provinces.contains(p.admin1()) && !nesting.qualifiers.contains(key(m))) {
                s -= 1.0;
                why.add("(outside the province the report names)");
            }
            if (m == firstLocated) {
                s += 0.4;
                why.add("first place the report puts the event in");
            }
            if (ORIGIN_BEFORE.matcher(text.substring(Math.max(0, m.start() - 30), m.start())).find() && usable.size() > 1
                    && !RANGE_AFTER.matcher(after(text, m, 25)).find()) {
                s -= 0.8;
                why.add("(where someone came from)");
            }
            if (FACILITY_AFTER.matcher(after(text, m, 30)).find()) {
                s -= 1.5;
                why.add("(part of the name of a street or building)");
            }
            if (roadEnds.contains(m) && otherPlaceBesideRoad(text, m, usable, roadEnds)) {
                s -= 2;
                why.add("(an end of a road named after its towns)");
            }
            if (p.featureCode().equals("PPLC") && elsewhere(m, usable) && !afterLocative(text, m) && !(CITY_AFTER.matcher(after(text, m, 12)).find())) {
                s -= 2;
                why.add("(a capital named beside places elsewhere)");
            }
            if (references.contains(m)) {
                s -= 2;
                why.add("(a reference point: '" + text.substring(Math.max(0, m.start() - 25), m.start()).strip() + "')");
            }
            if (nesting.qualifiers.contains(key(m)) && !nesting.qualified.contains(key(m))) {
                s -= 1.5;
                why.add("(names where another place lies)");
            }
            s += m.confidence();
            if (s > bestScore) {
                bestScore = s;
                best = m;
                bestWhy = why;
            }
        }
        Place p = best.place();
        LocationPrecision precision = coarsest(precision(p), namedAs(text, best));
        // "a blast west of Aleppo" and no other place: somewhere around the town, not in it
        boolean around = isReferencePoint(text, best);
        if (around) precision = coarsest(precision, LocationPrecision.DISTRICT);
        String fallback = nesting.fallbackFor.get(key(best));
        if (fallback != null) precision = coarsest(precision, LocationPrecision.DISTRICT);
        String reason = "the most specific place the report keeps to"
                + (bestWhy.isEmpty() ? "" : ": " + String.join(", ", bestWhy.stream().filter(w -> !w.startsWith("(")).toList()))
                + " (" + p.featureCode() + ", confidence " + String.format(java.util.Locale.ROOT, "%.2f", best.confidence()) + ")"
                + (fallback == null ? "" : "; '" + fallback + "', named inside it, is not in the gazetteer there, so the event is placed at "
                        + best.text() + " with " + precision.name().toLowerCase(java.util.Locale.ROOT) + " precision");
        if (around) reason += "; the report places the event only relative to it ('" + text.substring(Math.max(0, best.start() - 25), best.start()).strip() + "')";
        if (!around && fallback == null) {
            EventLocation wide = listedTowns(text, usable, best, reason);
            if (wide != null) return wide;
        }
        return new EventLocation(p.point(), precision, p.name(), p.geonameId(), p.countryCode().isEmpty() ? null : p.countryCode(), reason);
    }

    /**
     * "Protests broke out in Idlib city, Saraqib, Ariha and Binnish": a report about every town it lists
     * is about their province, not its first town. Placed at the province when the text names it, else at
     * the chosen town with province precision; null when the chosen place is not in such a list.
     */
    private static EventLocation listedTowns(String text, List<Mention> usable, Mention best, String reason) {
        List<Mention> inOrder = new ArrayList<>(usable);
        inOrder.sort(java.util.Comparator.comparingInt(Mention::start));
        // any mention of the chosen town counts: "seven towns (..., Binnish, ...) ... The crowd I saw in Binnish"
        List<Place> listed = List.of();
        for (Mention m : inOrder) {
            if (m.place().geonameId() != best.place().geonameId()) continue;
            listed = PlaceLists.listContaining(text, inOrder, m);
            if (!listed.isEmpty()) break;
        }
        String admin1 = listed.isEmpty() ? null : PlaceLists.sharedProvince(listed);
        if (admin1 == null) return null;
        Place town = best.place();
        Mention province = null;
        for (Mention m : usable) {
            Place q = m.place();
            if (q.featureCode().equals("ADM1") && q.countryCode().equals(town.countryCode()) && q.admin1().equals(admin1)) {
                province = m;
                break;
            }
        }
        Place at = province != null ? province.place() : town;
        String names = String.join(", ", listed.stream().map(Place::name).toList());
        String why = reason + "; it is one of " + listed.size() + " towns the report lists together (" + names + "), so the report is"
                + (province != null ? " placed at their province, " + province.text() : " given province precision");
        return new EventLocation(at.point(), LocationPrecision.PROVINCE, at.name(), at.geonameId(),
                at.countryCode().isEmpty() ? null : at.countryCode(), why);
    }

    /**
     * With no place named on its own, a place named only inside the name of a facility or body ("near Donetsk
     * Filtration Station", "Hakkari Governor's Office extended the ban", "the Education Office of Taizz") says
     * roughly where: such names are given after the place they stand in or serve. The point is that place's,
     * with district precision at best, and the reason says so. Never a country: an unlocated report stays
     * unlocated rather than falling back to a country centroid.
     */
    private static EventLocation insideAName(String text, List<Mention> mentions) {
        Mention best = null;
        for (Mention m : mentions) {
            if (m.confidence() <= 0 || precision(m.place()) == LocationPrecision.COUNTRY) continue;
            String next = after(text, m, 20);
            boolean inName = NAME_AFTER.matcher(next).find() && !OUTLET_AFTER.matcher(next).find()
                    || OF_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find();
            if (inName && (best == null || m.confidence() > best.confidence())) best = m;
        }
        if (best == null) return null;
        Place p = best.place();
        LocationPrecision precision = coarsest(precision(p), LocationPrecision.DISTRICT);
        String around = text.substring(Math.max(0, best.start() - 20), Math.min(text.length(), best.end() + 25)).strip();
        return new EventLocation(p.point(), precision, p.name(), p.geonameId(), p.countryCode().isEmpty() ? null : p.countryCode(),
                "no place is named on its own; " + best.text() + " is named inside the name of a facility or body ('" + around
                        + "'), so the event is placed at " + p.name() + " with " + precision.name().toLowerCase(java.util.Locale.ROOT) + " precision");
    }

    /** "Donetsk Filtration Station", "Hakkari Governor's Office", "Donbass People's Militia": more name words follow. */
    private static final Pattern NAME_AFTER = Pattern.compile("^(?:['’]s)?\\s+\\p{Lu}\\p{Ll}");
    /** "the Kyiv Independent reported", "Tehran Times": a news outlet is named after where it is published, not where things happen. */
    private static final Pattern OUTLET_AFTER = Pattern.compile(
            "^\\s+(?:Times|Post|Independent|Herald|Daily|News|Tribune|Journal|Gazette|Today|Telegraph|Observer|Chronicle|Mail|Star|Express)\\b");
    /** "the Education Office of Taizz": the name of a body ending in "of" and the place. */
    private static final Pattern OF_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}+\\s+of\\s+$");

    /** "west of", "20 km north of", "on the road south of": the place is named to say where the event is relative to it. */
    private static final Pattern REFERENCE_BEFORE = Pattern.compile("(?i)\\b(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
            + "|northeast|northwest|southeast|southwest|kilomet(?:re|er)s?|km|miles?)\\s+(?:of|from)\\s+(?:the\\s+)?(?:city\\s+of\\s+|town\\s+of\\s+)?$");

    /**
     * Whether the report names, right before the reference point {@code ref}, an exact place near it that
     * the event is placed at ("in Darat Izza, west of Aleppo"). Without one, the reference point is still the
     * best guess, far better than the province ("a village south of Tell Abiad, Ar-Raqqa").
     */
    private static boolean placedRelativeTo(String text, Mention ref, List<Mention> usable, Containment nesting) {
        for (Mention o : usable) {
            if (o.place().geonameId() == ref.place().geonameId() || precision(o.place()) != LocationPrecision.EXACT
                    || namedAs(text, o) == LocationPrecision.PROVINCE || isReferencePoint(text, o)) continue;
            if (nesting.qualifiers.contains(key(o)) && !nesting.qualified.contains(key(o))) continue;
            // "Darat Izza, west of Aleppo", "in Qazali, 10 km west of the town of Tell Abiad": the place comes right before
            if (o.end() > ref.start() || ref.start() - o.end() > 55) continue;
            // a district reaches further from the town it is placed by than a village does
            double reach = namedAs(text, o) == LocationPrecision.DISTRICT ? 100 : 60;
            if (o.place().point().distanceKm(ref.place().point()) <= reach) return true;
        }
        return false;
    }

    /** Whether the mention follows a compass direction or a distance: "Darat Izza, west of Aleppo", "a blast 20 km north of Kabul". */
    static boolean isReferencePoint(String text, Mention m) {
        return REFERENCE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 40), m.start())).find();
    }

    private static final Pattern LOCATIVE_BEFORE = Pattern.compile("(?i)\\b(?:in|at|near|outside|inside|around|across|from)\\s+(?:the\\s+)?$");

    /** "in Tegucigalpa": the capital is where it happened, not a government speaking ("Moscow said..."). */
    private static boolean afterLocative(String text, Mention m) {
        return LOCATIVE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 12), m.start())).find();
    }

    /** "Raju street", "the Banque du Liban branch", "'Al-Bostan' Association": a town's name inside a street's or building's. */
    private static final Pattern FACILITY_AFTER = Pattern.compile(
            "^['’\"]?\\s+(?:street|st\\.|avenue|boulevard|roundabout|intersection|junction|bridge|bypass|branch|association|company|project)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "travelling from Jowhar town", "workers from the city of Surat": where people or a convoy came from. */
    private static final Pattern ORIGIN_BEFORE = Pattern.compile(
            "(?i)\\bfrom\\s+(?:the\\s+)?(?:(?:town|city|village|district|province)\\s+of\\s+)?$");

    /** "from Al Mayadin to Al-Bukamal": a stretch between two places, not an origin. */
    private static final Pattern RANGE_AFTER = Pattern.compile("^(?:\\s+(?:city|town|village))?\\s+(?:to|and)\\s", Pattern.CASE_INSENSITIVE);

    private static final Pattern REPEAT_GAP = Pattern.compile("\\s*(?:city|town)?\\s*[(,]\\s*", Pattern.CASE_INSENSITIVE);

    /** "Yaounde city", "Kabul town": a capital so named is a place, not a government speaking. */
    private static final Pattern CITY_AFTER = Pattern.compile("^\\s+(?:city|town)\\b", Pattern.CASE_INSENSITIVE);

    private static String after(String text, Mention m, int n) { return text.substring(m.end(), Math.min(text.length(), m.end() + n)); }

    /**
     * "the Sidon-Beirut highway", "on the Kabul - Kandahar road": a road named after the towns at its ends. The
     * event is somewhere along it, usually far from both, so the towns are weaker than any other place named.
     */
    private static final String ROAD_NAME = "(?:(?:al|el|ad|ar|as|ash|an|at)[ -])?\\p{Lu}[\\p{L}'’]*(?:[ -](?:(?:al|el|ad|ar|as|ash|an|at)[ -])?\\p{Lu}[\\p{L}'’]*){0,3}";
    private static final Pattern ROAD_WORD = Pattern.compile("\\b(?:road|highway|motorway|expressway|freeway)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROAD_BEFORE = Pattern.compile(ROAD_NAME + "\\s*[-–—]\\s*" + ROAD_NAME
            + "\\s+(?:(?:main|national|international|coastal|old|new|ring|asphalt|paved|dirt)\\s+)?$");

    private static java.util.Set<Mention> roadEnds(String text, List<Mention> usable) {
        java.util.Set<Mention> ends = new java.util.HashSet<>();
        java.util.regex.Matcher w = ROAD_WORD.matcher(text);
        while (w.find()) {
            int from = Math.max(0, w.start() - 90);
            java.util.regex.Matcher r = ROAD_BEFORE.matcher(text).region(from, w.start());
            if (!r.find()) continue;
            for (Mention m : usable) if (m.start() >= r.start() && m.end() <= r.end()) ends.add(m);
        }
        return ends;
    }

    /**
     * Whether the report names, besides the road's end towns, another town in their country that is not just the
     * road's province ("on the Kabul-Jalalabad highway in Nangarhar"): only such a place says better where it happened.
     */
    private static boolean otherPlaceBesideRoad(String text, Mention end, List<Mention> usable, java.util.Set<Mention> ends) {
        for (Mention o : usable) {
            if (ends.contains(o) || !o.place().countryCode().equals(end.place().countryCode())) continue;
            if (precision(o.place()) != LocationPrecision.EXACT || namedAs(text, o) == LocationPrecision.PROVINCE) continue;
            int gapStart = 0;
            for (Mention e : ends) if (e.end() <= o.start()) gapStart = Math.max(gapStart, e.end());
            if (gapStart > 0 && o.start() - gapStart < 40 && ROAD_THEN_QUALIFIER.matcher(text.substring(gapStart, o.start())).matches()) continue;
            return true;
        }
        return false;
    }

    private static final Pattern ROAD_THEN_QUALIFIER = Pattern.compile(
            "\\s+(?:\\w+\\s+)?(?:road|highway|motorway|expressway|freeway)\\s+(?:in|of|,)\\s+(?:the\\s+)?(?:al[- ]|ar[- ]|as[- ]|ad[- ])?", Pattern.CASE_INSENSITIVE);

    /** "in Puno city", "at Halol check post": the event's own place (not "from Surat", where someone came from). */
    private static final Pattern EVENT_LOCATIVE = Pattern.compile("(?i)\\b(?:in|at|near|inside|outside)\\s+(?:the\\s+)?$");

    private static String key(Mention m) { return m.text().toLowerCase(java.util.Locale.ROOT); }

    private static LocationPrecision coarsest(LocationPrecision a, LocationPrecision b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    private static final Pattern DISTRICT_WORD = Pattern.compile(
            "^\\s+(?:district|county|lga|municipality|tehsil|taluka|raion|rayon|sub-?district|commune|territory)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROVINCE_WORD = Pattern.compile(
            "^\\s+(?:province|governorate|oblast|state|region|department|prefecture|countryside|front|frontline|front line)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * What the text calls the place: "in Nad Ali district" means somewhere in the district, even when
     * the gazetteer only has the district's seat town of that name, so the point is the seat with
     * district precision. Returns EXACT when no such word follows the name.
     */
    static LocationPrecision namedAs(String text, Mention m) {
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
        if (DISTRICT_WORD.matcher(after).find()) return LocationPrecision.DISTRICT;
        if (PROVINCE_WORD.matcher(after).find()) return LocationPrecision.PROVINCE;
        return LocationPrecision.EXACT;
    }

    /**
     * How the report nests its places: "Savar city (Savar, Dhaka)", "in Gelan district, Ghazni", "Kansafra
     * in the southern countryside of Idleb". The place named first lies inside the one after it, which is
     * named only to say where the first is, so the inner place is the event location, not its qualifier.
     * When the two resolved places cannot nest (the inner one was resolved to a homonym abroad: "Zhari
     * district, Kandahar" read as Zary in Poland), a small inner place is not trusted: the report is then
     * placed at the qualifier, coarser. A large inner place (a city of 30,000 or more) is trusted over a
     * qualifier the gazetteer may lack ("Lahore, Punjab" when "Punjab" resolves to India's).
     */
    static final class Containment {
        /** Names whose place was dropped as a homonym elsewhere. */
        final java.util.Set<String> dropped = new java.util.HashSet<>();
        /** Names used to qualify another place, and names qualified by another. */
        final java.util.Set<String> qualifiers = new java.util.HashSet<>(), qualified = new java.util.HashSet<>();
        /** Qualifier name -> the inner name that was dropped in its favour. */
        final Map<String, String> fallbackFor = new HashMap<>();

        /** Inner places at least this populous are kept even when they cannot nest in their qualifier. */
        static final long TRUSTED_POPULATION = 30_000;
        private static final String ADMIN_WORD = "(?:district|province|governorate|county|municipality|region|state|area|village|town"
                + "|city|lga|oblast|raion|department|countryside|suburb|neighbou?rhood|camp|township|tehsil|division|sub-?division"
                + "|sub-?district|locality|commune|prefecture|community|island)s?";
        /**
         * Between an inner place and its qualifier: ", ", " (", " district, ", " in the south-eastern countryside of ",
         * " area of Maywand district, " (a division the gazetteer lacks between them),
         * and an Arabic article the qualifier was found without ("in Ar-Raqqa", "of al-Hasakah").
         */
        private static final Pattern NESTING_GAP = Pattern.compile("^(?:\\s+" + ADMIN_WORD + ")?"
                + "(?:\\s+of\\s+(?-i:[A-Z][\\p{L}'’-]*\\s+){1,3}" + ADMIN_WORD + ")?\\s*(?:,\\s*|\\(\\s*"
                + "|\\s+(?:in|of)\\s+(?:the\\s+)?(?:[a-z]+(?:-[a-z]+)?\\s+){0,3}?(?:of\\s+)?)(?:(?:al|el|ar|as|ad|an|at|ash|az)[- ])?$",
                Pattern.CASE_INSENSITIVE);

        private static boolean nestingGap(String gap) {
            return NESTING_GAP.matcher(gap).matches();
        }

        static Containment of(String text, List<Mention> inOrder) {
            Containment c = new Containment();
            // distinct names per country: an inner place alone in its country is the likelier homonym
            Map<String, Integer> names = new HashMap<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Mention m : inOrder) if (seen.add(m.place().countryCode() + "|" + key(m))) names.merge(m.place().countryCode(), 1, Integer::sum);
            for (int i = 0; i + 1 < inOrder.size(); i++) {
                Mention a = inOrder.get(i), b = inOrder.get(i + 1);
                if (b.start() < a.end() || b.start() - a.end() > 40) continue;
                if (!nestingGap(text.substring(a.end(), b.start()))) continue;
                Place pa = a.place(), pb = b.place();
                LocationPrecision ia = precision(pa), ib = precision(pb);
                // "in western Yemen (Hays, Al Hudaydah)": a country or province does not lie inside what follows it
                if ((ia == LocationPrecision.COUNTRY || ia == LocationPrecision.PROVINCE) && ib != LocationPrecision.COUNTRY) {
                    // "Hays district in western Yemen (Al Hudaydah)": the bracket after the country qualifies the district
                    if (i > 0 && ia == LocationPrecision.COUNTRY && text.substring(a.end(), b.start()).matches("\\s*\\(\\s*")) {
                        Mention inner = inOrder.get(i - 1);
                        if (inner.end() <= a.start() && a.start() - inner.end() <= 40 && nestingGap(text.substring(inner.end(), a.start()))
                                && inside(inner.place(), pb) && canContain(pb)) {
                            c.qualified.add(key(inner));
                            c.qualifiers.add(key(b));
                        }
                    }
                    continue;
                }
                boolean nests = inside(pa, pb);
                if (canContain(pb) && nests) {
                    c.qualified.add(key(a));
                    c.qualifiers.add(key(b));
                } else if (!nests && isDivisionOrSeat(pb) && !(abbreviation(b.text()) && !pa.countryCode().equals(pb.countryCode()))
                        && !NAME_GOES_ON.matcher(text.substring(b.end(), Math.min(text.length(), b.end() + 12))).find()
                        && (pa.population() < TRUSTED_POPULATION || !trusted(pa, pb, text.substring(a.end(), b.start()), namedAs(text, b) != LocationPrecision.EXACT))) {
                    c.dropped.add(key(a));
                    c.fallbackFor.putIfAbsent(key(b), a.text());
                } else if (!nests && !pa.countryCode().equals(pb.countryCode()) && pa.population() < TRUSTED_POPULATION
                        && !abbreviation(b.text()) && !pb.countryCode().isEmpty() && names.getOrDefault(pa.countryCode(), 0) == 1
                        && b.confidence() >= a.confidence()) {
                    // "Thor village, Thies subdivision" with the village read as a homonym abroad, alone in its country
                    // and no surer than the qualifier
                    c.dropped.add(key(a));
                    c.fallbackFor.putIfAbsent(key(b), a.text());
                } else if (!nests) {
                    // "in Morelia, Michoacan" with the state read as a village of that name far away: the name
                    // after the comma is still there to say where the first place is, not where it happened
                    c.qualifiers.add(key(b));
                }
            }
            return c;
        }

        /**
         * Whether a large inner place that cannot nest in its qualifier is still where it happened. "Lahore,
         * Punjab" with the province read as India's: yes, a division's name is often shared across a border.
         * Not when the qualifier is a country or a town in another country ("Tuban, Lahij" read as Indonesia's
         * Tuban beside Yemen's Lahij), nor when the text calls the inner place a district of the qualifier
         * ("Ahmadabad district, Paktia"): the inner name is then a homonym of a place the gazetteer lacks.
         * A qualifier the text calls a state or district counts as a division whatever it resolved to.
         */
        private static boolean trusted(Place inner, Place qualifier, String gap, boolean qualifierNamedAsDivision) {
            if (inner.countryCode().equals(qualifier.countryCode())) return true;
            String fc = qualifier.featureCode();
            // "El Vigia, Merida state" with the state read as Mexico's Mérida: the text says it is a division
            if (!(qualifierNamedAsDivision || fc.equals("ADM1") || fc.equals("ADM2") || qualifier.featureClass().equals("A") && !fc.startsWith("PCL"))) return false;
            return !ADMIN_GAP.matcher(gap).find();
        }

        /**
         * "Brus Laguna, Gracias a Dios" found as "Gracias": a qualifier that is only the start of a longer name is
         * a reading of part of it, too weak to overrule the place it qualifies ("Kaduna North LGA, Kaduna" still
         * says Kaduna).
         */
        private static final Pattern NAME_GOES_ON = Pattern.compile(
                "^(?:\\s+(?:a|de|del|de la|do|da|dos|el|al|la)\\s+|-|\\s+)(?!(?:North|South|East|West|Central)\\b)\\p{Lu}");

        /** "TN", "UP", "J&K": a short capitalised abbreviation is the less certain reading beside a name spelled out. */
        private static boolean abbreviation(String name) {
            return name.length() <= 3 && name.equals(name.toUpperCase(java.util.Locale.ROOT));
        }

        private static final Pattern ADMIN_GAP = Pattern.compile("^\\s+" + ADMIN_WORD + "\\b", Pattern.CASE_INSENSITIVE);

        /** Only an area, a country or a seat of government qualifies a place (not a village in a list of villages). */
        private static boolean canContain(Place p) {
            String fc = p.featureCode();
            return fc.startsWith("PCL") || fc.equals("TERR") || fc.equals("RGN") || fc.equals("ADM1") || fc.equals("ADM2")
                    || fc.equals("PPLC") || fc.equals("PPLA") || fc.equals("PPLA2") || p.featureClass().equals("A") || p.featureClass().equals("L");
        }

        private static boolean isDivisionOrSeat(Place p) {
            String fc = p.featureCode();
            return fc.startsWith("PCL") || fc.equals("ADM1") || fc.equals("ADM2") || fc.equals("PPLA") || fc.equals("PPLC");
        }

        /** Whether {@code a} can lie in or by {@code b}: same country, same first-level division, or near enough. */
        static boolean inside(Place a, Place b) {
            if (b.countryCode().isEmpty()) return true;
            if (!a.countryCode().equals(b.countryCode())) return false;
            String fc = b.featureCode();
            if (fc.startsWith("PCL") || fc.equals("TERR")) return true;
            double km = a.point().distanceKm(b.point());
            if (fc.equals("ADM1")) return a.admin1().equals(b.admin1());
            if (fc.equals("PPLA") || fc.equals("PPLC")) return a.admin1().equals(b.admin1()) || km <= 100;
            if (fc.equals("ADM2") || fc.equals("PPLA2")) return (a.admin1().equals(b.admin1()) && (a.admin2().equals(b.admin2()) || km <= 80)) || km <= 50;
            if (b.featureClass().equals("A") || b.featureClass().equals("L")) return km <= 200;
            return km <= 60;
        }
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

    private static double specificity(LocationPrecision precision, Place p) {
        return switch (precision) {
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
