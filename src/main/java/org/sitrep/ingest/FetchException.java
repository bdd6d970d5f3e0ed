package org.sitrep.ingest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A fetch that did not produce a usable body, with the reason a source's health record shows.
 * {@link #retryAfter()} carries a server's Retry-After (429/503) so the scheduler can honour it.
 */
public final class FetchException extends IOException {
    /** Why a fetch failed; stable names, shown in source health. */
    public enum Reason {
        BAD_URL, BLOCKED_ADDRESS, DNS, CONNECT, TIMEOUT, TOO_LARGE, TOO_MANY_REDIRECTS, HTTP_STATUS, BAD_CONTENT, IO, INTERRUPTED
    }

    private final Reason reason;
    private final URI uri;
    private final int status;
    private final transient Duration retryAfter;

    public FetchException(Reason reason, URI uri, String message) {
        this(reason, uri, 0, null, message, null);
    }

    public FetchException(Reason reason, URI uri, int status, Duration retryAfter, String message, Throwable cause) {
        super(reason + (uri == null ? "" : " " + uri) + ": " + message, cause);
        this.reason = reason;
        this.uri = uri;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Reason reason() { return reason; }

    public URI uri() { return uri; }

    /** HTTP status for {@link Reason#HTTP_STATUS}, else 0. */
    public int status() { return status; }

    /** Server-requested wait, or null. */
    public Duration retryAfter() { return retryAfter; }
}
