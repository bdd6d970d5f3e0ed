package org.sitrep.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An event as the clusterer sees it: the centroid of its members' term vectors (each member
 * normalised first, so one long article does not drown three short wire items), the union of their
 * names, numbers, places and actors, and the member profiles themselves for copy detection and the
 * best single-report match. Immutable.
 */
final class EventProfile {
    final Vocabulary.Term[] terms;
    final float[] weights;
    final Set<String> names;
    final Set<String> numbers;
    final Map<Long, String> places;
    final Set<String> actors;
    final List<TextProfile> members;   // publication order
    /** The dates written at the top of the members (datelines), at most one per member. */
    final List<WrittenDate> written;
    final int memberCount;
    final String lastReportId;
    /** Names over the members: each member's name weights normalised, then summed (parallel arrays). */
    final Vocabulary.Term[] nameTerms;
    final float[] nameWeights;
    /** Years written in any member, ascending. */
    final int[] years;
    /** Counted nouns over the members and every number written before each. */
    final Map<String, Set<String>> quantities;

    private EventProfile(Vocabulary.Term[] terms, float[] weights, Set<String> names, Set<String> numbers,
                         Map<Long, String> places, Set<String> actors, List<TextProfile> members,
                         int memberCount, String lastReportId, Vocabulary.Term[] nameTerms, float[] nameWeights,
                         int[] years, Map<String, Set<String>> quantities) {
        this.terms = terms;
        this.weights = weights;
        this.names = names;
        this.numbers = numbers;
        this.places = places;
        this.actors = actors;
        this.members = members;
        this.memberCount = memberCount;
        this.lastReportId = lastReportId;
        this.nameTerms = nameTerms;
        this.nameWeights = nameWeights;
        this.years = years;
        this.quantities = quantities;
        List<WrittenDate> w = new ArrayList<>();
        for (TextProfile m : members) if (m.written != null) w.add(m.written);
        this.written = List.copyOf(w);
    }

    static EventProfile of(List<TextProfile> members, int memberCount, String lastReportId) {
        Map<Vocabulary.Term, float[]> sum = new HashMap<>();
        Set<String> names = new HashSet<>(), numbers = new HashSet<>(), actors = new HashSet<>();
        Map<Long, String> places = new LinkedHashMap<>();
        Map<Vocabulary.Term, float[]> nameSum = new HashMap<>();
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        Map<String, Set<String>> quantities = new HashMap<>();
        for (TextProfile m : members) {
            double nn = 0;
            for (float w : m.nameWeights) nn += w * w;
            nn = Math.sqrt(nn);
            for (int i = 0; i < m.nameTerms.length; i++) nameSum.computeIfAbsent(m.nameTerms[i], k -> new float[1])[0] += (float) (m.nameWeights[i] / nn);
            for (int y : m.years) years.add(y);
            m.quantities.forEach((k, v) -> quantities.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
            double norm = 0;
            for (float w : m.weights) norm += w * w;
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int i = 0; i < m.terms.length; i++) {
                    sum.computeIfAbsent(m.terms[i], k -> new float[1])[0] += (float) (m.weights[i] / norm);
                }
            }
            names.addAll(m.names);
            numbers.addAll(m.numbers);
            actors.addAll(m.actors);
            m.places.forEach(places::putIfAbsent);
        }
        List<Map.Entry<Vocabulary.Term, float[]>> entries = new ArrayList<>(sum.entrySet());
        entries.sort((a, b) -> Integer.compare(a.getKey().id, b.getKey().id));
        Vocabulary.Term[] terms = new Vocabulary.Term[entries.size()];
        float[] weights = new float[entries.size()];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = entries.get(i).getKey();
            weights[i] = entries.get(i).getValue()[0];
        }
        return new EventProfile(terms, weights, Collections.unmodifiableSet(names),
                Collections.unmodifiableSet(numbers), Collections.unmodifiableMap(places),
                Collections.unmodifiableSet(actors), List.copyOf(members), memberCount, lastReportId,
                nameSum.keySet().toArray(new Vocabulary.Term[0]), floats(nameSum.values()),
                years.stream().mapToInt(Integer::intValue).toArray(), quantities);
    }

    private static float[] floats(java.util.Collection<float[]> vs) {
        float[] out = new float[vs.size()];
        int i = 0;
        for (float[] v : vs) out[i++] = v[0];
        return out;
    }

    private volatile long normEpoch = -1;
    private volatile double norm;

    /** Length of the tf-idf centroid, cached while idf stays the same. */
    double norm(Vocabulary v) {
        long e = v.epoch();
        if (normEpoch != e) {
            norm = EventProfile.norm(v, terms, weights);
            normEpoch = e;
        }
        return norm;
    }

    static double norm(Vocabulary v, Vocabulary.Term[] t, float[] w) {
        double n = 0;
        for (int i = 0; i < t.length; i++) {
            double x = w[i] * v.idf(t[i]);
            n += x * x;
        }
        return Math.sqrt(n);
    }

    /** Cosine of two tf-idf vectors given as id-sorted term arrays and their lengths. */
    static double cosine(Vocabulary v, Vocabulary.Term[] at, float[] aw, double na, Vocabulary.Term[] bt, float[] bw, double nb) {
        if (na == 0 || nb == 0) return 0;
        double dot = 0;
        int i = 0, j = 0;
        while (i < at.length && j < bt.length) {
            int c = Integer.compare(at[i].id, bt[j].id);
            if (c < 0) i++;
            else if (c > 0) j++;
            else {
                double idf = v.idf(at[i]);
                dot += aw[i] * bw[j] * idf * idf;
                i++;
                j++;
            }
        }
        return dot / (na * nb);
    }
}
