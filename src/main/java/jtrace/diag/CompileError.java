package jtrace.diag;

/** A parse or semantic error in the user's program, with the range of source it is about. */
public final class CompileError extends RuntimeException {
    private final Span span;

    public CompileError(Span span, String message) {
        super(message, null, false, false);
        this.span = span;
    }

    public Span span() { return span; }
}
