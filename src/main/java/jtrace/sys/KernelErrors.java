package jtrace.sys;

/** Turns errno values of the kernel interfaces into explanations a user can act on. */
public final class KernelErrors {
    private KernelErrors() {}

    public static final String NEEDS_PRIVILEGE = "jtrace: needs root or CAP_BPF and CAP_PERFMON";

    /** The explanation for {@code e}, or its plain message when there is no better one. */
    public static String explain(SysException e) {
        String op = e.operation();
        boolean bpf = op.startsWith("bpf(");
        boolean perf = op.startsWith("perf_event_open");
        return switch (e.errno()) {
            // Verifier rejections come back as EACCES from BPF_PROG_LOAD; those are not about privilege.
            case Errno.EPERM -> bpf || perf ? NEEDS_PRIVILEGE + " (" + e.getMessage() + ")" : e.getMessage();
            case Errno.EACCES -> (bpf && !op.equals("bpf(BPF_PROG_LOAD)")) || perf
                    ? NEEDS_PRIVILEGE + " (" + e.getMessage() + ")" : e.getMessage();
            case Errno.ENOSYS -> bpf ? "jtrace: this kernel has no bpf() system call (CONFIG_BPF_SYSCALL is off)"
                    : perf ? "jtrace: this kernel has no perf_event_open() system call (CONFIG_PERF_EVENTS is off)"
                    : e.getMessage();
            case Errno.EMFILE, Errno.ENFILE -> "jtrace: out of file descriptors (raise the limit with ulimit -n): "
                    + e.getMessage();
            case Errno.ENOMEM -> bpf ? "jtrace: the kernel could not allocate memory for a BPF object "
                    + "(maps too large, or a low memlock limit): " + e.getMessage() : e.getMessage();
            default -> e.getMessage();
        };
    }
}
