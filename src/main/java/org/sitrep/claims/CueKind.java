package org.sitrep.claims;

import org.sitrep.model.Stance;

/**
 * What a cue says about the speaker's position. "said" and "confirmed" assert, "claimed" asserts with
 * the writer keeping their distance, "denied" and "rejected as false" contradict, "claimed
 * responsibility" names the perpetrator as the speaker, "blamed X for" names someone else, and cognition
 * or evaluation verbs ("believes", "supports") attribute a view that is not a report of fact.
 */
public enum CueKind {
    /** said, told, announced, reported, confirmed. */
    ASSERT(Stance.SUPPORTS),
    /** claimed, alleged: the speaker asserts, the writer does not vouch. */
    HEDGED(Stance.SUPPORTS),
    /** according to, citing, по словам, بحسب: the source follows the cue. */
    ACCORDING_TO(Stance.SUPPORTS),
    /** denied, rejected, dismissed as false, refuted, опроверг, نفى. */
    DENY(Stance.DENIES),
    /** claimed responsibility, взяла на себя ответственность, تبنى. */
    CLAIM_RESPONSIBILITY(Stance.SUPPORTS),
    /** denied responsibility or involvement, отрицает причастность, نفى مسؤوليته. */
    DENY_RESPONSIBILITY(Stance.DENIES),
    /** blamed X for, accused X of, обвинил: responsibility assigned to the object. */
    BLAME(Stance.SUPPORTS),
    /** believes, thinks, wants, supports, criticised: an opinion or attitude, not a report of fact. */
    OPINION(Stance.OBSERVES);

    private final Stance stance;

    CueKind(Stance stance) { this.stance = stance; }

    /** The speaker's stance towards what the content describes. */
    public Stance stance() { return stance; }

    /** Whether the cue reports a statement of fact about an event (opinions are not claims). */
    public boolean factual() { return this != OPINION; }
}
