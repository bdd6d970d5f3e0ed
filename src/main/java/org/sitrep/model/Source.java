package org.sitrep.model;

import java.time.Duration;
import java.util.Objects;

/**
 * Where reports come from: a feed, a channel, an account, a file or a push client.
 *
 * @param id          stable id, e.g. {@code "rss:aljazeera"}; also the name reports refer to
 * @param name        display name
 * @param type        connector type: rss, web, telegram, mastodon, bluesky, file, push
 * @param url         feed URL, channel handle or account; may be null for push/file sources
 * @param language    ISO 639-1 language hint or null
 * @param countryPrior ISO 3166-1 alpha-2 country the source mostly reports on (a geographic prior), or null
 * @param reliability Admiralty source reliability grade A-F; F means "cannot be judged"
 * @param pollInterval how often a polled source is fetched; null for push/file sources
 * @param paused      whether polling is paused
 */
public record Source(String id, String name, String type, String url, String language, String countryPrior,
                     char reliability, Duration pollInterval, boolean paused) {
    public Source {
        Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) name = id;
        if (type == null || type.isBlank()) type = "push";
        if ("ABCDEF".indexOf(reliability) < 0) throw new IllegalArgumentException("reliability must be A-F: " + reliability);
    }

    /** A source known only by name (for example from a pushed report): type push, reliability F. */
    public static Source named(String id) {
        return new Source(id, id, "push", null, null, null, 'F', null, false);
    }
}
