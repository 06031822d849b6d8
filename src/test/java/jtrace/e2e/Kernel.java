package jtrace.e2e;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shared steps of the kernel tests: the root guard and the usual run of a tracer against a
 * parked jtwl (start jtwl, start jtrace, wait for attach, go, wait for jtwl, Ctrl-C).
 */
final class Kernel {
    /** Deadline for a tracer that should exit by itself. */
    static final Duration SELF_EXIT = Duration.ofSeconds(15);

    private Kernel() {}

    /** Skips the test unless BPF objects can be loaded and inspected here (root). */
    static void assumeRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    /** A finished jtwl run under a tracer: the tracer's result and jtwl's pid. */
    record Run(JtraceProcess.Result result, long workloadPid) {}

    /**
     * Runs jtrace -e script against jtwl with the steps, then SIGINT; jtwl must exit 0. The script
     * gets jtwl's pid as $1: {@code /pid == $1/} picks this workload's events, where {@code comm == "jtwl"}
     * would also count those of other test runs' jtwl on the same machine.
     */
    static Run trace(String script, String... steps) {
        try (Workload w = Workload.start(steps);
             JtraceProcess t = JtraceProcess.jtrace("-e", script, Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor(), "jtwl exit status; stderr: " + w.stderr());
            return new Run(t.interrupt(), w.pid());
        }
    }

    /** Runs jtrace with the arguments and waits for it to exit by itself. */
    static JtraceProcess.Result selfExiting(String... args) {
        try (JtraceProcess t = JtraceProcess.jtrace(args).start()) {
            return t.waitFor(SELF_EXIT);
        }
    }
}
