package org.sitrep.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An event's claims grouped for the event detail: what each side says, side by side, with the speaker
 * and the outlet that carried it. Statements about who is responsible are kept apart from statements
 * about whether the event happened: "Kyiv denies involvement" does not deny the explosion. Immutable.
 *
 * @param supporting     claims that the event happened as reported
 * @param denying        claims that it did not, or that reports of it are false
 * @param observing      statements that mention the event without taking a position
 * @param responsibility claims and denials of responsibility ("X claimed responsibility", "Y blamed Z")
 */
public record ClaimSides(List<Entry> supporting, List<Entry> denying, List<Entry> observing, List<Entry> responsibility) {
    public ClaimSides {
        supporting = List.copyOf(supporting);
        denying = List.copyOf(denying);
        observing = List.copyOf(observing);
        responsibility = List.copyOf(responsibility);
    }

    /** One claim with the source (outlet) of the report it was found in; sourceId null when unknown. */
    public record Entry(Claim claim, String sourceId) {}

    /**
     * Groups claims, most confident first.
     *
     * @param sourceOfReport report id -> source id, to show which outlet carried each claim (may be empty)
     */
    public static ClaimSides of(List<Claim> claims, Map<String, String> sourceOfReport) {
        List<Entry> sup = new ArrayList<>(), den = new ArrayList<>(), obs = new ArrayList<>(), resp = new ArrayList<>();
        for (Claim c : claims) {
            Entry e = new Entry(c, c.reportId() == null ? null : sourceOfReport.get(c.reportId()));
            if (c.responsibility() != null) resp.add(e);
            else if (c.stance() == Stance.DENIES) den.add(e);
            else if (c.stance() == Stance.SUPPORTS) sup.add(e);
            else obs.add(e);
        }
        Comparator<Entry> order = Comparator.comparingDouble((Entry e) -> -e.claim().confidence());
        sup.sort(order);
        den.sort(order);
        obs.sort(order);
        resp.sort(order);
        return new ClaimSides(sup, den, obs, resp);
    }

    /** Distinct speakers (by {@link #partyKey}) on one side. */
    public static Set<String> parties(List<Entry> side) {
        Set<String> out = new LinkedHashSet<>();
        for (Entry e : side) out.add(partyKey(e.claim().claimant()));
        return out;
    }

    /** Both sides have speakers, and some denier is not also a supporter. */
    public boolean disputed() {
        Set<String> s = parties(supporting), d = parties(denying);
        if (s.isEmpty() || d.isEmpty()) return false;
        return !s.containsAll(d);
    }

    /**
     * A comparable key for a speaker as written: lower case, without a leading article, edge punctuation and a
     * trailing time ({@link #partyName}), so "The Ministry of Defence," and "the ministry of defence on Monday" are
     * one party.
     */
    public static String partyKey(String claimant) {
        if (claimant == null) return "";
        String k = partyName(claimant).toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}“”«»‘’]+", " ").replaceAll("\\s+", " ").trim();
        return k.replaceFirst("^(?:the|a|an) ", "");
    }

    /** When a speaker spoke, written after its name ("Turkey's foreign ministry on Saturday", "the army late on Friday"). */
    private static final java.util.regex.Pattern TRAILING_TIME = java.util.regex.Pattern.compile(
            "(?i)[\\s,]+(?:(?:(?:late|early)\\s+)?(?:on|last|this)\\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\\s+(?:morning|afternoon|evening|night))?"
                    + "|yesterday|(?:this|last)\\s+(?:morning|afternoon|evening|night|week|month))$");

    /** A speaker's name without the time it spoke written after it: "Turkey's foreign ministry on Saturday" is "Turkey's foreign ministry". */
    public static String partyName(String claimant) {
        if (claimant == null) return null;
        String n = claimant.strip();
        String cut = TRAILING_TIME.matcher(n).replaceFirst("");
        return cut.isBlank() ? n : cut;
    }
}
