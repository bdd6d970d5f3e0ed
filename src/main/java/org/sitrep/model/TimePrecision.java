package org.sitrep.model;

/** How precisely an event's time is known. UNKNOWN means "we only know when it was reported". */
public enum TimePrecision { EXACT, DAY, WEEK, MONTH, UNKNOWN }
