package jtrace.sys;

/** A failed system call: which operation, and the errno it failed with. */
public class SysException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errno;

    /** @param operation what was called, e.g. {@code bpf(BPF_MAP_CREATE)} */
    public SysException(String operation, int errno) {
        super(operation + " failed: " + Errno.describe(errno) + " (" + Errno.name(errno) + ")");
        this.operation = operation;
        this.errno = errno;
    }

    /** For subclasses that know better what went wrong: {@code message} replaces the generic one. */
    protected SysException(String operation, int errno, String message) {
        super(message);
        this.operation = operation;
        this.errno = errno;
    }

    public String operation() {
        return operation;
    }

    public int errno() {
        return errno;
    }

    public String errnoName() {
        return Errno.name(errno);
    }

    /** A message for the user explaining the likely cause, or the plain message if there is no better one. */
    public String userMessage() {
        return KernelErrors.explain(this);
    }
}
