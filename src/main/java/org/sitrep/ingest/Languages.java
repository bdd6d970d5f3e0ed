package org.sitrep.ingest;

import java.util.Locale;

/** Language tags as sources write them ("en-US", "ru_RU", "uk") reduced to ISO 639-1. */
final class Languages {
    private Languages() {}

    static String iso639(String tag, String fallback) {
        if (tag == null || tag.isBlank()) return fallback;
        String t = tag.strip().toLowerCase(Locale.ROOT);
        int cut = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
        if (cut > 0) t = t.substring(0, cut);
        return t.matches("[a-z]{2}") ? t : fallback;
    }
}
