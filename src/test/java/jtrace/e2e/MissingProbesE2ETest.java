package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * missing_probes (config block or BPFTRACE_MISSING_PROBES): a probe that does not exist or fails
 * to attach stops the run (error), is skipped with bpftrace's warnings (warn) or silently (ignore).
 */
class MissingProbesE2ETest {
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void warnSkipsAMissingTracepointAndTracesTheOthers() {
        String script = "config = { missing_probes = warn } tracepoint:syscalls:sys_enter_nope,"
                + "tracepoint:syscalls:sys_enter_read /pid == $1/ { printf(\"%s\\n\", comm); }";
        Kernel.Run run = Kernel.trace(script, "read", dir.resolve("data").toString(), "3", "10");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", "jtwl\n".repeat(3), r.stdout());
        GoldenText.assertSameText("stderr", "stdin:1:36-70: WARNING: Tracepoint not found: syscalls:sys_enter_nope\n"
                + "config = { missing_probes = warn } tracepoint:syscalls:sys_enter_nope,tracepoint:syscalls:sys_enter_read "
                + "/pid == $1/ { printf(\"%s\\n\", comm); }\n"
                + " ".repeat(35) + "~".repeat(34) + "\n"
                + "WARNING: Unable to attach probe: tracepoint:syscalls:sys_enter_nope. Skipping.\n"
                + "Attached 1 probe\n", r.stderr());
    }

    @Test
    void environmentIgnoreSkipsAMissingUprobeSilently() {
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "BEGIN { printf(\"up\\n\"); exit(); } uprobe:/bin/sh:no_such_fn { }")
                .env("BPFTRACE_MISSING_PROBES", "ignore").start()) {
            JtraceProcess.Result r = t.waitFor(Kernel.SELF_EXIT).assertExitCode(0);
            GoldenText.assertSameText("stdout", "up\n", r.stdout());
            GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
        }
    }

    @Test
    void missingUprobeIsAnErrorByDefault() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "uprobe:/bin/sh:no_such_fn { }").assertExitCode(1);
        assertEquals("", r.stdout());
        GoldenText.assertSameText("stderr", "ERROR: Could not resolve symbol: /bin/sh:no_such_fn\n"
                + "ERROR: Unable to attach probe: uprobe:/bin/sh:no_such_fn. If this is expected, set the "
                + "'missing_probes' config variable to 'warn'.\n", r.stderr());
    }

    @Test
    void everyProbeSkippedFailsTheRun() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "config = { missing_probes = ignore } tracepoint:syscalls:sys_enter_nope { }").assertExitCode(1);
        GoldenText.assertSameText("stderr", "ERROR: Attachment failed for all probes.\n", r.stderr());
    }

    @Test
    void wildcardMatchingNothingLeavesNoProbes() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "tracepoint:syscalls:sys_enter_nope* { }").assertExitCode(1);
        GoldenText.assertSameText("stdout", "No probes to attach\n", r.stdout());
        assertEquals("", r.stderr());
    }
}
