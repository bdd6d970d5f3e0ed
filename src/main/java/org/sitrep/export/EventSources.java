package org.sitrep.export;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The source ids of many events' reports at once, for exports (one query per page, not one per event). Thread-safe. */
public interface EventSources {
    Map<String, List<String>> sourceIds(Collection<String> eventIds);
}
