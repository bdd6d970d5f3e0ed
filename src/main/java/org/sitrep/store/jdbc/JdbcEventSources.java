package org.sitrep.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.export.EventSources;

/** Source ids per event from the reports table. Thread-safe. */
public final class JdbcEventSources implements EventSources {
    private final Jdbc db;

    public JdbcEventSources(Jdbc db) { this.db = db; }

    @Override
    public Map<String, List<String>> sourceIds(Collection<String> eventIds) {
        Map<String, List<String>> out = new HashMap<>();
        if (eventIds.isEmpty()) return out;
        List<String> ids = new ArrayList<>(eventIds);
        return db.read(c -> {
            // SQLite allows 32766 parameters; pages are at most 1000 events.
            for (int from = 0; from < ids.size(); from += 900) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 900));
                String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT event_id, source_id FROM reports WHERE event_id IN (" + marks
                        + ") ORDER BY event_id, source_id")) {
                    for (int i = 0; i < part.size(); i++) ps.setString(i + 1, part.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }
}
