package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tracer killed with SIGKILL gets no chance to clean up: everything it created must be owned by
 * its fds (perf-event and link based attachment, no tracefs text entries), so that the kernel frees
 * it when the process dies. And an attach that fails half-way releases what the first probes got.
 */
class NothingLeftBehindE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void sigkillWithEveryKindOfProbeLeavesNothing() {
        String jtwl = Workload.binary().toString();
        String script = String.join(" ",
                "t:syscalls:sys_enter_getpid { @tp = count(); }",
                "interval:ms:100 { @iv = count(); }",
                "profile:hz:49 { @pr = count(); }",
                "software:cpu-clock:1000000 { @sw = count(); }",
                "uprobe:" + jtwl + ":jtwl_func { @up = count(); }",
                "rawtracepoint:sched_switch { @rt = count(); }");
        List<String> uprobesBefore = TracefsEvents.uprobeEvents();
        BpfObjects.Snapshot held;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            held = BpfObjects.heldBy(t.pid());
            // one program per probe (profile and software are per-CPU perf events sharing one program)
            assertEquals(6, held.progs().size(), held.describe());
            assertFalse(held.maps().isEmpty(), held.describe());
            assertFalse(held.links().isEmpty(), "the raw tracepoint is a link: " + held.describe());
            assertEquals(uprobesBefore, TracefsEvents.uprobeEvents(), "the uprobe is a perf PMU event, not a tracefs entry");
            t.sendSignal("KILL");
            JtraceProcess.Result r = t.waitFor();
            assertEquals(128 + 9, r.exitCode(), r.toString()); // killed by SIGKILL
        }
        BpfObjects.assertReleased(held);
        assertEquals(uprobesBefore, TracefsEvents.uprobeEvents());
    }

    /** Nine probes attach, the tenth cannot (no hardware PMU in this machine): one error, nothing kept. */
    @Test
    void failingTenthProbeReleasesTheNineBeforeIt() {
        assumeTrue(!Files.exists(Path.of("/sys/bus/event_source/devices/cpu")), "this machine has a hardware PMU");
        // Map names unique to this run: other test JVMs may create and hold objects meanwhile.
        String token = Long.toString(new java.security.SecureRandom().nextLong() >>> 1, 36).substring(0, 8);
        String[] syscalls = {"getpid", "getppid", "getuid", "geteuid", "getgid", "getegid", "gettid", "sched_yield", "getpgrp"};
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < syscalls.length; i++) {
            script.append("t:syscalls:sys_enter_").append(syscalls[i]).append(" { @q").append(token).append(i).append(" = count(); } ");
        }
        script.append("hardware:cycles:1000000 { @hw = count(); }");
        List<String> uprobesBefore = TracefsEvents.uprobeEvents();
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script.toString()).start()) {
            r = t.waitFor().assertExitCode(1);
        }
        assertEquals("", r.stdout());
        List<String> lines = r.stderr().lines().toList();
        assertEquals(2, lines.size(), r.toString());
        assertTrue(lines.getFirst().startsWith("ERROR: hardware:cycles:1000000: "), r.toString());
        assertTrue(lines.getLast().startsWith("ERROR: Unable to attach probe: hardware:cycles:1000000. "), r.toString());
        // A program holds its maps: once no map of this run exists, none of its programs does either.
        // The kernel frees maps from deferred work, so allow a few seconds.
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<String> ours;
        while (!(ours = mapsNamed("AT_q" + token)).isEmpty() && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertTrue(ours.isEmpty(), "maps of the failed run alive: " + ours);
        assertEquals(uprobesBefore, TracefsEvents.uprobeEvents());
    }

    private static List<String> mapsNamed(String prefix) {
        return BpfObjects.snapshot().maps().stream().flatMap(id -> BpfObjects.mapName(id).stream())
                .filter(n -> n.startsWith(prefix)).toList();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
