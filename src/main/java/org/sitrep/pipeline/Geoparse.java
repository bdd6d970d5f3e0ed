package org.sitrep.pipeline;

import java.util.List;
import org.sitrep.model.EventLocation;
import org.sitrep.model.Mention;

/**
 * Output of the geoparser: every place mention in the report, and the one chosen as the place where
 * the reported incident happened (null when the report names none, so the event stays unlocated).
 */
public record Geoparse(List<Mention> mentions, EventLocation eventLocation) {
    public static final Geoparse NONE = new Geoparse(List.of(), null);

    public Geoparse {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }
}
