package org.sitrep.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;
import org.sitrep.model.Report;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.Extraction;
import org.sitrep.pipeline.Geoparse;

/**
 * Builds analysed reports the way the geoparser and extractor would leave them, for clustering
 * tests. The places are real (GeoNames ids of Kharkiv, Lviv, Odesa ...); the sites inside a city use
 * negative ids, as the project's gazetteer supplement does.
 */
final class Reports {
    static final Place KHARKIV = new Place(706483, "Kharkiv", new GeoPoint(49.9808, 36.2527), "P", "PPLA", "UA", "07", "", 1_430_885);
    static final Place LVIV = new Place(702550, "Lviv", new GeoPoint(49.8383, 24.0232), "P", "PPLA", "UA", "15", "", 717_803);
    static final Place ODESA = new Place(698740, "Odesa", new GeoPoint(46.4775, 30.7326), "P", "PPLA", "UA", "17", "", 1_015_826);
    static final Place SARAQIB = new Place(164816, "Saraqib", new GeoPoint(35.86451, 36.80034), "P", "PPLA3", "SY", "12", "", 34_231);
    static final Place ALEPPO = new Place(170063, "Aleppo", new GeoPoint(36.20124, 37.16117), "P", "PPLA", "SY", "09", "", 1_602_264);
    static final Place AL_BAB = new Place(171451, "Al-Bab", new GeoPoint(36.37051, 37.5157), "P", "PPLA2", "SY", "09", "", 130_745);
    static final Place SARMIN = new Place(164782, "Sarmin", new GeoPoint(35.90403, 36.72501), "P", "PPLA3", "SY", "12", "", 0);
    static final Place IDLIB = new Place(169389, "Idlib", new GeoPoint(35.93062, 36.63393), "P", "PPLA", "SY", "12", "", 128_840);
    static final Place IDLIB_PROVINCE = new Place(169388, "Idlib Governorate", new GeoPoint(35.83333, 36.5), "A", "ADM1", "SY", "12", "", 1_501_000);
    static final Place TRACTOR_PLANT = new Place(-101, "Kharkiv Tractor Plant", new GeoPoint(49.9436, 36.3750), "S", "FCL", "UA", "07", "", 0);
    static final Place SALTIVKA_MARKET = new Place(-102, "Saltivka market", new GeoPoint(50.0240, 36.3340), "S", "MKT", "UA", "07", "", 0);

    static final Instant DAY = Instant.parse("2024-05-10T00:00:00Z");

    private Reports() {}

    static Builder report(String id) { return new Builder(id); }

    static final class Builder {
        private final String id;
        private String source = "src:" + "default", title = "", text = "", url, type;
        private Instant published = DAY.plusSeconds(9 * 3600);
        private TimeWindow time;
        private EventLocation location;
        private final List<Mention> mentions = new ArrayList<>();

        Builder(String id) { this.id = id; }

        Builder source(String s) { source = s; return this; }
        Builder title(String t) { title = t; return this; }
        Builder text(String t) { text = t; return this; }
        Builder url(String u) { url = u; return this; }
        Builder type(String t) { type = t; return this; }
        Builder published(Instant t) { published = t; return this; }

        /** The incident happened on that UTC day. */
        Builder onDay(Instant dayStart) {
            time = new TimeWindow(dayStart, dayStart.plusSeconds(86_400), TimePrecision.DAY);
            return this;
        }

        /** The event location, and a mention of it (as a geoparser would give). */
        Builder at(Place p, LocationPrecision precision) {
            location = new EventLocation(p.point(), precision, p.name(), p.geonameId(), p.countryCode(), "test");
            return mention(p);
        }

        /** Coordinates given by the source itself (a geotagged post): an exact point with no gazetteer entry. */
        Builder atPoint(GeoPoint point) {
            location = new EventLocation(point, LocationPrecision.EXACT, null, null, null, "coordinates given by the source");
            return this;
        }

        /**
         * The event location, mentioned where the full text (title, blank line, text) writes {@code written}
         * (each occurrence), with real offsets; set title and text first.
         */
        Builder atWritten(Place p, LocationPrecision precision, String written) {
            location = new EventLocation(p.point(), precision, p.name(), p.geonameId(), p.countryCode(), "test");
            String full = title.isEmpty() ? text : text.isEmpty() ? title : title + "\n\n" + text;
            for (int i = full.indexOf(written); i >= 0; i = full.indexOf(written, i + 1)) {
                mentions.add(new Mention(i, i + written.length(), written, p, p.name(), 1.0));
            }
            if (mentions.isEmpty()) throw new IllegalArgumentException(written + " is not in the text");
            return this;
        }

        Builder mention(Place p) {
            mentions.add(new Mention(0, 0, p.name(), p, "Ukraine > " + p.name(), 0.9));
            return this;
        }

        AnalyzedReport build() {
            Report r = new Report(id, source, id, url, title, text, null, published, published, null, null);
            Geoparse g = new Geoparse(mentions, location);
            TimeWindow t = time != null ? time : TimeWindow.at(published, TimePrecision.UNKNOWN);
            Extraction ex = new Extraction(type, null, null, null, null, null, t, location, type == null ? 0 : 0.8);
            return new AnalyzedReport(r, g, ex, List.of());
        }
    }
}
