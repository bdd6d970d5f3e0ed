package org.sitrep.auth;

import java.util.Locale;

/**
 * What an account or key may do. Ordered: each role may do everything the ones before it may.
 * Viewer reads (also when public read is off); analyst moderates events and manages alerts; admin
 * manages users, keys, sources and settings.
 */
public enum Role {
    VIEWER, ANALYST, ADMIN;

    public boolean atLeast(Role other) { return ordinal() >= other.ordinal(); }

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static Role parse(String s) {
        if (s == null) throw new IllegalArgumentException("role is missing; expected viewer, analyst or admin");
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + s + "'; expected viewer, analyst or admin");
        }
    }
}
