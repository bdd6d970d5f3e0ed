package org.sitrep.cluster;

import java.time.Duration;

/**
 * Settings of the online clusterer, with defaults that work for a conflict feed of news wires,
 * channels and posts. Weights are additive score parts; a report joins the best event whose score
 * reaches {@code joinThreshold}.
 *
 * @param joinThreshold   minimum score to join an existing event
 * @param copyJaccard     shingle Jaccard at which a report is a copy of an earlier one
 * @param before          how far before a report's time candidate events may lie
 * @param after           how far after (a report can describe an event first reported later)
 * @param siteRadiusKm    candidate and same-place radius for town- or site-level locations
 * @param provinceRadiusKm candidate radius for province-level locations
 * @param candidateLimit  most candidate events asked for per report
 * @param profileMembers  most member reports per event read for its centroid and copy check (the
 *                        oldest 8 and the newest are kept)
 * @param vocabularyLimit most distinct words kept for document frequencies
 * @param cacheSize       report and event profiles kept between calls
 * @param textCandidates  most events added to the candidates by text search, wherever they are
 *                        located (0 turns the search off)
 */
public record ClusterConfig(double joinThreshold, double copyJaccard, Duration before, Duration after,
                            double siteRadiusKm, double provinceRadiusKm, int candidateLimit, int profileMembers,
                            int vocabularyLimit, int cacheSize, int textCandidates) {
    public static final ClusterConfig DEFAULTS = new ClusterConfig(0.30, 0.6, Duration.ofDays(3), Duration.ofDays(1),
            30, 150, 100, 64, 2_000_000, 50_000, 20);

    public ClusterConfig {
        if (joinThreshold <= 0) throw new IllegalArgumentException("joinThreshold must be > 0");
        if (copyJaccard <= 0 || copyJaccard > 1) throw new IllegalArgumentException("copyJaccard must be in (0, 1]");
        if (before.isNegative() || after.isNegative()) throw new IllegalArgumentException("windows must not be negative");
        if (textCandidates < 0) throw new IllegalArgumentException("textCandidates must not be negative");
        if (candidateLimit < 1 || profileMembers < 16 || vocabularyLimit < 1 || cacheSize < 1) {
            throw new IllegalArgumentException("limits must be positive (profileMembers at least 16)");
        }
    }

    public ClusterConfig withJoinThreshold(double t) {
        return new ClusterConfig(t, copyJaccard, before, after, siteRadiusKm, provinceRadiusKm, candidateLimit,
                profileMembers, vocabularyLimit, cacheSize, textCandidates);
    }

    public ClusterConfig withTextCandidates(int n) {
        return new ClusterConfig(joinThreshold, copyJaccard, before, after, siteRadiusKm, provinceRadiusKm, candidateLimit,
                profileMembers, vocabularyLimit, cacheSize, n);
    }
}
