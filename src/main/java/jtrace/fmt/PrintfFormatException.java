package jtrace.fmt;

/** A printf-style format string that cannot be used with the given arguments; the message is bpftrace's. */
public final class PrintfFormatException extends RuntimeException {
    public PrintfFormatException(String message) {
        super(message, null, false, false);
    }
}
