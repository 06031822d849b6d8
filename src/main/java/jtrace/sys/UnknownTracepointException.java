package jtrace.sys;

/** The tracepoint does not exist in this kernel. */
public final class UnknownTracepointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownTracepointException(String category, String event) {
        super("tracepoint not found: " + category + ":" + event);
    }
}
