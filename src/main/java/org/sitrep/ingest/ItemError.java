package org.sitrep.ingest;

/**
 * A diagnostic about one item of a source: where it was (entry number, post id, line) and why it was
 * skipped or repaired. A broken item never stops the rest of the batch.
 *
 * @param position where in the source, e.g. "entry 3", "post 1234", "line 17"
 * @param reason   what was wrong, in words an operator can act on
 * @param skipped  true when the item was left out; false when it went in with something dropped
 */
public record ItemError(String position, String reason, boolean skipped) {
    public static ItemError skipped(String position, String reason) { return new ItemError(position, reason, true); }

    public static ItemError repaired(String position, String reason) { return new ItemError(position, reason, false); }
}
