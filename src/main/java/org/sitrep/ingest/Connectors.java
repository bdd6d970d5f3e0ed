package org.sitrep.ingest;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sitrep.ingest.bluesky.BlueskyConnector;
import org.sitrep.ingest.feed.FeedConnector;
import org.sitrep.ingest.file.FileConnector;
import org.sitrep.ingest.mastodon.MastodonConnector;
import org.sitrep.ingest.telegram.TelegramConnector;
import org.sitrep.ingest.web.WebPageConnector;

/**
 * The connectors by source type. Adding a connector is one class and one line in {@link #standard}.
 * Immutable; thread-safe.
 */
public final class Connectors {
    private final Map<String, Connector> byType;

    public Connectors(Collection<? extends Connector> connectors) {
        Map<String, Connector> m = new LinkedHashMap<>();
        for (Connector c : connectors) {
            if (m.put(c.type(), c) != null) throw new IllegalArgumentException("two connectors for type " + c.type());
        }
        byType = Map.copyOf(m);
    }

    /** Every built-in connector sharing one fetcher (and so one set of limits and host slots). */
    public static Connectors standard(SafeFetcher fetcher, Clock clock) {
        FeedConnector feed = new FeedConnector(fetcher);
        Connectors base = new Connectors(java.util.List.of(
                feed,
                new WebPageConnector(fetcher),
                new TelegramConnector(fetcher),
                new MastodonConnector(fetcher),
                new BlueskyConnector(fetcher),
                new FileConnector(clock)));
        Map<String, Connector> m = new LinkedHashMap<>(base.byType);
        m.put("atom", feed); // "atom" reads as "rss": Rome handles both
        return new Connectors(m);
    }

    private Connectors(Map<String, Connector> m) { byType = Map.copyOf(m); }

    public Optional<Connector> forType(String type) { return Optional.ofNullable(byType.get(type)); }

    public java.util.Set<String> types() { return byType.keySet(); }
}
