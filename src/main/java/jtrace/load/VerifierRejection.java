package jtrace.load;

/** The kernel refused a program; {@link #log()} is the verifier's full log. */
public final class VerifierRejection extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String probeName;
    private final String errnoName;
    private final String log;

    public VerifierRejection(String probeName, String errnoName, String errnoText, String log) {
        super("the kernel rejected the program for " + probeName + ": " + errnoText + " (" + errnoName + ")");
        this.probeName = probeName;
        this.errnoName = errnoName;
        this.log = log;
    }

    public String probeName() {
        return probeName;
    }

    public String errnoName() {
        return errnoName;
    }

    public String log() {
        return log;
    }
}
