package org.sitrep.ingest;

/**
 * Where a source was left off: a connector-specific position (the newest post id, a since_id, a
 * timestamp, a file offset) and the HTTP validators of the last fetch. Persisted with the items it
 * covers in one transaction, so a restart resumes exactly after what was stored. Immutable.
 *
 * @param position  opaque to everyone but the connector that wrote it; null at the start
 * @param validators ETag / Last-Modified of the last successful fetch
 */
public record Cursor(String position, Validators validators) {
    public static final Cursor START = new Cursor(null, Validators.NONE);

    public Cursor {
        if (validators == null) validators = Validators.NONE;
    }
}
