package org.sitrep.ingest;

/**
 * HTTP cache validators of the last successful fetch, sent back as If-None-Match and
 * If-Modified-Since so an unchanged feed costs the server a 304 and us nothing. Either may be null.
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() { return etag == null && lastModified == null; }
}
