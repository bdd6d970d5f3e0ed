package org.sitrep.model;

import java.util.Locale;

/**
 * Verification state shown on the map. PENDING and CORROBORATED are set automatically
 * (corroborated: at least two independent sources); VERIFIED, DISPUTED and REJECTED by analysts,
 * except that independent supporting and denying claims also make an event DISPUTED.
 */
public enum EventState {
    PENDING, CORROBORATED, VERIFIED, DISPUTED, REJECTED;

    public String wire() { return name().toLowerCase(Locale.ROOT); }

    public static EventState parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown state '" + s + "'; expected one of pending, corroborated, verified, disputed, rejected");
        }
    }
}
