package org.sitrep.ingest;

import org.sitrep.model.Source;

/**
 * Reads one kind of source (a feed, a channel, an account, a file) from where it was left off.
 * Implementations turn the source's own format into {@link org.sitrep.model.Report}s with text only
 * (HTML stripped, media as URLs), record each broken item as an {@link ItemError} and go on with the
 * rest, and never store anything: the caller commits the batch and its cursor together.
 * Implementations are thread-safe; one instance serves every source of its type.
 */
public interface Connector {
    /** The {@link Source#type()} this connector reads, e.g. "rss". */
    String type();

    /**
     * Polls {@code source} after {@code cursor}. Fails as a whole only when the source itself is
     * unusable (unreachable, refused, not the expected format), with the reason in the exception.
     */
    Batch fetch(Source source, Cursor cursor) throws FetchException;
}
