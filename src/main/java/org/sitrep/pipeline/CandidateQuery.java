package org.sitrep.pipeline;

import java.time.Instant;
import org.sitrep.model.GeoPoint;

/**
 * Which existing events a clusterer wants to see for one report: those whose time window overlaps
 * [from, to), and, when {@code near} is set, those within {@code radiusKm} of it or unlocated.
 */
public record CandidateQuery(Instant from, Instant to, GeoPoint near, double radiusKm, int limit) {}
