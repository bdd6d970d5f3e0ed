package org.sitrep.pipeline;

import org.sitrep.model.EventState;

/** Admiralty information credibility (1 confirmed .. 6 cannot be judged), automatic state, and why. */
public record Grade(int credibility, EventState state, String reason) {}
