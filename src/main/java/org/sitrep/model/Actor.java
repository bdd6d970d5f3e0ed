package org.sitrep.model;

/**
 * A party to an event.
 *
 * @param name  as the report names it, normalised ("Russian forces", "Hayat Tahrir al-Sham")
 * @param kind  state_forces, rebel_group, militia, police, protesters, civilians, outlet, official, other
 * @param side  a deployment-defined side used for map colours (e.g. "ru", "ua", "sy-gov", "sy-opp"), or "unknown"
 * @param role  actor1 (who did it), actor2 (against whom), or mentioned
 */
public record Actor(String name, String kind, String side, String role) {}
