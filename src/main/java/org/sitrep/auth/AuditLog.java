package org.sitrep.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail: every write through the API or the CLI, with who, when, what, and the state before
 * and after. Append-only. Implementations are thread-safe.
 */
public interface AuditLog {
    /**
     * @param actor  {@code user:NAME}, {@code key:ID}, {@code anonymous} or {@code cli}
     * @param action dotted verb, e.g. {@code event.state}, {@code user.add}, {@code report.submit}
     * @param target what was changed, e.g. {@code event:e01...}; may be null
     */
    record Entry(long seq, Instant at, String actor, String address, String action, String target, JsonNode before, JsonNode after) {}

    /** Appends an entry (joins the caller's transaction when the store has one) and returns its sequence number. */
    long record(Entry entry);

    /** Entries newest first, optionally for one target, with {@code seq < beforeSeq} when beforeSeq > 0. */
    List<Entry> entries(String target, long beforeSeq, int limit);
}
