package org.sitrep.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sitrep.claims.StanceClassifier;
import org.sitrep.model.Claim;
import org.sitrep.model.ClaimSides;
import org.sitrep.model.Event;
import org.sitrep.model.EventState;
import org.sitrep.model.Source;
import org.sitrep.model.Stance;
import org.sitrep.pipeline.EventMember;
import org.sitrep.pipeline.Grade;
import org.sitrep.pipeline.Grader;

/**
 * Information credibility on the Admiralty (NATO) scale, 1 confirmed .. 6 cannot be judged, from
 * independent corroboration, contradiction and the sources' reliability (A-F, F when unknown). Copies
 * (reposts, syndicated wire copy) count neither as support nor as denial. Thread-safe.
 *
 * <p>Who supports: every independent source that reports the event in its own voice, and every speaker
 * quoted as asserting it. Who denies: speakers quoted as denying it ("the ministry rejected the
 * reports as false") and, when a headline stance model is given, independent reports whose headline
 * denies the event's title. The event is DISPUTED when a party denies that is not also a supporter.
 * Disputes over responsibility ("X claimed it, Y denies involvement") are named in the reason but do not
 * make the event itself disputed.
 *
 * <ul>
 *   <li>1 confirmed: three or more independent sources, one graded A or B, and no denial.</li>
 *   <li>2 probably true: two or more independent sources, one graded A-C, no denial.</li>
 *   <li>3 possibly true: two or more sources of lower or unknown grade, or a single source graded A-C;
 *       also an event confirmed by three or more sources (one A/B) that a single party denies.</li>
 *   <li>4 doubtful: disputed otherwise, or a single source graded D or E.</li>
 *   <li>5 improbable: more parties deny it than support it.</li>
 *   <li>6 cannot be judged: a single independent source of unknown reliability (F), not corroborated.</li>
 * </ul>
 */
public final class AdmiraltyGrader implements Grader {
    /** A headline must deny with at least this probability to count as a denial. */
    static final double HEADLINE_DENIAL_PROBABILITY = 0.6;
    private static final int MAX_NAMES = 4;

    private final StanceClassifier headlineStance;

    /** Grades from sources and the claims found in reports. */
    public AdmiraltyGrader() { this(null); }

    /** Also reads each independent report's headline stance towards the event title (null: don't). */
    public AdmiraltyGrader(StanceClassifier headlineStance) { this.headlineStance = headlineStance; }

    @Override
    public Grade grade(Event draft, List<EventMember> members, Map<String, Source> sources) {
        Map<String, Character> independent = new LinkedHashMap<>(); // source id -> reliability
        int copies = 0;
        List<Claim> claims = new ArrayList<>();
        Set<String> deniers = new LinkedHashSet<>(), supporters = new LinkedHashSet<>();
        Map<String, String> names = new LinkedHashMap<>(); // party key -> display name
        for (EventMember m : members) {
            if (m.isCopy()) { copies++; continue; }
            var r = m.report().report();
            Source s = sources.get(r.sourceId());
            char grade = s == null ? 'F' : s.reliability();
            independent.merge(r.sourceId(), grade, (a, b) -> (char) Math.min(a, b));
            String outlet = s == null ? r.sourceId() : s.name();
            boolean headlineDenies = headlineStance != null && !draft.title().isBlank() && !r.title().isBlank()
                    && !r.title().equals(draft.title())
                    && headlineStance.probabilities(draft.title(), r.title(), r.url())[1] >= HEADLINE_DENIAL_PROBABILITY;
            String key = ClaimSides.partyKey(outlet);
            names.putIfAbsent(key, outlet);
            // an outlet whose denying headline relays a named party's denial ("Turkey rejects Syrian claim ...") is not
            // itself a party to it: the party is counted from the claim
            if (headlineDenies) { if (!relaysNamedDenial(m.report().claims(), key)) deniers.add(key); }
            else if (!onlyDenials(m.report().claims())) supporters.add(key); // a channel that carries only a denial does not support

            claims.addAll(m.report().claims());
        }
        ClaimSides sides = ClaimSides.of(claims, Map.of());
        for (ClaimSides.Entry e : sides.supporting()) party(e.claim(), supporters, names);
        for (ClaimSides.Entry e : sides.denying()) party(e.claim(), deniers, names);
        supporters.removeAll(deniers); // a party that both reports and denies (its own headline) is counted as denying
        foldOrgans(supporters);
        foldOrgans(deniers);

        int n = independent.size();
        char best = independent.values().stream().min(Character::compare).orElse('F');
        String basis = basis(independent, sources, copies);
        String responsibility = responsibility(sides);
        boolean disputed = !deniers.isEmpty() && !supporters.isEmpty();
        if (!deniers.isEmpty() && supporters.isEmpty()) {
            return grade(5, EventState.DISPUTED, "improbable: only denials, by " + list(deniers, names) + "; " + basis, responsibility);
        }
        if (!deniers.isEmpty() && deniers.size() > supporters.size()) {
            return grade(5, EventState.DISPUTED, "improbable: denied by " + list(deniers, names) + ", more parties than the "
                    + supporters.size() + " that support it (" + list(supporters, names) + "); " + basis, responsibility);
        }
        if (disputed) {
            if (n >= 3 && best <= 'B' && deniers.size() == 1) {
                return grade(3, EventState.DISPUTED, "possibly true: disputed: " + basis + ", supported by " + list(supporters, names)
                        + ", but denied by " + list(deniers, names), responsibility);
            }
            return grade(4, EventState.DISPUTED, "doubtful: disputed: supported by " + list(supporters, names) + ", denied by "
                    + list(deniers, names) + "; " + basis, responsibility);
        }
        if (!deniers.isEmpty()) {
            return grade(5, EventState.DISPUTED, "improbable: only denials, by " + list(deniers, names) + "; " + basis, responsibility);
        }
        EventState state = n >= 2 ? EventState.CORROBORATED : EventState.PENDING;
        if (n >= 3 && best <= 'B') return grade(1, state, "confirmed: " + basis + ", at least one graded " + best + "; no denial", responsibility);
        if (n >= 2 && best <= 'C') return grade(2, state, "probably true: " + basis + " agree, the best graded " + best + "; no denial", responsibility);
        if (n >= 2) return grade(3, state, "possibly true: " + basis + " agree, but none of known reliability (best " + best + ")", responsibility);
        if (best <= 'C') return grade(3, state, "possibly true: " + basis + ", not yet corroborated", responsibility);
        if (best <= 'E') return grade(4, state, "doubtful: " + basis + ", a source graded " + best + ", not corroborated", responsibility);
        return grade(6, state, "cannot be judged: " + basis + " of unknown reliability, not corroborated", responsibility);
    }

    /** Whether every claim of weight in a report denies (and there is one): the report relays a denial, not the event. */
    static boolean onlyDenials(List<Claim> claims) {
        Set<String> deniers = new java.util.HashSet<>();
        for (Claim c : claims) if (c.confidence() >= 0.4 && c.stance() == Stance.DENIES) deniers.add(ClaimSides.partyKey(c.claimant()));
        if (deniers.isEmpty()) return false;
        for (Claim c : claims) {
            if (c.confidence() < 0.4 || c.stance() != Stance.SUPPORTS) continue;
            // what a denying party adds ("such allegations come before every bombing campaign") is still its side
            if (!deniers.contains(ClaimSides.partyKey(c.claimant()))) return false;
        }
        return true;
    }

    /** Whether a report carries a denial (of weight) by a speaker other than the outlet itself. */
    static boolean relaysNamedDenial(List<Claim> claims, String outletKey) {
        for (Claim c : claims) {
            String k = ClaimSides.partyKey(c.claimant());
            if (c.confidence() >= 0.4 && c.stance() == Stance.DENIES && !k.isEmpty() && !k.equals(outletKey)) return true;
        }
        return false;
    }

    /**
     * A party's organ speaks for it on the same side: "Turkey" and "Turkey's foreign ministry" denying are one party,
     * Turkey, so two voices of one government do not outnumber the other side.
     */
    static void foldOrgans(Set<String> side) {
        side.removeIf(k -> side.stream().anyMatch(j -> !j.equals(k) && k.startsWith(j + " s ")));
    }

    private static void party(Claim c, Set<String> side, Map<String, String> names) {
        if (c.confidence() < 0.4) return;
        String key = ClaimSides.partyKey(c.claimant());
        if (key.isEmpty()) return;
        names.putIfAbsent(key, ClaimSides.partyName(c.claimant()));
        side.add(key);
    }

    private static Grade grade(int credibility, EventState state, String reason, String responsibility) {
        String r = credibility + " (" + reason + ")";
        if (!responsibility.isEmpty()) r += ". " + responsibility;
        return new Grade(credibility, state, r);
    }

    private static String basis(Map<String, Character> independent, Map<String, Source> sources, int copies) {
        int n = independent.size();
        List<String> shown = new ArrayList<>();
        for (var e : independent.entrySet()) {
            if (shown.size() == MAX_NAMES) { shown.add("…"); break; }
            Source s = sources.get(e.getKey());
            shown.add((s == null ? e.getKey() : s.name()) + " [" + e.getValue() + "]");
        }
        String b = n + " independent source" + (n == 1 ? "" : "s") + (n == 0 ? "" : " (" + String.join(", ", shown) + ")");
        if (copies > 0) b += ", " + copies + " cop" + (copies == 1 ? "y" : "ies") + " not counted";
        return b;
    }

    /** "Responsibility: claimed by X; denied by Y; attributed to Z by W." or "". */
    private static String responsibility(ClaimSides sides) {
        List<String> parts = new ArrayList<>();
        for (ClaimSides.Entry e : sides.responsibility()) {
            Claim c = e.claim();
            String p;
            if (c.stance() == Stance.DENIES) p = "denied by " + c.claimant();
            else if (ClaimSides.partyKey(c.responsibility()).equals(ClaimSides.partyKey(c.claimant()))) p = "claimed by " + c.claimant();
            else p = "attributed to " + c.responsibility() + " by " + c.claimant();
            if (!parts.contains(p)) parts.add(p);
            if (parts.size() == MAX_NAMES) break;
        }
        return parts.isEmpty() ? "" : "Responsibility: " + String.join("; ", parts);
    }

    private static String list(Set<String> keys, Map<String, String> names) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (out.size() == MAX_NAMES) { out.add("and " + (keys.size() - MAX_NAMES) + " more"); break; }
            out.add(names.getOrDefault(k, k));
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
