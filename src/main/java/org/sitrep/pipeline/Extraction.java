package org.sitrep.pipeline;

import java.util.List;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.Fatalities;
import org.sitrep.model.TimeWindow;

/**
 * Output of event extraction for one report: what happened (ACLED type and sub-type, or
 * "Unclassified"), the words that triggered that decision, who, how many, by what means, when, where.
 *
 * @param location the event location (normally the geoparser's choice), or null when unlocated
 * @param confidence 0..1 for the type decision
 */
public record Extraction(String type, String subType, List<String> triggers, List<Actor> actors,
                         Fatalities fatalities, List<String> means, TimeWindow time, EventLocation location,
                         double confidence) {
    public Extraction {
        type = type == null ? Event.UNCLASSIFIED : type;
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        actors = actors == null ? List.of() : List.copyOf(actors);
        means = means == null ? List.of() : List.copyOf(means);
        fatalities = fatalities == null ? Fatalities.UNKNOWN : fatalities;
    }
}
