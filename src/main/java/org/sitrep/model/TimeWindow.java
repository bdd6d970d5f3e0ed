package org.sitrep.model;

import java.time.Instant;
import java.util.Objects;

/** The interval in which an event happened (UTC, start inclusive, end exclusive), with its precision. */
public record TimeWindow(Instant start, Instant end, TimePrecision precision) {
    public TimeWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(precision, "precision");
        if (end.isBefore(start)) throw new IllegalArgumentException("time window ends before it starts");
    }

    public static TimeWindow at(Instant t, TimePrecision precision) { return new TimeWindow(t, t, precision); }

    public TimeWindow union(TimeWindow o) {
        Instant s = start.isBefore(o.start) ? start : o.start;
        Instant e = end.isAfter(o.end) ? end : o.end;
        TimePrecision p = precision.ordinal() <= o.precision.ordinal() ? precision : o.precision;
        return new TimeWindow(s, e, p);
    }
}
