package jtrace.sema;

/**
 * {@code kprobe:[MODULE:]FUNC[+OFFSET]} or {@code kretprobe:[MODULE:]FUNC}: a BPF_PROG_TYPE_KPROBE
 * program whose context is the probed thread's {@code struct pt_regs}. {@code tracepointAlternative}
 * names a tracepoint that sees the same event ({@code ""} when none is known), offered in the error
 * on a kernel without kprobes.
 */
public record KprobeTarget(String module, String function, long offset, boolean ret, String tracepointAlternative)
        implements ProbeTarget.Kernel {

    /** As bpftrace's {@code probe} builtin writes it: the module only when one was given. */
    public String name() {
        return (ret ? "kretprobe:" : "kprobe:") + (module.isEmpty() ? "" : module + ":") + function
                + (offset != 0 ? "+" + offset : "");
    }
}
