package jtrace.e2e;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * -d: each probe's instructions are printed and nothing is loaded. That nothing is loaded shows
 * in it working as user nobody, who cannot load BPF programs.
 */
class DumpE2ETest {
    private static final String READS = "t:syscalls:sys_exit_read { @[comm] = count(); }";

    @Test
    void printsEachProbesInstructions() {
        Kernel.assumeRoot(); // tracepoint formats in tracefs are readable by root only
        JtraceProcess.Result r = Kernel.selfExiting("-d", "-e", READS + " END { printf(\"x\\n\"); }").assertExitCode(0);
        assertTrue(r.stdout().startsWith("; tracepoint:syscalls:sys_exit_read\n"), r.stdout());
        assertTrue(r.stdout().contains("call bpf_map_lookup_elem#1\n"), r.stdout());
        assertTrue(r.stdout().contains("\n\n; END\n"), r.stdout());
        assertTrue(r.stdout().endsWith("exit\n"), r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void worksWithoutPrivileges() {
        List<String> cmd = Nobody.command("-d", "-e", "BEGIN { printf(\"hi\\n\"); }");
        assumeTrue(cmd != null, "needs root to switch to user nobody");
        JtraceProcess.Result r = JtraceProcess.command(cmd).start().waitFor(Kernel.SELF_EXIT).assertExitCode(0);
        assertTrue(r.stdout().startsWith("; BEGIN\n"), r.stdout());
        assertTrue(r.stdout().contains("call bpf_ringbuf_reserve#131\n"), r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void tracepointDumpWithoutPrivilegesDoesNotClaimTheTracepointIsMissing() {
        List<String> cmd = Nobody.command("-d", "-e", READS);
        assumeTrue(cmd != null, "needs root to switch to user nobody");
        JtraceProcess.Result r = JtraceProcess.command(cmd).start().waitFor(Kernel.SELF_EXIT);
        assertTrue(r.exitCode() == 0 && r.stdout().startsWith("; tracepoint:syscalls:sys_exit_read\n")
                || r.exitCode() == 1 && r.stderr().toLowerCase().contains("permission"), r.toString());
    }
}
