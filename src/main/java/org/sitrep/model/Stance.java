package org.sitrep.model;

import java.util.Locale;

/** A report's stance towards a claim (Emergent: for / against / observing). */
public enum Stance {
    SUPPORTS, DENIES, OBSERVES;

    public String wire() { return name().toLowerCase(Locale.ROOT); }
}
