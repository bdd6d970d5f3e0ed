package org.sitrep.geoparse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sitrep.geoparse.Recognizer.Candidate;
import org.sitrep.geoparse.gazetteer.Gazetteer;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.Place;

/**
 * Chooses, for each recognised span, which of the places with that name is meant. Like CLAVIN's
 * "Springfield problem" heuristics, but scored: a prior (feature type, population, whether the
 * span is the place's preferred name) plus context from the whole text: the countries and
 * first-level divisions the other mentions resolve to, how near those places are, "Gainesville,
 * Ga."-style qualifiers, words such as "province" or "oblast" after the name, and the source's
 * geographic prior (a Syrian channel's "Saraqib" is in Syria). Two passes: priors alone, then
 * everything with the first pass as context. The same name gets the same place throughout one text.
 * Thread-safe (stateless).
 */
final class Resolver {
    record Resolved(Candidate candidate, int place, double confidence) {}

    private final Gazetteer gazetteer;

    Resolver(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Resolved> resolve(String text, List<Candidate> cands, String countryPrior) {
        int m = cands.size();
        if (m == 0) return List.of();
        // One sense per name per text: the distinct names are resolved together, each with the others as context.
        Map<String, Integer> nameIndex = new java.util.LinkedHashMap<>();
        List<List<Integer>> occurrences = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Integer u = nameIndex.get(sense(cands.get(i)));
            if (u == null) {
                u = nameIndex.size();
                nameIndex.put(sense(cands.get(i)), u);
                occurrences.add(new ArrayList<>());
            }
            occurrences.get(u).add(i);
        }
        int names = occurrences.size();
        Candidate[] rep = new Candidate[names];
        double[][] base = new double[names][];
        for (int u = 0; u < names; u++) {
            List<Integer> occ = occurrences.get(u);
            rep[u] = cands.get(occ.getFirst());
            base[u] = prior(rep[u]);
            for (int i : occ) {
                Candidate c = cands.get(i);
                String qualifier = qualifierAdmin(text, c, i + 1 < m ? cands.get(i + 1) : null);
                double[] s = base[u];
                for (int k = 0; k < s.length; k++) {
                    Place p = gazetteer.place(c.places()[k]);
                    if (qualifier != null && (qualifier.equals(p.countryCode()) || qualifier.equals(p.countryCode() + "." + p.admin1()))) s[k] += 6;
                    if (c.cue() == Recognizer.Cue.ADMIN && p.featureClass().equals("A")) s[k] += 3;
                    if (c.cue() == Recognizer.Cue.CITY && p.featureClass().equals("P")) s[k] += 2;
                }
            }
        }
        String prior = countryPrior == null ? null : countryPrior.toUpperCase(Locale.ROOT);
        int[] choice = new int[names];
        for (int u = 0; u < names; u++) choice[u] = argmax(base[u]);
        double[][] score = base;
        for (int round = 0; round < 2; round++) {
            Map<String, Double> countryCount = new HashMap<>();
            Map<String, Double> adminCount = new HashMap<>();
            double total = 0;
            Place[] chosen = new Place[names];
            for (int u = 0; u < names; u++) {
                Place p = chosen[u] = gazetteer.place(rep[u].places()[choice[u]]);
                if (p.countryCode().isEmpty()) continue;
                // names inside organisations' names ("New York Daily News") say less about where the text is
                double weak = rep[u].embedded() ? 0.3 : 1;
                double w = (isCountry(p) ? 2 : 1) * weak;
                countryCount.merge(p.countryCode(), w, Double::sum);
                total += w;
                // a named division counts twice, a town in it once: "Laurel County ... London, Ky."
                if (!p.admin1().isEmpty()) adminCount.merge(p.countryCode() + "." + p.admin1(), (p.featureCode().equals("ADM1") ? 2.0 : 1.0) * weak, Double::sum);
            }
            double[][] next = new double[names][];
            for (int u = 0; u < names; u++) {
                Place self = chosen[u];
                double weak = rep[u].embedded() ? 0.3 : 1;
                double selfW = self.countryCode().isEmpty() ? 0 : (isCountry(self) ? 2 : 1) * weak;
                String selfAdmin = self.admin1().isEmpty() ? null : self.countryCode() + "." + self.admin1();
                double selfAdminW = (self.featureCode().equals("ADM1") ? 2 : 1) * weak;
                double[] s = base[u].clone();
                for (int k = 0; k < s.length; k++) {
                    Place p = gazetteer.place(rep[u].places()[k]);
                    String cc = p.countryCode();
                    if (!cc.isEmpty() && total - selfW > 0) {
                        double own = cc.equals(self.countryCode()) ? selfW : 0;
                        s[k] += 3.5 * (countryCount.getOrDefault(cc, 0.0) - own) / (total - selfW);
                    }
                    if (!p.admin1().isEmpty() && !p.featureCode().equals("ADM1")) {
                        String a = cc + "." + p.admin1();
                        double named = adminCount.getOrDefault(a, 0.0) - (a.equals(selfAdmin) ? selfAdminW : 0);
                        // One other town in the division is a hint (+2), the division named or several towns in it more (up to +3.5):
                        // "from Denver to Pittsburgh" must not pull Denver to the small Denver, Pennsylvania.
                        if (named > 0) s[k] += Math.min(3.5, 1 + named);
                    }
                    if (prior != null && prior.equals(cc)) s[k] += 2.5;
                    if (!isArea(p)) s[k] += proximity(p.point(), chosen, u);
                }
                next[u] = s;
            }
            score = next;
            for (int u = 0; u < names; u++) choice[u] = argmax(score[u]);
        }
        // Country support from the names that stand on their own (not partial, not inside an organisation's name)
        Map<String, Integer> solid = new HashMap<>();
        for (int u = 0; u < names; u++) {
            if (rep[u].partial() || rep[u].embedded()) continue;
            solid.merge(gazetteer.place(rep[u].places()[choice[u]]).countryCode(), 1, Integer::sum);
        }
        List<Resolved> out = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            Candidate c = cands.get(i);
            int u = nameIndex.get(sense(c));
            // "Zawiya" out of "Jabal al-Zawiya" in a text about Idlib is not the Libyan city: a partial match is
            // kept only in a country the rest of the text (or the source) is about
            if (c.partial()) {
                String cc = gazetteer.place(c.places()[choice[u]]).countryCode();
                if (!solid.containsKey(cc) && !cc.equals(prior)) continue;
            }
            double[] s = score[u];
            int best = choice[u];
            double sum = 0;
            for (double v : s) sum += Math.exp(v - s[best]);
            // a name inside an organisation's name is a weak mention, never an event location
            out.add(new Resolved(c, c.places()[best], c.embedded() ? Math.min(0.1, 1 / sum) : 1 / sum));
        }
        return out;
    }

    /**
     * What "the same name" means for one sense per text: the folded name and its candidate places, which the
     * recognizer may narrow by context ("NY" in a post is the state; a lower-case "ny" is nothing).
     */
    private static String sense(Candidate c) {
        return c.key() + '|' + java.util.Arrays.hashCode(c.places());
    }

    /** Score of each candidate place from the place alone. */
    private double[] prior(Candidate c) {
        int[] places = c.places();
        double[] s = new double[places.length];
        for (int k = 0; k < places.length; k++) {
            Place p = gazetteer.place(places[k]);
            double v = switch (p.featureCode()) {
                case "PCLI", "PCLD", "PCLS", "PCLF", "PCL", "PCLIX", "TERR", "CONT" -> 5;
                case "RGN", "ADM1" -> 3.5;
                case "ADM2" -> 2;
                case "PPLC" -> 2.5;
                case "PPLA" -> 1.5;
                case "PPLA2" -> 0.7;
                case "PPLA3", "PPLA4" -> 0.3;
                default -> p.geonameId() < 0 ? 3 : 0;
            };
            v += 0.6 * Math.log10(1 + p.population());
            if (gazetteer.primaryKey(places[k]).equals(c.key())) v += 2.5;
            s[k] = v;
        }
        return s;
    }

    private static double proximity(GeoPoint point, Place[] chosen, int self) {
        double best = Double.MAX_VALUE;
        for (int u = 0; u < chosen.length; u++) {
            if (u == self || isArea(chosen[u])) continue;
            best = Math.min(best, roughKm(point, chosen[u].point()));
        }
        if (best < 50) return 2;
        if (best < 200) return 1.2;
        if (best < 500) return 0.5;
        return 0;
    }

    /**
     * Equirectangular distance: within a few percent of the great circle below 500 km, which is all the
     * proximity bands need, and many times cheaper (it runs for every candidate against every other name).
     */
    static double roughKm(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(Math.abs(b.lon() - a.lon()));
        if (dLon > Math.PI) dLon = 2 * Math.PI - dLon;
        double x = dLon * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2));
        return 6371.0 * Math.sqrt(x * x + dLat * dLat);
    }

    private static final Pattern QUALIFIER = Pattern.compile("^,\\s*([A-Z][A-Za-z]{0,5}\\.?(?:\\s?[A-Z]\\.)?)(?![A-Za-z])");

    /**
     * "Gainesville, Ga.", "Paris, Texas", "Kharkiv, Ukraine": the country ("US") or division ("US.GA") that
     * qualifies the name, or null. The next mention is used when it directly follows after a comma.
     */
    private String qualifierAdmin(String text, Candidate c, Candidate next) {
        int after = c.end();
        if (next != null) {
            String between = text.substring(after, next.start());
            if (between.strip().equals(",")) {
                Place q = gazetteer.place(next.places()[0]);
                for (int idx : next.places()) {
                    Place p = gazetteer.place(idx);
                    if (p.featureCode().equals("ADM1")) return p.countryCode() + "." + p.admin1();
                }
                if (isCountry(q)) return q.countryCode();
            }
        }
        Matcher mm = QUALIFIER.matcher(text.substring(after, Math.min(text.length(), after + 14)));
        if (mm.find()) {
            String abbr = mm.group(1).replace(".", "").replace(" ", "").toLowerCase(Locale.ROOT);
            String st = UsStates.byAbbreviation(abbr);
            if (st != null) return "US." + st;
        }
        return null;
    }

    static boolean isCountry(Place p) {
        return p.featureCode().startsWith("PCL") || p.featureCode().equals("TERR");
    }

    /** Divisions, regions and bodies of water: places with an extent, whose point is only a representative one. */
    static boolean isArea(Place p) {
        String fc = p.featureClass();
        return fc.equals("A") || fc.equals("L") || fc.equals("H");
    }

    private static int argmax(double[] s) {
        int b = 0;
        for (int k = 1; k < s.length; k++) if (s[k] > s[b]) b = k;
        return b;
    }
}
