package org.sitrep.pipeline;

import java.util.Set;

/**
 * What analysts decided about one report, which automatic clustering must respect afterwards.
 * After a split ("report R is not part of event E") the store passes E in {@code mustNotJoin} every
 * time R (or a re-analysed version of R) is clustered again; after a manual move or merge ("these
 * reports belong together") it passes the event R was put in as {@code mustJoin}.
 *
 * @param mustJoin    the event an analyst put this report in, or null
 * @param mustNotJoin events an analyst took this report out of (never null)
 */
public record AnalystConstraints(String mustJoin, Set<String> mustNotJoin) {
    public static final AnalystConstraints NONE = new AnalystConstraints(null, Set.of());

    public AnalystConstraints {
        mustNotJoin = mustNotJoin == null ? Set.of() : Set.copyOf(mustNotJoin);
        if (mustJoin != null && mustNotJoin.contains(mustJoin)) {
            throw new IllegalArgumentException("event " + mustJoin + " is both required and forbidden");
        }
    }

    public boolean isEmpty() { return mustJoin == null && mustNotJoin.isEmpty(); }
}
