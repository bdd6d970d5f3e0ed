package org.sitrep.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.Fatalities;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;

/**
 * Deterministic synthetic events for store benchmarks: points clustered around a few hundred "towns"
 * in several conflict regions (so map boxes hit dense and sparse areas), two years of times, ACLED
 * types, and text drawn Zipf-like from a made-up vocabulary in Latin, Arabic and Cyrillic letters (so
 * text queries hit common and rare words). Made-up words keep the data free of anyone's content.
 * Not thread-safe.
 */
public final class SyntheticEvents {
    /** Regions as west, south, east, north. */
    private static final double[][] REGIONS = {
            {35.7, 32.3, 42.0, 37.3}, {22.5, 44.5, 40.0, 52.0}, {-10.0, 10.0, 15.0, 20.0}, {22.0, 8.0, 38.0, 22.0},
            {92.0, 10.0, 101.0, 28.0}, {42.5, 12.5, 53.0, 19.0}, {34.2, 31.2, 36.6, 34.6}, {12.0, -12.0, 31.0, 5.0}};
    private static final String[][] TYPES = {
            {"Explosions/Remote violence", "Shelling/artillery/missile attack"}, {"Explosions/Remote violence", "Air/drone strike"},
            {"Battles", "Armed clash"}, {"Violence against civilians", "Attack"}, {"Protests", "Peaceful protest"},
            {"Riots", "Violent demonstration"}, {"Strategic developments", "Looting/property destruction"}};
    private static final String LATIN = "bdfghklmnprstvz", VOWELS = "aeiou", ARABIC = "بتثجحخدذرزسشصضطظعغفقكلمنهوي",
            CYRILLIC = "бвгдзклмнпрстфхцчш", CYR_VOWELS = "аеиоуя";
    private static final long FROM = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final long SPAN = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli() - FROM;

    private final Random random;
    private final GeoPoint[] towns;
    private final String[] townNames;
    private final String[] words;
    private long counter;

    /**
     * @param seed     fixes the towns and the vocabulary (the world)
     * @param drawSeed fixes the events and queries drawn from it: a benchmark loads with one and
     *                 queries with another, over the same world
     */
    public SyntheticEvents(long seed, long drawSeed) {
        this.random = new Random(seed);
        this.towns = new GeoPoint[400];
        this.townNames = new String[towns.length];
        for (int i = 0; i < towns.length; i++) {
            double[] r = REGIONS[i % REGIONS.length];
            towns[i] = new GeoPoint(r[1] + random.nextDouble() * (r[3] - r[1]), r[0] + random.nextDouble() * (r[2] - r[0]));
            townNames[i] = capitalise(latinWord(3));
        }
        this.words = new String[20_000];
        for (int i = 0; i < words.length; i++) {
            int script = i % 10; // 70% Latin, 20% Arabic, 10% Cyrillic letters
            words[i] = script < 7 ? latinWord(2 + random.nextInt(3)) : script < 9 ? word(ARABIC, null, 3 + random.nextInt(3))
                    : word(CYRILLIC, CYR_VOWELS, 2 + random.nextInt(3));
        }
        random.setSeed(drawSeed);
    }

    private String latinWord(int syllables) { return word(LATIN, VOWELS, syllables); }

    private String word(String consonants, String vowels, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(consonants.charAt(random.nextInt(consonants.length())));
            if (vowels != null) sb.append(vowels.charAt(random.nextInt(vowels.length())));
        }
        return sb.toString();
    }

    private static String capitalise(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    /** A word by Zipf-like rank: low ranks are common. */
    private String zipfWord() {
        double u = random.nextDouble();
        int rank = (int) Math.floor(Math.pow(words.length, u)) - 1;
        return words[Math.max(0, Math.min(words.length - 1, rank))];
    }

    /** The word of a given frequency rank (0 = most common), for queries. */
    public String wordAtRank(int rank) { return words[Math.min(rank, words.length - 1)]; }

    /** A random town's location, for query boxes around places where events are. */
    public GeoPoint randomTown() { return towns[townIndex()]; }

    private int townIndex() {
        // a few towns see most of the events, as in real conflicts
        int i = (int) Math.floor(Math.pow(towns.length, random.nextDouble())) - 1 + random.nextInt(2);
        return Math.max(0, Math.min(towns.length - 1, i));
    }

    public Random random() { return random; }

    public Event next() {
        long n = counter++;
        int town = townIndex();
        EventLocation loc = null;
        if (random.nextInt(10) != 0) {
            GeoPoint t = towns[town];
            double lat = Math.max(-90, Math.min(90, t.lat() + random.nextGaussian() * 0.05));
            double lon = Math.max(-180, Math.min(180, t.lon() + random.nextGaussian() * 0.05));
            loc = new EventLocation(new GeoPoint(lat, lon), LocationPrecision.EXACT, townNames[town], null, "XX", "synthetic");
        }
        Instant start = Instant.ofEpochMilli(FROM + (long) (random.nextDouble() * SPAN));
        Instant end = start.plusSeconds(random.nextInt(6 * 3600));
        String[] type = TYPES[random.nextInt(TYPES.length)];
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < 6; i++) title.append(i == 0 ? "" : " ").append(zipfWord());
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < 30; i++) summary.append(i == 0 ? "" : " ").append(zipfWord());
        EventState state = EventState.values()[random.nextInt(4)];
        String id = String.format("b%012d", n);
        return new Event(id, title.toString(), summary.toString(), loc, new TimeWindow(start, end, TimePrecision.EXACT), type[0], type[1],
                List.of(new Actor(capitalise(zipfWord()) + " forces", "state_forces", "unknown", "actor1")),
                random.nextInt(3) == 0 ? Fatalities.killed(random.nextInt(20), "killed") : Fatalities.UNKNOWN,
                new ArrayList<>(List.of("r" + id)), List.of(), state, 1 + random.nextInt(4), 1 + random.nextInt(6), "synthetic",
                start, end, 1);
    }
}
