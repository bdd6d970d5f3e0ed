package org.sitrep.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Random;
import org.sitrep.internal.Json;

/**
 * Deterministic synthetic news reports as JSON Lines for the import benchmark: English sentences
 * built from templates this project wrote (an actor, an attack, a town, casualties, an attribution),
 * 400-1,200 characters each, so the analysis stages have real work (places to find, event types,
 * counts, claims) while no one's content is copied. Some lines repeat an earlier report and a few
 * are broken, as in real exports. Not thread-safe.
 */
final class SyntheticReports {
    private static final String[] TOWNS = {"Kharkiv", "Kherson", "Zaporizhzhia", "Donetsk", "Mykolaiv", "Odesa", "Aleppo", "Idlib",
            "Homs", "Mosul", "Kirkuk", "Sanaa", "Aden", "Taiz", "Hodeidah", "Khartoum", "Omdurman", "El Fasher", "Goma", "Bunia",
            "Mogadishu", "Kismayo", "Maiduguri", "Gao", "Timbuktu", "Mopti", "Tripoli", "Benghazi", "Gaza", "Rafah", "Kabul",
            "Kandahar", "Herat", "Mandalay", "Sittwe", "Port-au-Prince", "Kidal", "Ouagadougou", "Djibo", "Beni"};
    private static final String[] ACTORS = {"Government forces", "Rebel fighters", "An armed group", "Militia members",
            "Unidentified gunmen", "Security forces", "Police", "Protesters", "Drones", "Artillery units"};
    private static final String[] ACTS = {"shelled residential areas of", "attacked a checkpoint near", "clashed with opposing forces in",
            "struck a fuel depot in", "stormed a village outside", "gathered in the centre of", "fired rockets at",
            "abducted civilians from a market in", "launched an air strike on", "blocked the main road into"};
    private static final String[] SAYERS = {"local officials said", "a hospital spokesperson said", "the regional governor said",
            "witnesses told reporters", "the military claimed", "a humanitarian group reported", "residents said"};
    private static final String[] FILLER = {"Emergency services were working at the scene.", "Power was cut in several districts.",
            "The claim could not be independently verified.", "Schools in the area were closed for the day.",
            "Aid convoys were delayed by the fighting.", "Several buildings were damaged, including a clinic.",
            "Families fled towards the border overnight.", "Mobile networks were down for hours."};
    private static final long FROM = Instant.parse("2025-06-01T00:00:00Z").getEpochSecond();

    private final Random random;
    private final int sources;
    private long n;
    private String previous;

    SyntheticReports(long seed, int sources) {
        this.random = new Random(seed);
        this.sources = sources;
    }

    /** The next line: a report, now and then a repeat of the previous one or a broken line. */
    String nextLine() {
        long i = n++;
        if (previous != null && random.nextInt(100) == 0) return previous; // 1% repeats
        if (random.nextInt(1000) == 0) return "{\"source\": \"wire-" + i + "\", \"title\": broken"; // 0.1% not JSON
        String town = TOWNS[random.nextInt(TOWNS.length)];
        String actor = ACTORS[random.nextInt(ACTORS.length)];
        int killed = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
        String title = actor + " " + ACTS[random.nextInt(ACTS.length)] + " " + town + (killed > 0 ? ", " + killed + " killed" : "");
        StringBuilder text = new StringBuilder();
        text.append(actor).append(' ').append(ACTS[random.nextInt(ACTS.length)]).append(' ').append(town).append(" on ")
                .append(new String[] {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}[random.nextInt(7)])
                .append(killed > 0 ? ", killing " + killed + " people and wounding " + random.nextInt(50) + ", " : ", ")
                .append(SAYERS[random.nextInt(SAYERS.length)]).append('.');
        int extra = 3 + random.nextInt(8);
        for (int k = 0; k < extra; k++) text.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
        ObjectNode o = Json.MAPPER.createObjectNode();
        int source = random.nextInt(sources);
        o.put("source", "wire-" + source);
        o.put("externalId", "item-" + i);
        o.put("url", "https://news" + source + ".example.org/" + (2025 + i / 1_000_000) + "/report-" + i + "?utm_source=feed");
        o.put("title", title);
        o.put("text", text.toString());
        o.put("publishedAt", Instant.ofEpochSecond(FROM + i * 37 + random.nextInt(3600)).toString());
        o.put("language", "en");
        if (random.nextInt(5) == 0) {
            o.put("latitude", Math.round((10 + random.nextDouble() * 40) * 1e5) / 1e5);
            o.put("longitude", Math.round((20 + random.nextDouble() * 40) * 1e5) / 1e5);
        }
        if (random.nextInt(10) == 0) o.putArray("media").add("https://news" + source + ".example.org/img/" + i + ".jpg");
        previous = o.toString();
        return previous;
    }
}
