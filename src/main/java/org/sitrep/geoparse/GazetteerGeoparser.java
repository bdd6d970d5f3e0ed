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

    GazetteerGeoparser(Gazetteer gazetteer, Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.recognizer = new Recognizer(gazetteer, lexicon);
        this.resolver = new Resolver(gazetteer);
        this.variants = new SpellingVariants(gazetteer, lexicon);
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
