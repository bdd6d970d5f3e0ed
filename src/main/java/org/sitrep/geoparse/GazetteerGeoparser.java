package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.List;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.model.EventLocation;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Report;
import org.sitrep.model.Source;
import org.sitrep.pipeline.Geoparse;
import org.sitrep.pipeline.Geoparser;

/**
 * The gazetteer geoparser: {@link Recognizer} finds the names, {@link Resolver} picks the places,
 * {@link EventLocator} picks the event location. Thread-safe: it holds only immutable state, so
 * one instance serves every ingest thread.
 */
final class GazetteerGeoparser implements Geoparser {
    /** Reports longer than this are geoparsed on their first part only (a limit on outside input). */
    static final int MAX_CHARS = 100_000;

    private final Gazetteer gazetteer;
    private final Recognizer recognizer;
    private final Resolver resolver;
    private final SpellingVariants variants;
    private final Lexicon lexicon;

    GazetteerGeoparser(Gazetteer gazetteer, Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.recognizer = new Recognizer(gazetteer, lexicon);
        this.resolver = new Resolver(gazetteer);
        this.variants = new SpellingVariants(gazetteer, lexicon);
        this.lexicon = lexicon;
    }

    @Override
    public Geoparse parse(Report report, Source source) {
        String text = report.fullText();
        if (text.length() > MAX_CHARS) text = text.substring(0, MAX_CHARS);
        List<Mention> mentions = mentions(text, source == null ? null : source.countryPrior(), report.point());
        int bodyStart = report.title().isEmpty() || report.text().isEmpty() ? 0 : report.title().length() + 2;
        EventLocation location;
        if (report.point() != null) {
            location = sourcePoint(report.point(), EventLocator.choose(text, bodyStart, mentions), mentions);
            if (location.name() == null) location = unlistedTown(text, bodyStart, mentions, location, lexicon);
        } else {
            location = EventLocator.choose(text, bodyStart, mentions);
        }
        return new Geoparse(mentions, location);
    }

    /** A source's point lies in the town the text places the event in when it is this close to it. */
    static final double NAMED_POINT_KM = 5;

    /**
     * The source's own coordinates win over the places named in the text; they take the name (not the
     * gazetteer id) of the town the text puts the event in when the point lies in or by it, so the map can
     * say "Maarat Misrin" rather than a pair of numbers. When the text puts the event somewhere the point is
     * not (a neighbourhood read as a far-away homonym, a place the gazetteer lacks), the point takes the name
     * of the nearest town or site the text names within the same distance ("the al-Hamdaniya neighbourhood
     * of Aleppo city" with a point in Aleppo is named Aleppo).
     */
    static EventLocation sourcePoint(org.sitrep.model.GeoPoint point, EventLocation fromText, List<Mention> mentions) {
        if (fromText != null && fromText.name() != null && fromText.precision() == LocationPrecision.EXACT
                && fromText.point().distanceKm(point) <= NAMED_POINT_KM) {
            return new EventLocation(point, LocationPrecision.EXACT, fromText.name(), null, fromText.countryCode(),
                    String.format(java.util.Locale.ROOT, "coordinates given by the source win over places named in the text; "
                            + "they lie %.1f km from %s, where the report places the event", fromText.point().distanceKm(point), fromText.name()));
        }
        Mention nearest = null;
        double nearestKm = NAMED_POINT_KM;
        for (Mention m : mentions) {
            var p = m.place();
            if (p == null || m.confidence() < EventLocator.MIN_CONFIDENCE) continue;
            if (!"P".equals(p.featureClass()) && !"S".equals(p.featureClass())) continue;
            double km = p.point().distanceKm(point);
            if (km <= nearestKm) {
                nearestKm = km;
                nearest = m;
            }
        }
        if (nearest != null) {
            return new EventLocation(point, LocationPrecision.EXACT, nearest.place().name(), null, nearest.place().countryCode(),
                    String.format(java.util.Locale.ROOT, "coordinates given by the source win over places named in the text; "
                            + "they lie %.1f km from %s, which the report names", nearestKm, nearest.place().name()));
        }
        return new EventLocation(point, LocationPrecision.EXACT, null, null, null,
                "coordinates given by the source win over places named in the text");
    }

    /** "in Sarmada, Idlib province": a capitalised name of one to three words after a locative, then a comma and a place. */
    private static final java.util.regex.Pattern NAME_BEFORE_PLACE = java.util.regex.Pattern.compile(
            "\\b(?:in|at|near|outside)\\s+((?:(?:al|el|ad|ar|as|ash|at|az|an)-)?\\p{Lu}[\\p{Ll}'’-]+(?:\\s\\p{Lu}[\\p{Ll}'’-]+){0,2}),\\s*$");
    /** The place after the comma must be this near the source's point for the name before it to name the point. */
    static final double UNLISTED_CONTEXT_KM = 100;

    /**
     * A source point the gazetteer has no town for takes the name the report's lead gives the place when the text
     * places that name in a larger place around the point ("Protests erupted in Sarmada, Idlib province" posted 30 km
     * from the province's centre): the map then says "Sarmada (as the report names it)" instead of a pair of numbers.
     * The name gets no gazetteer id, so nothing else treats it as a resolved place.
     */
    static EventLocation unlistedTown(String text, int bodyStart, List<Mention> mentions, EventLocation location, Lexicon lexicon) {
        int leadEnd = text.indexOf(". ", bodyStart);
        leadEnd = leadEnd < 0 ? text.length() : leadEnd;
        for (Mention m : mentions) {
            if (m.start() >= leadEnd) break;
            if (m.confidence() < EventLocator.MIN_CONFIDENCE || m.place() == null) continue;
            if (m.place().point().distanceKm(location.point()) > UNLISTED_CONTEXT_KM) continue;
            var before = NAME_BEFORE_PLACE.matcher(text.substring(Math.max(0, m.start() - 60), m.start()));
            if (!before.find()) continue;
            String name = before.group(1);
            boolean common = SpellingVariants.commonWordsOnly(org.sitrep.geoparse.gazetteer.NameKey.of(name), lexicon);
            int nameStart = m.start() - (before.end() - before.start(1));
            boolean overlaps = mentions.stream().anyMatch(o -> o.start() < m.start() && o.end() > nameStart);
            if (common || overlaps) continue;
            return new EventLocation(location.point(), LocationPrecision.EXACT, name, null, m.place().countryCode(),
                    location.reason() + String.format(java.util.Locale.ROOT, "; the report calls the place %s, in %s (%s is not in the gazetteer)",
                            name, m.place().name(), name));
        }
        return location;
    }

    /** The place mentions in a text, in text order. */
    List<Mention> mentions(String text, String countryPrior) {
        return mentions(text, countryPrior, null);
    }

    /** The place mentions in a text that came with the source's own coordinates ({@code point}, may be null). */
    List<Mention> mentions(String text, String countryPrior, org.sitrep.model.GeoPoint point) {
        List<Recognizer.Candidate> cands = recognizer.find(text);
        List<Resolver.Resolved> resolved = resolver.resolve(text, cands, countryPrior);
        List<Mention> out = new ArrayList<>(resolved.size());
        for (Resolver.Resolved r : resolved) {
            var place = gazetteer.place(r.place());
            out.add(new Mention(r.candidate().start(), r.candidate().end(), text.substring(r.candidate().start(), r.candidate().end()),
                    place, gazetteer.adminPath(place), Math.round(r.confidence() * 1000) / 1000.0));
        }
        return variants.augment(text, out, point);
    }
}
