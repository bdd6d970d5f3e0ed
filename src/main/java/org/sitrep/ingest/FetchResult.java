package org.sitrep.ingest;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;

/**
 * What a fetch returned: the final URI after redirects, the body (null when the server answered 304
 * Not Modified), the detected charset and the new validators. Immutable apart from the body array,
 * which callers must not modify.
 */
public record FetchResult(URI finalUri, int status, byte[] body, String contentType, Charset charset,
                          Validators validators, Instant fetchedAt) {

    public boolean notModified() { return status == 304; }

    /** The body decoded with the detected charset (BOM removed); empty when not modified. */
    public String text() {
        if (body == null) return "";
        return Charsets.decode(body, charset);
    }
}
