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
        int[] first = new int[m];
        for (int i = 0; i < m; i++) first[i] = argmax(prior(cands.get(i)));

        // Context from the first pass: how often each country and division is named, and where.
        Map<String, Double> countryCount = new HashMap<>();
        Map<String, Integer> adminCount = new HashMap<>();
        double total = 0;
        for (int i = 0; i < m; i++) {
            Place p = gazetteer.place(cands.get(i).places()[first[i]]);
            if (p.countryCode().isEmpty()) continue;
            double w = isCountry(p) ? 2 : 1;
            countryCount.merge(p.countryCode(), w, Double::sum);
            total += w;
            if (!p.admin1().isEmpty() && !isCountry(p)) {
                // a named division counts twice, a town in it once: "Laurel County ... London, Ky."
                adminCount.merge(p.countryCode() + "." + p.admin1(), p.featureCode().equals("ADM1") ? 2 : 1, Integer::sum);
            }
        }
        String prior = countryPrior == null ? null : countryPrior.toUpperCase(Locale.ROOT);

        // Scores per distinct name, summed over its mentions (one sense per text).
        Map<String, double[]> byKey = new HashMap<>();
        for (int i = 0; i < m; i++) {
            Candidate c = cands.get(i);
            Place self = gazetteer.place(c.places()[first[i]]);
            double selfW = self.countryCode().isEmpty() ? 0 : (isCountry(self) ? 2 : 1);
            double[] s = prior(c);
            String qualifier = qualifierAdmin(text, c, i + 1 < m ? cands.get(i + 1) : null);
            for (int k = 0; k < s.length; k++) {
                Place p = gazetteer.place(c.places()[k]);
                String cc = p.countryCode();
                if (!cc.isEmpty() && total - selfW > 0) {
                    double own = cc.equals(self.countryCode()) ? selfW : 0;
                    s[k] += 3.5 * (countryCount.getOrDefault(cc, 0.0) - own) / (total - selfW);
                }
                if (!p.admin1().isEmpty()) {
                    String a = cc + "." + p.admin1();
                    int own = a.equals(self.countryCode() + "." + self.admin1()) ? (self.featureCode().equals("ADM1") ? 2 : 1) : 0;
                    int named = adminCount.getOrDefault(a, 0) - own;
                    if (named > 0 && !p.featureCode().equals("ADM1")) s[k] += Math.min(3.5, 1.5 + named);
                }
                if (prior != null && prior.equals(cc)) s[k] += 2.5;
                if (qualifier != null && (qualifier.equals(cc) || qualifier.equals(cc + "." + p.admin1()))) s[k] += 6;
                if (c.cue() == Recognizer.Cue.ADMIN && p.featureClass().equals("A")) s[k] += 3;
                if (c.cue() == Recognizer.Cue.CITY && p.featureClass().equals("P")) s[k] += 2;
                if (!isArea(p)) s[k] += proximity(p.point(), cands, first, i);
            }
            byKey.merge(c.key(), s, (a, b) -> {
                for (int k = 0; k < a.length; k++) a[k] += b[k];
                return a;
            });
        }
        List<Resolved> out = new ArrayList<>(m);
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : cands) counts.merge(c.key(), 1, Integer::sum);
        for (Candidate c : cands) {
            double[] s = byKey.get(c.key());
            int best = argmax(s);
            double n = counts.get(c.key());
            double sum = 0;
            for (double v : s) sum += Math.exp((v - s[best]) / n);
            // a name inside an organisation's name is a weak mention, never an event location
            out.add(new Resolved(c, c.places()[best], c.embedded() ? Math.min(0.1, 1 / sum) : 1 / sum));
        }
        return out;
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
            if (gazetteer.primaryKey(places[k]).equals(c.key())) v += 1.5;
            s[k] = v;
        }
        return s;
    }

    private double proximity(GeoPoint point, List<Candidate> cands, int[] first, int self) {
        double best = Double.MAX_VALUE;
        for (int j = 0; j < cands.size(); j++) {
            if (j == self || cands.get(j).key().equals(cands.get(self).key())) continue;
            Place q = gazetteer.place(cands.get(j).places()[first[j]]);
            if (isArea(q)) continue;
            best = Math.min(best, point.distanceKm(q.point()));
        }
        if (best < 50) return 2;
        if (best < 200) return 1.2;
        if (best < 500) return 0.5;
        return 0;
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

    static boolean isArea(Place p) {
        return p.featureClass().equals("A") || p.featureClass().equals("L");
    }

    private static int argmax(double[] s) {
        int b = 0;
        for (int k = 1; k < s.length; k++) if (s[k] > s[b]) b = k;
        return b;
    }
}
