package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.load.ProgType;
import jtrace.sys.Bpf;

/**
 * Runs a RAW_TRACEPOINT program once, now, in the kernel (BPF_PROG_TEST_RUN with no context):
 * how BEGIN and END blocks execute as real eBPF programs.
 */
public final class TestRunTrigger {
    private TestRunTrigger() {}

    /** Runs {@code program} once on the calling thread; returns its return value (R0). */
    public static int run(BpfProgram program) {
        if (program.spec().type() != ProgType.RAW_TRACEPOINT) throw new IllegalArgumentException(
                "only RAW_TRACEPOINT programs can be triggered, not " + program.spec().type());
        return Bpf.progTestRun(program.fd(), null);
    }
}
