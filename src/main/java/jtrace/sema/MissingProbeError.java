package jtrace.sema;

/**
 * A probe that cannot be attached under {@code missing_probes=error}, or a program left with no
 * probe at all: bpftrace reports these while attaching, so the text names no source location.
 */
public final class MissingProbeError extends RuntimeException {
    private final boolean toStdout;

    /** {@code text}: the whole message, lines ending in newlines, printed as is to stderr. */
    public MissingProbeError(String text) {
        this(text, false);
    }

    private MissingProbeError(String text, boolean toStdout) {
        super(text, null, false, false);
        this.toStdout = toStdout;
    }

    /** Every attach point was a wildcard matching nothing: bpftrace says so on stdout and fails. */
    public static MissingProbeError noProbes() {
        return new MissingProbeError("No probes to attach\n", true);
    }

    /** Whether bpftrace prints this on stdout (it prints "No probes to attach" there). */
    public boolean toStdout() { return toStdout; }
}
