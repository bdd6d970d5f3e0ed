package org.sitrep.ingest.mastodon;

/**
 * Which node streams a source when several Sitrep nodes share one database: a node opens a source's
 * stream only while it holds that source's claim, so N nodes do not open N identical connections to
 * the same Mastodon server (which also counts against its rate limits). The poll is unaffected.
 */
public interface StreamClaims extends AutoCloseable {
    /** One node alone: every source is this node's to stream. */
    StreamClaims LOCAL = new StreamClaims() {
        @Override public boolean claim(String sourceId) { return true; }
        @Override public void release(String sourceId) {}
        @Override public void close() {}
    };

    /**
     * Takes or confirms this node's claim on a source; asked again for running streams at every rescan,
     * so a claim lost with a dropped database connection stops the stream here if another node took it.
     *
     * @return whether this node may stream the source now
     */
    boolean claim(String sourceId);

    /** Gives up the claim (the stream stopped), so another node may take the source. */
    void release(String sourceId);

    /** Gives up every claim. */
    @Override void close();
}
