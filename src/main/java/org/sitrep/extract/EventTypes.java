package org.sitrep.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type vocabulary of the extractor: ACLED's 6 event types and 25 sub-event types (ACLED's own
 * strings, keyed by the CASE 2021 short codes), and three kinds ACLED does not code but analysts need.
 *
 * <pre>
 * type                                 sub-types
 * Not a conflict event                 Sport | Weather/disaster | Economy | Other news
 * Diplomatic/political statement       Statement
 * Claim/denial of responsibility       Claim of responsibility | Denial of responsibility
 * </pre>
 *
 * When nothing at all points to a kind of event the type is {@link org.sitrep.model.Event#UNCLASSIFIED}.
 */
public final class EventTypes {
    private EventTypes() {}

    public static final String BATTLES = "Battles";
    public static final String EXPLOSIONS = "Explosions/Remote violence";
    public static final String VAC = "Violence against civilians";
    public static final String PROTESTS = "Protests";
    public static final String RIOTS = "Riots";
    public static final String STRATEGIC = "Strategic developments";

    public static final String NOT_CONFLICT = "Not a conflict event";
    public static final String STATEMENT = "Diplomatic/political statement";
    public static final String RESPONSIBILITY = "Claim/denial of responsibility";

    public static final String SPORT = "Sport";
    public static final String WEATHER = "Weather/disaster";
    public static final String ECONOMY = "Economy";
    public static final String OTHER_NEWS = "Other news";
    public static final String STATEMENT_SUB = "Statement";
    public static final String CLAIM_SUB = "Claim of responsibility";
    public static final String DENIAL_SUB = "Denial of responsibility";

    /** An ACLED sub-event type with its parent type. */
    public record SubType(String code, String type, String name) {}

    private static final Map<String, SubType> BY_CODE = new LinkedHashMap<>();

    private static void add(String code, String type, String name) {
        BY_CODE.put(code, new SubType(code, type, name));
    }

    static {
        add("ARMED_CLASH", BATTLES, "Armed clash");
        add("GOV_REGAINS_TERIT", BATTLES, "Government regains territory");
        add("NON_STATE_ACTOR_OVERTAKES_TER", BATTLES, "Non-state actor overtakes territory");
        add("CHEM_WEAP", EXPLOSIONS, "Chemical weapon");
        add("AIR_STRIKE", EXPLOSIONS, "Air/drone strike");
        add("SUIC_BOMB", EXPLOSIONS, "Suicide bomb");
        add("ART_MISS_ATTACK", EXPLOSIONS, "Shelling/artillery/missile attack");
        add("REM_EXPLOS", EXPLOSIONS, "Remote explosive/landmine/IED");
        add("GRENADE", EXPLOSIONS, "Grenade");
        add("SEX_VIOL", VAC, "Sexual violence");
        add("ATTACK", VAC, "Attack");
        add("ABDUCT_DISSAP", VAC, "Abduction/forced disappearance");
        add("PEACE_PROTEST", PROTESTS, "Peaceful protest");
        add("PROTEST_WITH_INTER", PROTESTS, "Protest with intervention");
        add("FORCE_AGAINST_PROTEST", PROTESTS, "Excessive force against protesters");
        add("VIOL_DEMONSTR", RIOTS, "Violent demonstration");
        add("MOB_VIOL", RIOTS, "Mob violence");
        add("AGREEMENT", STRATEGIC, "Agreement");
        add("ARREST", STRATEGIC, "Arrests");
        add("CHANGE_TO_GROUP_ACT", STRATEGIC, "Change to group/activity");
        add("DISR_WEAP", STRATEGIC, "Disrupted weapons use");
        add("HQ_ESTABLISHED", STRATEGIC, "Headquarters or base established");
        add("PROPERTY_DISTRUCT", STRATEGIC, "Looting/property destruction");
        add("NON_VIOL_TERRIT_TRANSFER", STRATEGIC, "Non-violent transfer of territory");
        add("OTHER", STRATEGIC, "Other");
    }

    /** The 25 ACLED sub-types in codebook order. */
    public static List<SubType> acled() { return List.copyOf(BY_CODE.values()); }

    /** The sub-type for a CASE 2021 code, or null. */
    public static SubType byCode(String code) { return BY_CODE.get(code); }

    /** The sub-type with this ACLED name ("Air/drone strike"), or null. */
    public static SubType byName(String name) {
        for (SubType s : BY_CODE.values()) if (s.name().equals(name)) return s;
        return null;
    }
}
