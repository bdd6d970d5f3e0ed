package org.sitrep.ingest;

import java.util.List;
import org.sitrep.model.Report;

/**
 * What one poll of a source produced. Immutable.
 *
 * @param reports the new items, oldest first where the source says
 * @param next    the cursor to store together with these reports
 * @param errors  per-item diagnostics (skipped or repaired items)
 * @param more    true when the source has more waiting right now (a page limit was hit), so the
 *                scheduler polls it again at once instead of after its interval
 */
public record Batch(List<Report> reports, Cursor next, List<ItemError> errors, boolean more) {
    public Batch {
        reports = List.copyOf(reports);
        errors = List.copyOf(errors);
        if (next == null) throw new IllegalArgumentException("next cursor is required");
    }

    /** Nothing new (for example a 304 Not Modified): the cursor stays as it was. */
    public static Batch unchanged(Cursor cursor) { return new Batch(List.of(), cursor, List.of(), false); }
}
