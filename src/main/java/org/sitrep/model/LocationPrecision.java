package org.sitrep.model;

/** How precisely an event's location is known, from a named site down to only the country. */
public enum LocationPrecision { EXACT, DISTRICT, PROVINCE, COUNTRY }
