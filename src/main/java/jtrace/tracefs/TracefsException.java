package jtrace.tracefs;

/** tracefs could not be read or held something unexpected. */
public class TracefsException extends RuntimeException {
    public TracefsException(String message) {
        super(message, null, false, false);
    }
}
