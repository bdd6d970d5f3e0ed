package org.sitrep.claims;

/** A half-open character range [start, end) into a text (for reports: {@code Report.fullText()}). */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
    }

    public int length() { return end - start; }

    public boolean overlaps(Span o) { return start < o.end && o.start < end; }

    public boolean contains(Span o) { return start <= o.start && o.end <= end; }

    public String text(String s) { return s.substring(start, end); }
}
