package org.sitrep.store;

import java.time.Instant;
import java.util.Set;
import org.sitrep.model.EventState;

/**
 * Filters for events. All fields optional (null or empty = no filter). Time filters select events
 * whose time window overlaps [from, to). {@code cursor} continues a previous page.
 */
public record EventQuery(BoundingBox bbox, Instant from, Instant to, Set<String> types, String text,
                         Set<EventState> states, Boolean located, int limit, String cursor) {
    public EventQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
        states = states == null ? Set.of() : Set.copyOf(states);
        if (limit <= 0) limit = 100;
    }

    public static EventQuery all(int limit) {
        return new EventQuery(null, null, null, null, null, null, null, limit, null);
    }

    public EventQuery withCursor(String c) {
        return new EventQuery(bbox, from, to, types, text, states, located, limit, c);
    }
}
