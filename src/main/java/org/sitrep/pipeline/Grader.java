package org.sitrep.pipeline;

import java.util.List;
import java.util.Map;
import org.sitrep.model.Event;
import org.sitrep.model.Source;

/** Stage 6: grades an assembled event from its members and their sources. Pure, thread-safe. */
public interface Grader {
    Grade grade(Event draft, List<EventMember> members, Map<String, Source> sources);
}
