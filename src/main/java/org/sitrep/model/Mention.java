package org.sitrep.model;

/**
 * A span of a report's text resolved to a place. Offsets are UTF-16 char offsets into
 * {@link Report#fullText()}, end exclusive.
 *
 * @param adminPath  human-readable admin path, e.g. "Syria > Idlib > Saraqib"
 * @param confidence 0..1
 */
public record Mention(int start, int end, String text, Place place, String adminPath, double confidence) {}
