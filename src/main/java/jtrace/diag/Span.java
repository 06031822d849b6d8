package jtrace.diag;

/** A range of characters in a source text: {@code start} inclusive, {@code end} exclusive. */
public record Span(int start, int end) {
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** The smallest span covering both. */
    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }
}
