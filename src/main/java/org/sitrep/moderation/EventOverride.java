package org.sitrep.moderation;

import java.util.List;
import org.sitrep.model.Actor;
import org.sitrep.model.Event;
import org.sitrep.model.EventLocation;
import org.sitrep.model.EventState;
import org.sitrep.model.TimeWindow;

/**
 * What analysts decided about one event, re-applied every time the event is re-assembled from its
 * reports, so a later report joining the event cannot undo a verification, a moved pin or a changed
 * type. Null fields leave the automatic value. Immutable.
 *
 * @param typeSet whether {@code type}/{@code subType} are overridden (subType may be null on purpose)
 */
public record EventOverride(EventState state, EventLocation location, String type, String subType, boolean typeSet,
                            TimeWindow time, List<Actor> actors) {
    public static final EventOverride NONE = new EventOverride(null, null, null, null, false, null, null);

    public EventOverride withState(EventState s) { return new EventOverride(s, location, type, subType, typeSet, time, actors); }

    public EventOverride withLocation(EventLocation l) { return new EventOverride(state, l, type, subType, typeSet, time, actors); }

    public EventOverride withType(String t, String sub) { return new EventOverride(state, location, t, sub, true, time, actors); }

    public EventOverride withTime(TimeWindow t) { return new EventOverride(state, location, type, subType, typeSet, t, actors); }

    public EventOverride withActors(List<Actor> a) { return new EventOverride(state, location, type, subType, typeSet, time, a == null ? null : List.copyOf(a)); }

    /** The event with the analysts' values in place of the automatic ones (same id and version). */
    public Event applyTo(Event e) {
        return new Event(e.id(), e.title(), e.summary(), location != null ? location : e.location(), time != null ? time : e.time(),
                typeSet ? type : e.type(), typeSet ? subType : e.subType(), actors != null ? actors : e.actors(), e.fatalities(),
                e.reportIds(), e.claims(), state != null ? state : e.state(), e.sourceCount(), e.credibility(), e.gradeReason(),
                e.firstSeen(), e.updatedAt(), e.version());
    }
}
