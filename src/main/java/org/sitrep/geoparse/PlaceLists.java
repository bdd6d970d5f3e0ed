package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sitrep.model.Mention;
import org.sitrep.model.Place;

/**
 * Places a report names side by side as a list: "protests in Idlib city, Saraqib, Ariha and Binnish",
 * "обстріляли Нікополь, Марганець і Червоногригорівку". A report that lists three or more towns of one
 * province is about all of them (a wave of protests, a night of shelling), so no one of them is the
 * event's place: the event location is the province, or at least has province precision.
 * Thread-safe (stateless).
 */
final class PlaceLists {
    /** Fewer listed towns than this are two places of one incident ("between Saraqib and Sarmin"), not a list. */
    static final int MIN_LIST = 3;

    /** What may stand between two items of a list, in English, Arabic, Russian and Ukrainian. */
    private static final Pattern LIST_GAP = Pattern.compile(
            "^(?:\\s+(?:city|town|village))?\\s*[,،;]?\\s*(?:(?:and|or|as well as|و|и|или|і|й|та|або)\\s*)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("[,،;]|(?<![\\p{L}])(?:and|or|as well as|و|и|или|і|й|та|або)(?![\\p{L}])|و$",
            Pattern.CASE_INSENSITIVE);

    private PlaceLists() {}

    /**
     * The list of distinct towns that {@code m} is an item of, in text order, or an empty list when
     * {@code m} is not in a list of at least {@link #MIN_LIST} towns. Mentions must be in text order.
     */
    static List<Place> listContaining(String text, List<Mention> inOrder, Mention m) {
        if (!isTown(m.place())) return List.of();
        int at = inOrder.indexOf(m);
        if (at < 0) return List.of();
        int first = at, last = at;
        while (first > 0 && joined(text, inOrder.get(first - 1), inOrder.get(first))) first--;
        while (last + 1 < inOrder.size() && joined(text, inOrder.get(last), inOrder.get(last + 1))) last++;
        Set<Long> ids = new LinkedHashSet<>();
        List<Place> places = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            Place p = inOrder.get(i).place();
            if (ids.add(p.geonameId())) places.add(p);
        }
        return places.size() >= MIN_LIST ? places : List.of();
    }

    /** The first-level division code all the places share, or null when they lie in different ones. */
    static String sharedProvince(List<Place> places) {
        String country = null, admin1 = null;
        for (Place p : places) {
            if (p.countryCode().isEmpty() || p.admin1().isEmpty()) return null;
            if (country == null) {
                country = p.countryCode();
                admin1 = p.admin1();
            } else if (!country.equals(p.countryCode()) || !admin1.equals(p.admin1())) {
                return null;
            }
        }
        return admin1;
    }

    private static boolean joined(String text, Mention a, Mention b) {
        if (!isTown(a.place()) || !isTown(b.place()) || b.start() < a.end()) return false;
        String gap = text.substring(a.end(), b.start());
        return gap.length() <= 16 && !gap.contains("\n") && LIST_GAP.matcher(gap).matches() && SEPARATOR.matcher(gap).find();
    }

    private static boolean isTown(Place p) {
        return p.featureClass().equals("P");
    }
}
