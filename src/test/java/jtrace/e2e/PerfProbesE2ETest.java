package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** interval, profile, software and hardware probes running in this kernel. */
class PerfProbesE2ETest {
    private static final Pattern MAP_LINE = Pattern.compile("@\\[(.+)]: (\\d+)");

    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    private static JtraceProcess.Result runToExit(String script) {
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            return t.waitFor().assertExitCode(0);
        }
    }

    /** key → count of every {@code @[key]: count} line. */
    private static List<String[]> mapLines(String stdout) {
        return stdout.lines().map(MAP_LINE::matcher).filter(Matcher::matches)
                .map(m -> new String[] {m.group(1), m.group(2)}).toList();
    }

    @Test
    void intervalFiresOnSchedule() {
        // The program itself stops after five ticks, so the count does not race a second timer;
        // elapsed (ms since jtrace started, before attaching) shows the period was kept.
        JtraceProcess.Result r = runToExit(
                "interval:ms:100 { @n = @n + 1; printf(\"tick %d\\n\", elapsed / 1000000); if (@n == 5) { exit(); } }");
        List<String> ticks = r.stdout().lines().filter(l -> l.startsWith("tick ")).toList();
        assertEquals(5, ticks.size(), r.toString());
        long previous = -1;
        for (String t : ticks) {
            long ms = Long.parseLong(t.substring(5));
            assertTrue(ms >= previous + 50, "ticks about 100 ms apart: " + ticks);
            previous = ms;
        }
        assertTrue(previous >= 500 && previous < 5000, "fifth tick at " + previous + " ms: " + ticks);
    }

    @Test
    void profileSamplesOnlyRealCpus() {
        JtraceProcess.Result r = runToExit("profile:hz:99 { @[cpu] = count(); } interval:ms:300 { exit(); }");
        List<String[]> lines = mapLines(r.stdout());
        assertFalse(lines.isEmpty(), r.toString());
        int ncpus = Runtime.getRuntime().availableProcessors();
        for (String[] l : lines) {
            assertTrue(Integer.parseInt(l[0]) < ncpus, "cpu " + l[0] + " of " + ncpus);
            assertTrue(Long.parseLong(l[1]) > 0);
        }
    }

    @Test
    void softwareCpuClockCounts() {
        JtraceProcess.Result r = runToExit("software:cpu-clock:1000000 { @[probe] = count(); } interval:ms:300 { exit(); }");
        List<String[]> lines = mapLines(r.stdout());
        assertEquals(1, lines.size(), r.toString());
        assertEquals("software:cpu-clock:1000000", lines.getFirst()[0]);
        assertTrue(Long.parseLong(lines.getFirst()[1]) > 0, r.toString());
    }

    @Test
    void softwarePageFaultsOfAWorkload() {
        // jtwl as the -c child, picked by its pid (other jtwl may run at the same time); the child is
        // the shell that execs jtwl until it does, and comm leaves the shell's faults out.
        try (JtraceProcess t = JtraceProcess.jtrace("-c", Workload.binary() + " --now getpid 1", "-e",
                "software:page-faults:1 /pid == cpid && comm == \"jtwl\"/ { @[comm] = count(); }").start()) {
            JtraceProcess.Result r = t.waitFor().assertExitCode(0);
            List<String[]> lines = mapLines(r.stdout());
            assertEquals(1, lines.size(), r.toString());
            assertEquals("jtwl", lines.getFirst()[0]);
            assertTrue(Long.parseLong(lines.getFirst()[1]) > 10, "starting a process faults pages in: " + r);
        }
    }

    @Test
    void hardwareWithoutCountersIsOneClearError() {
        assumeTrue(!java.nio.file.Files.exists(java.nio.file.Path.of("/sys/bus/event_source/devices/cpu")),
                "this machine has a hardware PMU");
        BpfObjects.Snapshot before = BpfObjects.snapshot();
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "hardware:cycles:1000000 { @ = count(); }").start()) {
            r = t.waitFor().assertExitCode(1);
        }
        assertEquals("", r.stdout());
        assertEquals("ERROR: hardware:cycles:1000000: this machine has no hardware performance counters "
                + "(perf_event_open: No such file or directory)\n"
                + "ERROR: Unable to attach probe: hardware:cycles:1000000. If this is expected, set the 'missing_probes' "
                + "config variable to 'warn'.\n", r.stderr());
        BpfObjects.assertReleased(BpfObjects.snapshot().minus(before));
    }
}
