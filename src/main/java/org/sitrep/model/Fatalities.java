package org.sitrep.model;

/**
 * Casualty counts as a range over the reports (min..max), with the phrase they came from.
 * A report that states one number gives min == max. Null fields mean "not stated".
 */
public record Fatalities(Integer killedMin, Integer killedMax, Integer injuredMin, Integer injuredMax, String phrase) {
    public static final Fatalities UNKNOWN = new Fatalities(null, null, null, null, null);

    public static Fatalities killed(int n, String phrase) { return new Fatalities(n, n, null, null, phrase); }

    public Fatalities merge(Fatalities o) {
        return new Fatalities(min(killedMin, o.killedMin), max(killedMax, o.killedMax),
                min(injuredMin, o.injuredMin), max(injuredMax, o.injuredMax), phrase != null ? phrase : o.phrase);
    }

    // Explicit branches: a mixed Integer/int conditional expression would unbox a null.
    private static Integer min(Integer a, Integer b) {
        if (a == null) return b;
        if (b == null) return a;
        return Integer.valueOf(Math.min(a, b));
    }

    private static Integer max(Integer a, Integer b) {
        if (a == null) return b;
        if (b == null) return a;
        return Integer.valueOf(Math.max(a, b));
    }
}
