package org.sitrep.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.GeoPoint;
import org.sitrep.model.LocationPrecision;
import org.sitrep.model.TimePrecision;
import org.sitrep.model.TimeWindow;
import org.sitrep.pipeline.AnalyzedReport;
import org.sitrep.pipeline.CandidateQuery;
import org.sitrep.pipeline.ClusterDecision;
import org.sitrep.pipeline.Clusterer;
import org.sitrep.pipeline.EventCandidate;

/**
 * Single-pass clustering of the report stream into events. Each report is scored against every
 * candidate event: tf-idf text similarity (idf learned online) plus evidence from places named
 * (compared by gazetteer id, so spellings and scripts do not matter), event location distance and
 * precision, time, event type, actors and shared numbers. It joins the best event whose score reaches
 * the threshold, or starts a new one. A near-identical text (shingle sketch) or the same URL makes it
 * a copy of the earliest such report.
 *
 * <p>Conflicts weigh heavily because a false merge hides an incident from the map, while a false
 * split only shows it twice: two named sites more than a kilometre apart, town-level locations
 * beyond the site radius, precise times days apart, or incompatible event types ("Protests" vs
 * "Explosions/Remote violence") each take {@link #CONFLICT} off the score.
 *
 * <p>Thread-safe. It holds learned document frequencies and bounded caches of report and event
 * profiles (keyed by report id and event id), nothing else.
 */
public final class OnlineClusterer implements Clusterer {
    static final double CONFLICT = 0.6;
    /**
     * A copy of one member has at least this text similarity to the event as a whole; below it the
     * (costlier) shingle comparison with every member is skipped.
     */
    static final double COPY_GATE = 0.2;
    /**
     * Two different gazetteer places closer than this can be one incident (a village at a city's
     * edge, a district named instead of the city); farther apart they are different towns.
     */
    static final double TOWN_NEIGHBOURHOOD_KM = 10;

    private final ClusterConfig config;
    private final Vocabulary vocabulary;
    private final Lru<String, TextProfile> reports;
    private final Lru<String, EventProfile> events;
    private final Lru<String, NamedPlaces> namedPlaces;
    private final Lru<String, Set<String>> siteKinds;
    /** Whether a report's location is a name it never writes as a place, by report id. */
    private final Lru<String, Boolean> doubtful;
    /** Place names split into words (the same few thousand towns come up again and again); cleared past 10,000. */
    private final java.util.concurrent.ConcurrentHashMap<String, String[]> nameWords = new java.util.concurrent.ConcurrentHashMap<>();

    public OnlineClusterer(ClusterConfig config) {
        this.config = Objects.requireNonNull(config);
        this.vocabulary = new Vocabulary(config.vocabularyLimit());
        this.reports = new Lru<>(config.cacheSize());
        this.events = new Lru<>(config.cacheSize());
        this.namedPlaces = new Lru<>(config.cacheSize());
        this.siteKinds = new Lru<>(config.cacheSize());
        this.doubtful = new Lru<>(config.cacheSize());
    }

    public OnlineClusterer() { this(ClusterConfig.DEFAULTS); }

    public ClusterConfig config() { return config; }

    @Override
    public CandidateQuery candidateQuery(AnalyzedReport report) {
        TimeWindow t = timeOf(report);
        Instant from = t.start().minus(config.before());
        Instant to = t.end().plus(config.after()).plusMillis(1);
        EventLocation loc = locationOf(report);
        GeoPoint near = null;
        double radius = 0;
        if (loc != null && loc.precision() != LocationPrecision.COUNTRY) {
            near = loc.point();
            // Twice the same-place radius: a report whose location was picked differently (a suburb
            // instead of the city) must still be scored, or it can never be reconciled.
            radius = 2 * (loc.precision() == LocationPrecision.PROVINCE ? config.provinceRadiusKm() : config.siteRadiusKm());
        }
        List<String> terms = config.textCandidates() > 0 ? searchTerms(report) : List.of();
        return new CandidateQuery(from, to, near, radius, config.candidateLimit(), terms, config.textCandidates());
    }

    /** Terms searched per report. */
    static final int SEARCH_TERMS = 8;

    /**
     * The report's rarest {@link SearchTerms} that earlier reports also used: a word seen in no other
     * report cannot find anything, and one used by every other report finds only the same kind of
     * incident. Counts the report's words in the document frequencies (once, like {@link #assign}).
     */
    private List<String> searchTerms(AnalyzedReport report) {
        profile(report, true);
        long n = vocabulary.documents();
        long common = Math.max(20, n / 20);
        List<Vocabulary.Term> ts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String w : SearchTerms.of(report.report())) {
            Vocabulary.Term t = vocabulary.term(w);
            if (t == null) continue;
            // profiles count a plural that is not a name under its singular: look the headline's "climbers" up as climber
            if (t.df.get() < 2) {
                Vocabulary.Term s = vocabulary.find(Tokenizer.singular(w));
                if (s != null) t = s;
            }
            int df = t.df.get();
            if (df < 2 || df > common) continue;
            ts.add(t);
            words.add(w);
        }
        Integer[] order = new Integer[ts.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingInt((Integer i) -> ts.get(i).df.get()).thenComparing(i -> words.get(i)));
        List<String> out = new ArrayList<>(SEARCH_TERMS);
        for (int i = 0; i < Math.min(SEARCH_TERMS, order.length); i++) out.add(words.get(order[i]));
        return out;
    }

    /**
     * Counts a report's words in the document frequencies without clustering it: to warm up a fresh
     * clusterer on recent reports from the store after a restart.
     */
    public void observe(AnalyzedReport report) { profile(report, true); }

    @Override
    public ClusterDecision assign(AnalyzedReport report, List<EventCandidate> candidates) {
        TextProfile p = profile(report, true);
        if (candidates.isEmpty()) return ClusterDecision.newEvent("no earlier event within the time and place window");

        Match best = null, copy = null;
        int vetoed = 0;
        List<String> ruledOut = new ArrayList<>();
        Probe probe = new Probe(report, p);
        for (EventCandidate c : candidates) {
            Match m = probe.against(c);
            if (m.vetoed) {
                vetoed++;
                if (ruledOut.size() < 3) ruledOut.add("ruled out " + m.eventId + ": " + String.join("; ", m.reasons));
            }
            if (m.copyOf != null && (copy == null || m.copyJaccard > copy.copyJaccard)) copy = m;
            m.threshold = config.joinThreshold();
            if (best == null || (best.vetoed && !m.vetoed) || (best.vetoed == m.vetoed && m.score - m.threshold > best.score - best.threshold)) best = m;
        }
        if (copy != null) {
            List<String> reasons = new ArrayList<>();
            reasons.add(copy.copyReason);
            reasons.addAll(copy.reasons);
            return new ClusterDecision(copy.eventId, copy.score, reasons, copy.copyOf);
        }
        if (!best.vetoed && best.score >= best.threshold) {
            List<String> reasons = new ArrayList<>();
            reasons.add(String.format(Locale.ROOT, "score %.2f >= %.2f: joins event %s", best.score,
                    best.threshold, best.eventId));
            reasons.addAll(best.reasons);
            return new ClusterDecision(best.eventId, best.score, reasons, null);
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(best.vetoed
                ? String.format(Locale.ROOT, "new event: all %d candidates conflict; e.g. %s", candidates.size(), best.eventId)
                : String.format(Locale.ROOT, "new event: best of %d candidates (%d ruled out by conflicts) was %s with score %.2f < %.2f",
                        candidates.size(), vetoed, best.eventId, best.score, best.threshold));
        reasons.addAll(best.reasons);
        if (!best.vetoed) reasons.addAll(ruledOut);
        return new ClusterDecision(null, best.score, reasons, null);
    }

    /**
     * How well one report fits an event, scored exactly as {@link #assign} scores a candidate, but
     * without counting the report in the document frequencies (it was counted when it arrived).
     * Negative infinity when a conflict rules the event out. Used to re-check an event's members
     * against each other.
     */
    public double fit(AnalyzedReport report, EventCandidate c) {
        Match m = new Probe(report, profile(report, false)).against(c);
        return m.vetoed ? Double.NEGATIVE_INFINITY : m.score;
    }

    /** What a report brings to every comparison with a candidate event, read once per report. */
    private final class Probe {
        final TextProfile p;
        final double pNorm;
        final Lead lead;
        /** Main names among those other reports use too: a name no other report has cannot tell which event it is. */
        final Vocabulary.Term[] key, shared;

        Probe(AnalyzedReport report, TextProfile p) {
            this.p = p;
            this.pNorm = EventProfile.norm(vocabulary, p.terms, p.weights);
            this.lead = Lead.of(report, sitesOf(report), doubtfulLocation(report));
            this.key = top(p.nameTerms, p.nameWeights, KEY_NAMES);
            this.shared = top(p.nameTerms, p.nameWeights, OVERRULE_NAMES, KEY_MIN_DF);
        }

        Match against(EventCandidate c) {
            Match m = score(p, pNorm, key, shared, c, lead);
            if (!m.vetoed && m.copyOf == null) siteEvidence(lead.sites(), c, m);
            return m;
        }
    }

    /** Members whose leads are read for the sites they name: the first reports say what was hit. */
    static final int SITE_MEMBERS = 20;

    /**
     * "Strike on a bakery" and, the same day in the same city, "the water pumping station was hit": two
     * strikes at two sites, however alike the words and places. A conflict when both sides name the
     * sites hit and share none; a little evidence when they name the same kind ("a market in Saraqib").
     */
    private void siteEvidence(Set<String> sites, EventCandidate c, Match m) {
        if (sites.isEmpty()) return;
        Set<String> theirs = eventSites(c);
        if (theirs.isEmpty()) return;
        String shared = firstShared(sites, theirs);
        if (shared != null) {
            m.score += SAME_SITE_BONUS;
            m.reasons.add("same kind of site hit: " + shared);
        } else {
            m.score -= CONFLICT;
            m.reasons.add("conflict: different sites hit (" + String.join(", ", sites) + " vs " + String.join(", ", theirs) + ")");
        }
    }

    /** The kinds of site the leads of the event's first {@link #SITE_MEMBERS} reports name. */
    private Set<String> eventSites(EventCandidate c) {
        Set<String> out = new TreeSet<>();
        List<AnalyzedReport> members = c.reports();
        for (int i = 0; i < Math.min(SITE_MEMBERS, members.size()); i++) out.addAll(sitesOf(members.get(i)));
        return out;
    }

    private static String firstShared(Set<String> a, Set<String> b) {
        for (String k : a) if (b.contains(k)) return k;
        return null;
    }

    /** The kinds of site a member's lead names, read once per report. */
    private Set<String> sitesOf(AnalyzedReport r) {
        String id = r.report().id();
        return id == null ? SiteWords.of(r.report()) : siteKinds.computeIfAbsent(id, k -> SiteWords.of(r.report()));
    }

    /** Both sides say the same kind of site was hit. */
    static final double SAME_SITE_BONUS = 0.1;

    /** Two points of one town closer than this can be one site when both sides name the same kind of site. */
    static final double SAME_SITE_KM = 3;

    /** One candidate's score, the reasons for it, and whether the report copies one of its members. */
    private static final class Match {
        boolean sitesConflict;
        /** A town both sides name, whose bonus the location already gave (see {@link #pointInNamedTown}). */
        Long sameTown;
        String eventId;
        double score;
        double threshold;
        List<String> reasons = new ArrayList<>();
        String copyOf;
        boolean vetoed;
        double copyJaccard;
        String copyReason;
    }

    /** Taken off when the texts overrule a place conflict (see {@link #overrule}). */
    static final double OVERRULED = 0.1;
    /** Text similarity at which, with the same main names on both sides, a place conflict is doubted. */
    static final double OVERRULE_TEXT = 0.3;
    static final int OVERRULE_NAMES = 1;

    /**
     * The event's profile when the report's text overrules a place conflict with it, else null. The
     * geoparser places one story's reports in different towns when a surname or a company's home
     * town is read as the place ("Smith" vs "Holcomb", "Redmond" vs "Toronto"). The text overrules
     * only when the two agree on who and what: similar words, and the first names of each side (most
     * repeated, rarest) are named by the other. The same protest template in two towns fails this:
     * each report's first name is its own town. A cheap look at the event's first report comes first,
     * so the candidates of a busy city are not all read.
     */
    private EventProfile overrule(TextProfile p, double pNorm, Vocabulary.Term[] pKey, EventCandidate c) {
        if (pKey.length < OVERRULE_NAMES || c.reports().isEmpty()) return null;
        for (int i = 0; i < OVERRULE_NAMES; i++) {
            boolean written = false;
            for (int j = 0; j < Math.min(3, c.reports().size()) && !written; j++) {
                var r = c.reports().get(j).report();
                written = writesName(r.title(), pKey[i].word) || writesName(r.text(), pKey[i].word);
            }
            if (!written) return null;
        }
        EventProfile ep = eventProfile(c);
        double text = EventProfile.cosine(vocabulary, p.terms, p.weights, pNorm, ep.terms, ep.weights, ep.norm(vocabulary));
        if (text < OVERRULE_TEXT) return null;
        // A town that is what one side is mainly about, and that the other side never names, is its place,
        // not a misreading: the same protest template in two towns stays two protests.
        if (ownTown(p.location, top(p.nameTerms, p.nameWeights, KEY_NAMES), ep.nameTerms)
                || ownTown(c.event().location(), top(ep.nameTerms, ep.nameWeights, KEY_NAMES), p.nameTerms)) return null;
        for (int i = 0; i < OVERRULE_NAMES; i++) if (!contains(ep.nameTerms, pKey[i])) return null;
        Vocabulary.Term[] ke = top(ep.nameTerms, ep.nameWeights, OVERRULE_NAMES);
        if (ke.length < OVERRULE_NAMES) return null;
        for (Vocabulary.Term t : ke) if (!contains(p.nameTerms, t)) return null;
        return ep;
    }

    /** A point the source gave (a geotagged post): exact, with no gazetteer entry. */
    private static boolean sourcePoint(EventLocation l) {
        return l != null && l.geonameId() == null && l.precision() == LocationPrecision.EXACT;
    }

    /** Whether a word of the location's name is among {@code main} and missing from {@code other}. */
    private boolean ownTown(EventLocation l, Vocabulary.Term[] main, Vocabulary.Term[] other) {
        if (l == null || l.name() == null) return false;
        for (String w : words(l.name())) {
            Vocabulary.Term t = vocabulary.find(w);
            if (t != null && contains(main, t) && !contains(other, t)) return true;
        }
        return false;
    }

    /**
     * Whether the text writes the name with a capital first letter, whatever the case of the rest
     * ("SeaMicro", "McAfee", "IBM" for the names seamicro, mcafee, ibm): a quick test, before a profile is read.
     */
    static boolean writesName(String text, String lowerCaseWord) {
        if (text == null || lowerCaseWord.isEmpty()) return false;
        int limit = Math.min(text.length(), SearchTerms.BODY_CHARS) - lowerCaseWord.length();
        char first = lowerCaseWord.charAt(0), upper = Character.toUpperCase(first);
        for (int i = text.indexOf(upper); i >= 0 && i <= limit; i = text.indexOf(upper, i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) continue;
            int end = i + lowerCaseWord.length();
            if (text.regionMatches(true, i + 1, lowerCaseWord, 1, lowerCaseWord.length() - 1)
                    && (end == text.length() || !Character.isLetter(text.charAt(end)))) return true;
        }
        return false;
    }

    private Match score(TextProfile p, double pNorm, Vocabulary.Term[] pKey, Vocabulary.Term[] pShared, EventCandidate c, Lead lead) {
        Event e = c.event();
        Match m = new Match();
        m.eventId = e.id();
        // Hard conflicts first, from the event's own fields: in a busy week most candidates are
        // other towns or other days, and they are ruled out without reading their reports' text.
        // A conflict is a veto: near-identical wording in another town is a wave, not one event.
        int before = m.reasons.size();
        double where = location(p, e, c, m, lead);
        int whereReasons = m.reasons.size();
        double hard = where + time(p, e, m) + type(p, e, m);
        EventProfile ep = null;
        if (hard >= CONFLICT) {
            // Only a place conflict between towns (never two named sites, never a time) can be doubted.
            // Nor a source's own coordinates: they are not a reading of the text that the text could doubt.
            ep = where >= CONFLICT && hard - where < CONFLICT && !m.sitesConflict && !sourcePoint(p.location) && !sourcePoint(e.location())
                    ? overrule(p, pNorm, pShared, c) : null;
            if (ep == null) {
                m.vetoed = true;
                m.score = -hard;
                return m;
            }
            String why = m.reasons.get(whereReasons - 1).replaceFirst("^conflict: ", "");
            m.reasons.subList(before, whereReasons).clear();
            m.reasons.add(before, why + ", but the texts agree and name the same people and things first ("
                    + words(pShared) + "): the places read from them are doubted");
            hard = hard - where + OVERRULED;
        }
        if (ep == null) ep = eventProfile(c);

        // Text against the event's centroid: an event grows from reports that each cover part of
        // the story, and the centroid stresses what its reports agree on.
        double text = EventProfile.cosine(vocabulary, p.terms, p.weights, pNorm, ep.terms, ep.weights, ep.norm(vocabulary));
        m.score += text;
        m.reasons.add(0, String.format(Locale.ROOT, "text similarity %.2f", text));

        // Copies: same URL, near-identical shingles, or the same headline with shared wording. The
        // earliest such report is the original.
        TextProfile copyOf = null;
        double bestJaccard = 0;
        String copyHow = null;
        for (TextProfile q : ep.members) {
            if (q.reportId != null && q.reportId.equals(p.reportId)) continue;
            String how = null;
            double j = 0;
            if (p.url != null && p.url.equals(q.url)) {
                how = "same URL as";
                j = 1;
            } else if (text >= COPY_GATE) {
                j = TextProfile.jaccard(p, q);
                if (j >= config.copyJaccard()) {
                    how = String.format(Locale.ROOT, "near-identical text (shingle Jaccard %.2f) to", j);
                } else if (p.titleKey != null && p.titleKey.equals(q.titleKey) && j >= config.copyJaccard() / 2) {
                    how = String.format(Locale.ROOT, "same headline and shared wording (Jaccard %.2f) as", j);
                }
            }
            if (how != null && (copyOf == null || q.published.isBefore(copyOf.published))) {
                copyOf = q;
                bestJaccard = j;
                copyHow = how;
            }
        }

        Long sameLocation = p.location != null && p.location.geonameId() != null && e.location() != null
                && p.location.geonameId().equals(e.location().geonameId()) ? p.location.geonameId() : m.sameTown;
        places(p, ep, m, sameLocation);
        boolean siteNamed = namedSite(p, ep, c, m, sameLocation);
        actorsAndNumbers(p, ep, m);
        writtenDates(p, ep, m);
        years(p, ep, m);
        counts(p, ep, m);
        if (!crossLanguage(p, c)) keyNames(p, pKey, ep, m);
        double conflicts = hard;
        m.score -= conflicts;
        // Reports in one language that share almost no words are not one incident on place, type and
        // time alone ("Windows Vista" read as Vista, California, in two unrelated stories). A site both name
        // (an air base, a crossing) is no such misreading: "Drone swarm hits Russian base?" and the ministry's report.
        if (text < TEXT_FLOOR && m.score >= config.joinThreshold() && !crossLanguage(p, c) && !siteNamed) {
            m.score = Math.min(m.score, text);
            m.reasons.add(String.format(Locale.ROOT, "text similarity %.2f is below %.2f for reports in one language: does not join on other evidence", text, TEXT_FLOOR));
        }

        if (copyOf != null && conflicts == 0) {
            m.copyOf = copyOf.reportId;
            m.copyJaccard = bestJaccard;
            m.copyReason = "copy: " + copyHow + " report " + copyOf.reportId + " (" + copyOf.sourceId + ", "
                    + copyOf.published + ")";
            m.score = Math.max(m.score, bestJaccard);
        }
        return m;
    }

    private static void places(TextProfile p, EventProfile ep, Match m, Long sameLocation) {
        if (p.places.isEmpty() || ep.places.isEmpty()) return;
        List<String> shared = new ArrayList<>();
        for (var e : p.places.entrySet()) {
            // The shared event location has had its bonus: one piece of evidence counts once.
            if (e.getKey().equals(sameLocation)) continue;
            if (ep.places.containsKey(e.getKey())) shared.add(e.getValue() + " (GeoNames " + e.getKey() + ")");
        }
        if (shared.isEmpty()) return;
        double bonus = Math.min(PLACES_W + 0.1, PLACES_W + 0.05 * (shared.size() - 1));
        m.score += bonus;
        m.reasons.add("same places named: " + String.join(", ", shared.subList(0, Math.min(5, shared.size()))));
    }

    /**
     * A site both sides name (an air base, a border crossing: GeoNames class S) says more than a town both
     * name: a denial of "the so-called Hmeimim attack" and the ministry's report of drones over Hmeimim.
     */
    private boolean namedSite(TextProfile p, EventProfile ep, EventCandidate c, Match m, Long sameLocation) {
        for (var e : p.places.entrySet()) {
            if (e.getKey().equals(sameLocation) || !ep.places.containsKey(e.getKey())) continue;
            if ("S".equals(named(c, e.getKey()))) {
                m.score += NAMED_SITE_BONUS;
                m.reasons.add("a site both name: " + e.getValue());
                return true;
            }
        }
        return false;
    }

    /** Beside the bonus for places both name. */
    static final double NAMED_SITE_BONUS = 0.1;

    private double location(TextProfile p, Event e, EventCandidate c, Match m, Lead lead) {
        int before = m.reasons.size();
        double conflict = locationConflict(p, e, c, m, lead);
        EventLocation a = p.location, b = e.location();
        // An event whose own reports were placed all over the map has no location to conflict with:
        // evidence is as good as the agreement behind it. Checked last: most conflicts are with events
        // whose reports agree, and reading every member's location for each candidate would be waste.
        if (conflict >= CONFLICT && !m.sitesConflict && a.point().distanceKm(b.point()) > TOWN_NEIGHBOURHOOD_KM && scattered(c, b)) {
            m.reasons.subList(before, m.reasons.size()).clear();
            m.reasons.add(String.format(Locale.ROOT, "locations differ (%s vs %s, %.0f km) but the event's reports disagree on where it happened",
                    label(a), label(b), a.point().distanceKm(b.point())));
            return 0.15;
        }
        if (conflict >= CONFLICT && !m.sitesConflict && !sourcePoint(a) && !sourcePoint(b)) {
            String doubted = lead.doubtfulLocation() ? label(a)
                    : eventLocationDoubtful(c, b) ? label(b) : null;
            if (doubted != null) {
                String why = m.reasons.get(m.reasons.size() - 1).replaceFirst("^conflict: ", "");
                m.reasons.subList(before, m.reasons.size()).clear();
                m.reasons.add(why + ", but " + doubted + " is never written as where something happened (\"in\", \"at\", \"near\" ...): "
                        + "the place read from that name is doubted");
                return DOUBTED_PLACE;
            }
        }
        return conflict;
    }

    /** Taken off instead of a place conflict when one side's place is a name never written as a place (see {@link PlaceUse#locative}). */
    static final double DOUBTED_PLACE = 0.15;

    private double locationConflict(TextProfile p, Event e, EventCandidate c, Match m, Lead lead) {
        EventLocation a = p.location, b = e.location();
        if (a == null || b == null) return 0;
        if (a.geonameId() != null && a.geonameId().equals(b.geonameId())) {
            m.score += SAME_LOCATION_W;
            m.reasons.add("same event location: " + label(a) + " (GeoNames " + a.geonameId() + ")");
            return 0;
        }
        double d = a.point().distanceKm(b.point());
        // A source's own coordinates (a geotagged post, a wire's dateline point: no gazetteer entry)
        // inside the town the other side gives, while the coordinates' side names that town too: one
        // place written two ways. Across languages this is often all the two reports share ("rockets on
        // a neighbourhood of Aleppo" with coordinates, "обстрел Алеппо" without), so there it counts
        // almost like the same event location. Two named sites of one city do not pass: both have
        // gazetteer entries.
        Long town = pointInNamedTown(p, a, b, c, d, lead);
        if (town != null) {
            m.sameTown = town;
            String where = String.format(Locale.ROOT, "the source's coordinates lie in %s (GeoNames %d, %.1f km), which both sides name",
                    a.geonameId() == null ? label(b) : label(a), town, d);
            // The bonus only where words cannot agree: in one language two reports of one incident share
            // words, and a town-level report in a city of a million is weak evidence for a point in it (a
            // bakery strike and yesterday's protest in Idlib).
            if (crossLanguage(p, c)) {
                m.score += POINT_IN_TOWN;
                m.reasons.add(where + "; no language in common");
            } else {
                m.reasons.add(where);
            }
            return 0;
        }
        // A country says no more than that: a town in it is no disagreement (Germany vs Mannheim).
        if ((a.precision() == LocationPrecision.COUNTRY || b.precision() == LocationPrecision.COUNTRY)
                && a.countryCode() != null && a.countryCode().equals(b.countryCode())) {
            return 0;
        }
        // The same name resolved to two gazetteer entries (Paris, France and Paris, Texas), or a
        // report that names the event's place in words the geoparser did not take as a place: the
        // geoparse disagrees, the reports may not.
        // (Gazetteer entries only: a source's point is named after the town it lies in, and two points in one town are two sites.)
        if (a.geonameId() != null && b.geonameId() != null && a.name() != null && a.name().equalsIgnoreCase(b.name())) {
            m.reasons.add("locations share the name " + a.name() + " but resolve to different places");
            return 0.1;
        }
        boolean reportNamesEvents = (b.geonameId() != null && p.places.containsKey(b.geonameId()))
                || (b.geonameId() != null && mentionsName(p, b.name()));
        boolean eventNamesReports = a.geonameId() != null && named(c, a.geonameId()) != null;
        // Each side names the other's place: the same places, with a different one picked as the
        // event location (Hollywood vs Los Angeles), not two incidents. Two strikes at two sites of
        // one city do not pass this: neither report names the other's site.
        if (reportNamesEvents && eventNamesReports) {
            m.reasons.add(String.format(Locale.ROOT, "locations differ (%s vs %s, %.0f km) but each report names both places",
                    label(a), label(b), d));
            return 0.1;
        }
        // A point from the source itself (a geotagged post: EXACT, no gazetteer entry) is a site too.
        boolean reportSite = a.geonameId() == null ? a.precision() == LocationPrecision.EXACT : isSite(p.locationFeatureClass);
        // The event side is read only when it can matter (most candidates are towns away from a town).
        boolean bothExact = a.precision() == LocationPrecision.EXACT && b.precision() == LocationPrecision.EXACT;
        boolean eventSite = reportSite
                && (b.geonameId() == null ? b.precision() == LocationPrecision.EXACT : isSite(named(c, b.geonameId())));
        boolean sites = reportSite && eventSite;
        if (sites && d > 1.0 && d <= SAME_SITE_KM) {
            // a post geotagged at the city centre and a precise point 2 km off, both on "the water pumping station"
            String kind = firstShared(lead.sites(), eventSites(c));
            if (kind != null) {
                m.reasons.add(String.format(Locale.ROOT, "points %.1f km apart, but both name the %s hit", d, kind));
                return 0;
            }
        }
        if (sites && d > 1.0) {
            m.reasons.add(String.format(Locale.ROOT, "conflict: different named sites (%s vs %s, %.1f km apart)",
                    label(a), label(b), d));
            m.sitesConflict = true;
            return CONFLICT;
        }
        // A town named by one side as where it happened and by the other in passing: the geoparser
        // picked a different one of the same places (a rehab clinic's town vs the star's home town,
        // a person's name read as a town). Only between towns: a site named in passing ("a day after
        // the strike on the market") is a reference, not the same place.
        // Not against a source's own coordinates farther than a town's reach: the point says where it was,
        // and a report from Idlib city that Sarmada's protest post (28 km off) names in its slogan is not it.
        boolean farFromSourcePoint = d > TOWN_NEIGHBOURHOOD_KM && (sourcePoint(a) || sourcePoint(b));
        // nor against a source point whose own side names a town nearer to it (a Binnish post that names Idlib)
        boolean pointInAnotherTown = (sourcePoint(a) && nearerTown(a.point(), d, lead.towns()))
                || (sourcePoint(b) && nearerTown(b.point(), d, namedPlaces(c).towns().values()));
        if ((reportNamesEvents || eventNamesReports) && !sites && !farFromSourcePoint && !pointInAnotherTown) {
            m.reasons.add(String.format(Locale.ROOT, "locations differ (%s vs %s, %.0f km) but one side names the other's place",
                    label(a), label(b), d));
            return 0.15;
        }
        // A part of a city (GeoNames PPLX: Hollywood, a district of Aleppo) and a town next to it: the city
        // it is part of, named at two levels. Two parts of one city stay two places.
        if (bothExact && d > 1.0 && d <= TOWN_NEIGHBOURHOOD_KM && a.geonameId() != null && b.geonameId() != null) {
            org.sitrep.model.Place pa = placeIn(lead.towns(), a.geonameId()), pb = placeNamed(c, b.geonameId());
            // unless the city's side names another part of it: "Saltivka" and an event of Kharkiv whose reports say Kholodna Hora
            if (pa != null && pb != null && isSection(pa) != isSection(pb)
                    && !otherSection(isSection(pa) ? namedPlaces(c).towns().values() : lead.towns(), isSection(pa) ? pa : pb)) {
                m.reasons.add(String.format(Locale.ROOT, "%s is a part of a city %.1f km from %s", isSection(pa) ? label(a) : label(b), d,
                        isSection(pa) ? label(b) : label(a)));
                return 0;
            }
        }
        // Two exact places, neither named by the other side: two towns next to each other (Saraqib and
        // Sarmin, 8 km) are still two places, and the same protest wording in each is two protests.
        if (bothExact && d > 1.0) {
            m.reasons.add(String.format(Locale.ROOT, "conflict: different places (%s vs %s, %.1f km apart)", label(a), label(b), d));
            return CONFLICT;
        }
        if (a.geonameId() != null && b.geonameId() != null && a.precision().ordinal() <= LocationPrecision.DISTRICT.ordinal()
                && b.precision().ordinal() <= LocationPrecision.DISTRICT.ordinal() && d > TOWN_NEIGHBOURHOOD_KM) {
            m.reasons.add(String.format(Locale.ROOT, "conflict: different towns (%s vs %s, %.0f km apart)", label(a), label(b), d));
            return CONFLICT;
        }
        if (a.precision() == LocationPrecision.COUNTRY || b.precision() == LocationPrecision.COUNTRY) {
            if (a.countryCode() != null && b.countryCode() != null && !a.countryCode().equals(b.countryCode())) {
                m.reasons.add("conflict: different countries (" + a.countryCode() + " vs " + b.countryCode() + ")");
                return CONFLICT;
            }
            return 0;
        }
        double radius = Math.max(radius(a.precision()), radius(b.precision()));
        if (d > radius) {
            m.reasons.add(String.format(Locale.ROOT, "conflict: locations %.0f km apart (%s vs %s)", d, label(a), label(b)));
            return CONFLICT;
        }
        if (d <= 5) {
            m.score += 0.1;
            m.reasons.add(String.format(Locale.ROOT, "locations %.1f km apart", d));
        }
        return 0;
    }

    private static boolean isSection(org.sitrep.model.Place p) { return "PPLX".equals(p.featureCode()); }

    /** Whether {@code places} hold a part of a city other than {@code section}, within a town's reach of it. */
    private static boolean otherSection(java.util.Collection<org.sitrep.model.Place> places, org.sitrep.model.Place section) {
        for (var p : places) {
            if (isSection(p) && p.geonameId() != section.geonameId() && p.point().distanceKm(section.point()) <= 2 * TOWN_NEIGHBOURHOOD_KM) return true;
        }
        return false;
    }

    /** The town with this gazetteer id as the event's first members name it (their mentions only: no text, no cache), or null. */
    private static org.sitrep.model.Place placeNamed(EventCandidate c, long id) {
        List<AnalyzedReport> rs = c.reports();
        for (int i = 0; i < Math.min(rs.size(), DOUBT_MEMBERS); i++) {
            var g = rs.get(i).geoparse();
            if (g == null) continue;
            for (var m : g.mentions()) if (m.place() != null && m.place().geonameId() == id && "P".equals(m.place().featureClass())) return m.place();
        }
        return null;
    }

    private static org.sitrep.model.Place placeIn(List<org.sitrep.model.Place> places, long id) {
        for (var p : places) if (p.geonameId() == id) return p;
        return null;
    }

    /** Whether none of the event's reports is in the report's language (or script). */
    private boolean crossLanguage(TextProfile p, EventCandidate c) {
        for (TextProfile q : eventProfile(c).members) if (q.sameLanguage(p)) return false;
        return true;
    }

    /** Added when a source's coordinates lie in the town the other side gives (less than the same gazetteer id: a point is not a town). */
    static final double POINT_IN_TOWN = 0.15;

    /**
     * The gazetteer id of the town one side gives as its location when the other side's location is a
     * bare point (no gazetteer entry) within {@link #TOWN_NEIGHBOURHOOD_KM} of it and the point's side
     * names that town too; null otherwise.
     */
    private Long pointInNamedTown(TextProfile p, EventLocation a, EventLocation b, EventCandidate c, double d, Lead lead) {
        if (d > TOWN_NEIGHBOURHOOD_KM || (a.geonameId() == null) == (b.geonameId() == null)) return null;
        if (a.geonameId() == null) {
            // The report is the point: the event's location must be a town (GeoNames class P, not a site) the report names.
            if (a.precision() != LocationPrecision.EXACT || b.precision().ordinal() > LocationPrecision.DISTRICT.ordinal()) return null;
            if (!p.places.containsKey(b.geonameId()) || !"P".equals(named(c, b.geonameId()))) return null;
            return nearerTown(a.point(), d, lead.towns()) ? null : b.geonameId();
        }
        if (b.precision() != LocationPrecision.EXACT || a.precision().ordinal() > LocationPrecision.DISTRICT.ordinal()
                || !"P".equals(p.locationFeatureClass)) return null;
        if (named(c, a.geonameId()) == null) return null;
        return nearerTown(b.point(), d, namedPlaces(c).towns().values()) ? null : a.geonameId();
    }

    /**
     * Whether the point's own side names a town nearer to the point than the other side's town: a post
     * from Binnish, geotagged there, that also names Idlib (7.7 km off) is in Binnish, not in Idlib.
     */
    private static boolean nearerTown(GeoPoint point, double km, java.util.Collection<org.sitrep.model.Place> towns) {
        for (var t : towns) {
            if (t.point().distanceKm(point) < km - 1.0) return true;
        }
        return false;
    }

    /** What the clusterer reads from the report itself beside its profile: the kinds of site hit, the towns it names. */
    record Lead(Set<String> sites, List<org.sitrep.model.Place> towns, boolean doubtfulLocation) {
        static Lead of(AnalyzedReport r, Set<String> sites, boolean doubtfulLocation) {
            List<org.sitrep.model.Place> towns = new ArrayList<>();
            if (r.geoparse() != null) {
                for (var m : r.geoparse().mentions()) if (m.place() != null && "P".equals(m.place().featureClass())) towns.add(m.place());
            }
            return new Lead(sites, towns, doubtfulLocation);
        }
    }

    /**
     * Whether the report's location is a gazetteer place that its text names but never writes as where
     * something happened ({@link PlaceUse#locative}): "Cisco said", "Microsoft Outlook". Read once per report.
     */
    private boolean doubtfulLocation(AnalyzedReport r) {
        EventLocation l = locationOf(r);
        if (l == null || l.geonameId() == null || r.geoparse() == null) return false;
        // Most candidates are ruled out by their place: no text is read (and nothing cached) unless the
        // location was read from a span of the text.
        boolean spans = false;
        for (var m : r.geoparse().mentions()) {
            if (m.place() != null && m.place().geonameId() == l.geonameId() && m.start() < m.end()) { spans = true; break; }
        }
        if (!spans) return false;
        String id = r.report().id();
        return id == null ? readDoubtfulLocation(r, l) : doubtful.computeIfAbsent(id, k -> readDoubtfulLocation(r, l));
    }

    private static boolean readDoubtfulLocation(AnalyzedReport r, EventLocation l) {
        var mentions = r.geoparse().mentions();
        String text = r.report().fullText();
        boolean named = false;
        for (var m : mentions) {
            if (m.place() == null || m.place().geonameId() != l.geonameId()) continue;
            if (PlaceUse.locative(text, m, mentions)) return false;
            named = true;
        }
        return named;
    }

    /** Members read for whether they write the event's location as a place (see {@link #eventLocationDoubtful}). */
    static final int DOUBT_MEMBERS = 8;

    /**
     * Whether the event's location comes only from members that never write it as a place: of its first
     * members placed there (among its first 16), none writes "in X", "at X" .... False when none of them is placed there.
     */
    private boolean eventLocationDoubtful(EventCandidate c, EventLocation at) {
        if (at.geonameId() == null) return false;
        boolean any = false;
        List<AnalyzedReport> rs = c.reports();
        for (int i = 0, seen = 0; i < Math.min(rs.size(), 2 * DOUBT_MEMBERS) && seen < DOUBT_MEMBERS; i++) {
            EventLocation l = locationOf(rs.get(i));
            if (l == null || !at.geonameId().equals(l.geonameId())) continue;
            seen++;
            if (!doubtfulLocation(rs.get(i))) return false;
            any = true;
        }
        return any;
    }

    /**
     * The GeoNames feature class under which one of the event's reports names this place, or null
     * when none does. Reads the reports' place mentions only (no text), so ruling out a candidate in
     * another town stays cheap.
     */
    private String named(EventCandidate c, long geonameId) {
        return namedPlaces(c).featureClasses().get(geonameId);
    }

    /** The places the event's reports name, cached for this version of the event (its member count and last member). */
    private NamedPlaces namedPlaces(EventCandidate c) {
        List<AnalyzedReport> rs = c.reports();
        String last = rs.isEmpty() ? null : rs.get(rs.size() - 1).report().id();
        NamedPlaces cached = namedPlaces.get(c.event().id());
        if (cached == null || cached.members != rs.size() || !Objects.equals(cached.lastReportId, last)) {
            Map<Long, String> classes = new java.util.HashMap<>();
            Map<Long, org.sitrep.model.Place> towns = new java.util.HashMap<>();
            for (int i = 0; i < Math.min(rs.size(), config.profileMembers()); i++) {
                var g = rs.get(i).geoparse();
                if (g == null) continue;
                String text = rs.get(i).report().fullText();
                for (var mention : g.mentions()) {
                    if (mention.place() == null || PlaceUse.incidental(text, mention)) continue;
                    classes.putIfAbsent(mention.place().geonameId(), mention.place().featureClass());
                    if ("P".equals(mention.place().featureClass())) towns.putIfAbsent(mention.place().geonameId(), mention.place());
                }
            }
            cached = new NamedPlaces(rs.size(), last, classes, towns);
            namedPlaces.put(c.event().id(), cached);
        }
        return cached;
    }

    /** The places an event's reports name (gazetteer id -> feature class) and its towns, for the version with that many members. */
    private record NamedPlaces(int members, String lastReportId, Map<Long, String> featureClasses, Map<Long, org.sitrep.model.Place> towns) {}

    /**
     * Whether fewer than half of the event's located reports (at least three) were placed within a
     * town's reach of the event's location.
     */
    private boolean scattered(EventCandidate c, EventLocation at) {
        List<AnalyzedReport> rs = c.reports();
        if (rs.size() < 3) return false;
        int located = 0, near = 0;
        for (int i = 0; i < Math.min(rs.size(), config.profileMembers()); i++) {
            EventLocation l = locationOf(rs.get(i));
            if (l == null || l.precision() == LocationPrecision.COUNTRY) continue;
            located++;
            if ((l.geonameId() != null && l.geonameId().equals(at.geonameId())) || l.point().distanceKm(at.point()) <= TOWN_NEIGHBOURHOOD_KM) near++;
        }
        return located >= 3 && near * 2 < located;
    }

    /** A place name's words (lower case, no function words), cached. */
    private String[] words(String name) {
        String[] words = nameWords.get(name);
        if (words == null) {
            List<String> ws = new ArrayList<>();
            Tokenizer.tokenize(name, false, (w, cap, title, start) -> {
                if (!Stopwords.contains(w)) ws.add(w);
            });
            words = ws.toArray(new String[0]);
            if (nameWords.size() >= 10_000) nameWords.clear();
            nameWords.put(name, words);
        }
        return words;
    }

    /** Whether every word of {@code name} occurs in the report's text. */
    private boolean mentionsName(TextProfile p, String name) {
        if (name == null || name.isBlank()) return false;
        String[] words = words(name);
        if (words.length == 0) return false;
        for (String w : words) {
            Vocabulary.Term t = vocabulary.find(w);
            if (t == null || !p.hasTerm(t)) return false;
        }
        return true;
    }

    /** A named site (building, spot, road, landmark), as opposed to a town or an area. */
    static boolean isSite(String featureClass) {
        return featureClass != null && (featureClass.equals("S") || featureClass.equals("R") || featureClass.equals("T")
                || featureClass.equals("H") || featureClass.equals("V") || featureClass.equals("U"));
    }

    private double radius(LocationPrecision p) {
        return p == LocationPrecision.PROVINCE ? config.provinceRadiusKm() : config.siteRadiusKm();
    }

    private static String label(EventLocation l) {
        return l.name() != null ? l.name() : String.format(Locale.ROOT, "%.4f,%.4f", l.point().lat(), l.point().lon());
    }

    private static double time(TextProfile p, Event e, Match m) {
        TimeWindow a = p.time, b = e.time();
        boolean precise = a.precision().ordinal() <= TimePrecision.WEEK.ordinal()
                && b.precision().ordinal() <= TimePrecision.WEEK.ordinal();
        if (precise) {
            Duration gap = gap(a, b);
            Duration tolerance = a.precision() == TimePrecision.WEEK || b.precision() == TimePrecision.WEEK
                    ? Duration.ofDays(7) : Duration.ofHours(36);
            if (gap.compareTo(tolerance) > 0) {
                m.reasons.add("conflict: event times " + gap.toHours() + " h apart");
                return CONFLICT;
            }
            if (gap.isZero() && a.precision().ordinal() <= TimePrecision.DAY.ordinal()
                    && b.precision().ordinal() <= TimePrecision.DAY.ordinal()) {
                m.score += 0.05;
                m.reasons.add("same day");
            }
            return 0;
        }
        // Only publication times: reports of one incident come within days of each other.
        Instant first = b.start(), last = b.end();
        Duration gap = p.published.isBefore(first) ? Duration.between(p.published, first)
                : p.published.isAfter(last) ? Duration.between(last, p.published) : Duration.ZERO;
        if (gap.compareTo(Duration.ofDays(4)) > 0) {
            m.reasons.add("conflict: published " + gap.toHours() + " h after the event's last report");
            return CONFLICT / 2;
        }
        return 0;
    }

    private static Duration gap(TimeWindow a, TimeWindow b) {
        if (a.end().isBefore(b.start())) return Duration.between(a.end(), b.start());
        if (b.end().isBefore(a.start())) return Duration.between(b.end(), a.start());
        return Duration.ZERO;
    }

    private static double type(TextProfile p, Event e, Match m) {
        String a = p.type, b = e.type();
        if (a == null || b == null || Event.UNCLASSIFIED.equals(a) || Event.UNCLASSIFIED.equals(b)) return 0;
        if (a.equals(b)) {
            m.score += SAME_TYPE_W;
            m.reasons.add("same type: " + a);
            return 0;
        }
        int ga = typeGroup(a), gb = typeGroup(b);
        if (ga < 0 || gb < 0 || ga == gb) return 0;
        // Not a veto: the type is one classifier's reading of one report, and it reads news outside
        // its domain (a celebrity entering rehab as "violence against civilians") with full confidence.
        // A protest and an air strike in one town differ in their words anyway.
        m.reasons.add("types differ (" + a + " vs " + b + ")");
        m.score -= TYPE_MISMATCH;
        return 0;
    }

    /** Taken off the score when the report's and the event's types belong to incompatible groups. */
    static final double TYPE_MISMATCH = 0.1;

    /**
     * ACLED types that one incident can plausibly carry in different reports: a shelling is a
     * "Battle" to one source and "Explosions/Remote violence" to another; a protest turns into a
     * riot. "Strategic developments" and unknown types conflict with nothing.
     */
    static int typeGroup(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("battle") || t.startsWith("explosion") || t.startsWith("violence against")) return 0;
        if (t.startsWith("protest") || t.startsWith("riot")) return 1;
        return -1;
    }

    private static void actorsAndNumbers(TextProfile p, EventProfile ep, Match m) {
        Set<String> actors = new TreeSet<>(p.actors);
        actors.retainAll(ep.actors);
        // Shown, not scored: the extractor's actors are mostly roles ("president", "navy", "police")
        // that incidents of one kind share (scoring them, 0.05 each, cost 0.013 F1 on ECB+ odd topics).
        if (!actors.isEmpty()) m.reasons.add("shared actors: " + String.join(", ", actors));
        Set<String> numbers = new TreeSet<>(p.numbers);
        numbers.retainAll(ep.numbers);
        if (!numbers.isEmpty()) {
            m.score += Math.min(3 * NUMBER_W, NUMBER_W * numbers.size());
            m.reasons.add("shared numbers: " + String.join(", ", first(numbers, 6)));
        }
        Set<String> names = new TreeSet<>(p.names);
        names.retainAll(ep.names);
        if (!names.isEmpty()) m.reasons.add("shared names: " + String.join(", ", first(names, 8)));
    }

    /** Dates written at the top of two reports of one incident lie within this many days of each other. */
    static final int WRITTEN_DAYS = 7;
    /** Taken off when the report's written date is far from every date written at the top of the event's reports. */
    static final double WRITTEN_CONFLICT = 0.2;
    static final double WRITTEN_AGREE = 0.05;
    static final double WRITTEN_YEARS_CONFLICT = 0.4;

    /**
     * Datelines: a report dated "November 11, 2011" at its top and an event whose reports are dated
     * December 2008 are two incidents of one kind, whatever their words share. Not a veto: a dateline
     * can be an "updated" stamp, and the first date of a lead can be a reference to an earlier one.
     */
    private static void writtenDates(TextProfile p, EventProfile ep, Match m) {
        if (p.written == null || ep.written.isEmpty()) return;
        for (WrittenDate d : ep.written) {
            Long days = p.written.daysTo(d);
            if (days == null ? p.written.year() == d.year() : days <= WRITTEN_DAYS) {
                m.score += WRITTEN_AGREE;
                m.reasons.add("dates written agree: " + show(p.written) + " and " + show(d));
                return;
            }
        }
        // Years apart is stronger evidence than weeks apart (an "updated" stamp, a follow-up story).
        boolean yearsApart = true;
        for (WrittenDate d : ep.written) {
            Long days = p.written.daysTo(d);
            if (days == null ? Math.abs(p.written.year() - d.year()) < 2 : days <= 365) yearsApart = false;
        }
        m.score -= yearsApart ? WRITTEN_YEARS_CONFLICT : WRITTEN_CONFLICT;
        m.reasons.add("dates written differ: " + show(p.written) + " vs " + show(ep.written.get(0)));
    }

    /*
     * Score parts. The join threshold (0.30), the place, location and type weights are the first
     * session's; the rest were chosen on the odd topics of ECB+ (sitrep eval cluster --topics odd),
     * the even topics held out (BENCHMARKS.md, "Event clustering").
     */
    /** Below this text similarity, reports in one language do not join on other evidence. */
    static final double TEXT_FLOOR = 0.1;
    static final double PLACES_W = 0.15;
    static final double SAME_LOCATION_W = 0.2;
    static final double SAME_TYPE_W = 0.1;
    /** Per shared number, up to three. */
    static final double NUMBER_W = 0.03;
    /** Latest years written two or more apart, neither in the other. */
    static final double YEAR_CONFLICT = 0.15;
    /** The first names of each side named by the other. */
    static final double KEY_AGREE = 0.1;
    /** None of the first names of either side named by the other. */
    static final double KEY_CONFLICT = 0.2;
    /** How many first names (most repeated times idf) are compared. */
    static final int KEY_NAMES = 2;
    /** A name used by fewer reports than this cannot say which event a report belongs to (the overrule). */
    static final int KEY_MIN_DF = 2;
    static final int KEY_AGREE_NAMES = 2;
    static final double COUNT_AGREE = 0.05;
    static final double COUNT_CONFLICT = 0.1;

    /**
     * Years written anywhere in the text: a report whose latest year is 2005 and an event whose latest
     * is 2008, neither mentioning the other's, are about two times (two firings of one coach, two
     * quakes on one island). Background years ("since the 2011 uprising") are usually shared, so they
     * do not trigger it.
     */
    private static void years(TextProfile p, EventProfile ep, Match m) {
        if (p.years.length == 0 || ep.years.length == 0) return;
        int a = p.years[p.years.length - 1], b = ep.years[ep.years.length - 1];
        if (Math.abs(a - b) < 2 || java.util.Arrays.binarySearch(ep.years, a) >= 0 || java.util.Arrays.binarySearch(p.years, b) >= 0) return;
        m.score -= YEAR_CONFLICT;
        m.reasons.add("years written differ: latest " + a + " vs " + b + ", neither in the other");
    }

    /**
     * Counted things: "23 pirates" in the report and "23 pirates" in the event agree; "26 pirates" and
     * "23 pirates" (and no count in common) tell two hijack attempts apart. A toll that grew is shared
     * by the event's later reports, so a count in common anywhere outweighs a difference.
     */
    private static void counts(TextProfile p, EventProfile ep, Match m) {
        if (p.quantities.isEmpty() || ep.quantities.isEmpty()) return;
        String agree = null, differ = null;
        for (var e : p.quantities.entrySet()) {
            Set<String> other = ep.quantities.get(e.getKey());
            if (other == null) continue;
            boolean common = false;
            for (String n : e.getValue()) if (other.contains(n)) { common = true; break; }
            if (common) {
                if (agree == null) agree = e.getValue().stream().filter(other::contains).findFirst().orElse("") + " " + e.getKey();
            } else if (differ == null) {
                differ = String.join("/", new TreeSet<>(e.getValue())) + " vs " + String.join("/", first(new TreeSet<>(other), 3)) + " " + e.getKey();
            }
        }
        if (agree != null) {
            m.score += COUNT_AGREE;
            m.reasons.add("same count: " + agree);
        } else if (differ != null) {
            m.score -= COUNT_CONFLICT;
            m.reasons.add("counts differ: " + differ);
        }
    }

    /**
     * Who: the report's most prominent names (most repeated, rarest in the stream) and the event's.
     * Reports of one incident name its protagonists; two incidents of one kind (two stars entering
     * rehab, two players put on injured reserve) name different ones, whatever their shared event
     * words. Only between reports that can share words (one language).
     */
    private void keyNames(TextProfile p, Vocabulary.Term[] pKey, EventProfile ep, Match m) {
        Vocabulary.Term[] kp = pKey;
        Vocabulary.Term[] ke = top(ep.nameTerms, ep.nameWeights, KEY_NAMES);
        if (kp.length == 0 || ke.length == 0) return;
        boolean found = false, foundBack = false, agree = true;
        for (Vocabulary.Term t : kp) if (contains(ep.nameTerms, t)) { found = true; break; }
        for (Vocabulary.Term t : ke) if (contains(p.nameTerms, t)) { foundBack = true; break; }
        // Agreement asks more: the first names of each side are both named by the other.
        for (int i = 0; i < Math.min(KEY_AGREE_NAMES, kp.length); i++) agree &= contains(ep.nameTerms, kp[i]);
        for (int i = 0; i < Math.min(KEY_AGREE_NAMES, ke.length); i++) agree &= contains(p.nameTerms, ke[i]);
        if (agree) {
            m.score += KEY_AGREE;
            m.reasons.add("main names agree: " + words(kp) + " / " + words(ke));
        } else if (!found && !foundBack) {
            m.score -= KEY_CONFLICT;
            m.reasons.add("main names differ: " + words(kp) + " vs " + words(ke));
        }
    }

    private Vocabulary.Term[] top(Vocabulary.Term[] ts, float[] ws, int k) { return top(ts, ws, k, 1); }

    /** The k names with the highest weight times idf among those at least {@code minDf} reports use. */
    private Vocabulary.Term[] top(Vocabulary.Term[] ts, float[] ws, int k, int minDf) {
        int n = Math.min(k, ts.length);
        Vocabulary.Term[] best = new Vocabulary.Term[n];
        double[] score = new double[n];
        int size = 0;
        for (int i = 0; i < ts.length; i++) {
            if (minDf > 1 && ts[i].df.get() < minDf) continue;
            double s = ws[i] * vocabulary.idf(ts[i]);
            if (size < n) {
                int j = size++;
                while (j > 0 && score[j - 1] < s) { best[j] = best[j - 1]; score[j] = score[j - 1]; j--; }
                best[j] = ts[i];
                score[j] = s;
            } else if (s > score[n - 1]) {
                int j = n - 1;
                while (j > 0 && score[j - 1] < s) { best[j] = best[j - 1]; score[j] = score[j - 1]; j--; }
                best[j] = ts[i];
                score[j] = s;
            }
        }
        return size == n ? best : java.util.Arrays.copyOf(best, size);
    }

    private static boolean contains(Vocabulary.Term[] ts, Vocabulary.Term t) {
        for (Vocabulary.Term x : ts) if (x == t) return true;
        return false;
    }

    private static String words(Vocabulary.Term[] ts) {
        StringBuilder b = new StringBuilder();
        for (Vocabulary.Term t : ts) b.append(b.isEmpty() ? "" : ", ").append(t.word);
        return b.toString();
    }

    private static String show(WrittenDate d) { return d.date() != null ? d.date().toString() : String.valueOf(d.year()); }

    private static List<String> first(Set<String> s, int n) { return s.stream().limit(n).toList(); }

    private TextProfile profile(AnalyzedReport ar, boolean count) {
        String id = ar.report().id();
        if (id == null) {
            TextProfile p = TextProfile.of(ar, vocabulary);
            if (count) vocabulary.observe(p.distinctTerms());
            return p;
        }
        TextProfile cached = reports.get(id);
        if (cached != null) return cached;
        TextProfile p = TextProfile.of(ar, vocabulary);
        if (count) vocabulary.observe(p.distinctTerms());
        reports.put(id, p);
        return p;
    }

    private EventProfile eventProfile(EventCandidate c) {
        List<AnalyzedReport> rs = c.reports();
        String last = rs.isEmpty() ? null : rs.get(rs.size() - 1).report().id();
        EventProfile cached = events.get(c.event().id());
        if (cached != null && cached.memberCount == rs.size() && Objects.equals(cached.lastReportId, last)) return cached;
        List<AnalyzedReport> chosen = rs;
        int cap = config.profileMembers();
        if (rs.size() > cap) {
            List<AnalyzedReport> sorted = new ArrayList<>(rs);
            sorted.sort(Comparator.comparing(r -> r.report().publishedAt()));
            chosen = new ArrayList<>(sorted.subList(0, 8));
            chosen.addAll(sorted.subList(sorted.size() - (cap - 8), sorted.size()));
        }
        List<TextProfile> members = new ArrayList<>(chosen.size());
        for (AnalyzedReport r : chosen) members.add(profile(r, false));
        members.sort(Comparator.comparing(t -> t.published));
        EventProfile ep = EventProfile.of(members, rs.size(), last);
        events.put(c.event().id(), ep);
        return ep;
    }

    static TimeWindow timeOf(AnalyzedReport r) {
        var ex = r.extraction();
        if (ex != null && ex.time() != null && ex.time().precision() != TimePrecision.UNKNOWN) return ex.time();
        return TimeWindow.at(r.report().publishedAt(), TimePrecision.UNKNOWN);
    }

    static EventLocation locationOf(AnalyzedReport r) {
        if (r.extraction() != null && r.extraction().location() != null) return r.extraction().location();
        return r.geoparse() == null ? null : r.geoparse().eventLocation();
    }
}
