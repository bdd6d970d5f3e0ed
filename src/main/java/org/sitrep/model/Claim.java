package org.sitrep.model;

/**
 * An attributed statement found in a report: who said it, with what cue, what they said, and its
 * stance towards the event. Offsets are char offsets into {@link Report#fullText()}, -1 when unknown.
 *
 * @param claimant      the speaker (person, title, organisation, outlet) as written
 * @param cue           "said", "according to", "denied", ...
 * @param content       the attributed content
 * @param stance        towards the event's key claim
 * @param responsibility whom the statement holds responsible for the attack, or null
 * @param via           nested attribution: the outlet or speaker that relayed the claimant, or null
 */
public record Claim(String id, String reportId, String claimant, String cue, String content, Stance stance,
                    String responsibility, String via, int contentStart, int contentEnd, double confidence) {}
