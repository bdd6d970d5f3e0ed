package org.sitrep.pipeline;

import java.util.List;

/**
 * Where a report goes: into an existing event ({@code eventId} set) or a new one (null), with the
 * score and the reasons, so the event view can say why two reports are one event.
 *
 * @param copyOfReportId set when the report is a copy (repost, syndicated wire, near-identical text)
 *                       of an earlier report; copies do not count as independent sources
 */
public record ClusterDecision(String eventId, double score, List<String> reasons, String copyOfReportId) {
    public ClusterDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public static ClusterDecision newEvent(String reason) {
        return new ClusterDecision(null, 0, List.of(reason), null);
    }

    public boolean joinsExisting() { return eventId != null; }
}
