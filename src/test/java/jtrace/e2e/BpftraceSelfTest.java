package jtrace.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The harness end to end with the installed bpftrace (0.17 here) as the tracer: proves that jtwl
 * makes exactly the syscalls it claims and that attach-wait, SIGINT, output capture and the BPF
 * object checks work, before jtrace exists. The expected texts are what bpftrace 0.17 prints
 * (header, then two blank lines after Ctrl-C, then the maps in name order); current bpftrace
 * differs in the header, so jtrace tests must not copy them blindly.
 */
class BpftraceSelfTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsBpftraceAndRoot() {
        assumeTrue(JtraceProcess.bpftraceInstalled(), "no /usr/bin/bpftrace");
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    /** Runs the script against a parked jtwl with the given steps, its pid as $1; returns bpftrace's result. */
    private static JtraceProcess.Result trace(String script, String... steps) {
        return run(script, steps).result();
    }

    private static Kernel.Run run(String script, String... steps) {
        try (Workload w = Workload.start(steps);
             JtraceProcess t = JtraceProcess.bpftrace("-e", script, Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            return new Kernel.Run(t.interrupt().assertExitCode(0), w.pid());
        }
    }

    @Test
    void readCountsAndBytesAreExact() {
        JtraceProcess.Result r = trace(
                "t:syscalls:sys_exit_read /pid == $1/ { @r[comm] = count(); @b[comm] = sum(args->ret); }",
                "read", dir.resolve("f").toString(), "5", "100");
        GoldenText.assertSameText("Attaching 1 probe...\n\n\n@b[jtwl]: 500\n@r[jtwl]: 5\n", r.stdout());
    }

    @Test
    void badReadReturnsEbadfEveryTime() {
        JtraceProcess.Result r = trace(
                "t:syscalls:sys_exit_read /pid == $1/ { @[comm, args->ret] = count(); }",
                "badread", "7");
        GoldenText.assertSameText("Attaching 1 probe...\n\n\n@[jtwl, -9]: 7\n", r.stdout());
    }

    @Test
    void systemWideOutputFilteredToTheWorkload() {
        Kernel.Run run = run(
                "t:raw_syscalls:sys_enter { @[comm, pid] = count(); } t:syscalls:sys_enter_getpid /pid == $1/ { @getpid = count(); }",
                "getpid", "3", "openat", "/proc/self/comm", "2");
        // jtwl after go: 3 getpid + 2 openat + exit_group = 6 syscalls (sigwait's return is not an entry).
        // Keyed by pid too: other jtwl processes may run at the same time.
        String key = "jtwl, " + run.workloadPid();
        GoldenText.assertSameText("Attaching 2 probes...\n\n\n@[" + key + "]: 6\n@getpid: 3\n",
                OutputFilter.onlyKeys(run.result().stdout(), key::equals));
    }

    @Test
    void histogramOfReadSizes() {
        // Negative returns land in (..., 0); the blank line after the last bucket ends the entry.
        JtraceProcess.Result r = trace(
                "t:syscalls:sys_exit_read /pid == $1/ { @h[comm] = hist(args->ret); }",
                "read", dir.resolve("f").toString(), "4", "100", "badread", "2");
        GoldenText.assertSameText("""
                Attaching 1 probe...


                @h[jtwl]:\s
                (..., 0)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |
                [0]                    0 |                                                    |
                [1]                    0 |                                                    |
                [2, 4)                 0 |                                                    |
                [4, 8)                 0 |                                                    |
                [8, 16)                0 |                                                    |
                [16, 32)               0 |                                                    |
                [32, 64)               0 |                                                    |
                [64, 128)              4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

                """, r.stdout());
    }

    @Test
    void bpfObjectsAreSeenWhileAttachedAndGoneAfter() {
        BpfObjects.Snapshot held;
        try (JtraceProcess t = JtraceProcess.bpftrace("-e", "t:syscalls:sys_enter_getpid { @ = count(); }").start()) {
            t.awaitAttached();
            held = BpfObjects.heldBy(t.pid());
            assertFalse(held.progs().isEmpty(), held.describe());
            assertFalse(held.maps().isEmpty(), held.describe());
            BpfObjects.Snapshot now = BpfObjects.snapshot();
            assertEquals(held, held.intersect(now), "fdinfo ids are in the global walk");
            assertEquals("sys_enter_getpi", BpfObjects.progName(held.progs().first()).orElseThrow()); // 15 chars
            t.interrupt().assertExitCode(0);
        }
        BpfObjects.assertReleased(held);
    }
}
