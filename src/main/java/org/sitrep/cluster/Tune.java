package org.sitrep.cluster;

/** TEMPORARY: weights read from system properties while they are chosen on odd topics. */
final class Tune {
    private Tune() {}
    static double d(String k, double def) {
        String v = System.getProperty("cl." + k);
        return v == null ? def : Double.parseDouble(v);
    }
}
