package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code jtrace -l} / {@code -lv} against this kernel's tracefs and BTF and real binaries. */
class ListingE2ETest {
    @BeforeEach
    void needsTracefs() {
        assumeTrue(BpfObjects.available(), "needs root (tracefs)");
    }

    private static JtraceProcess.Result list(String... args) {
        try (JtraceProcess t = JtraceProcess.jtrace(args).noNotify().start()) {
            return t.waitFor().assertExitCode(0);
        }
    }

    @Test
    void tracepointGlob() {
        JtraceProcess.Result r = list("-l", "tracepoint:syscalls:sys_enter_read*");
        GoldenText.assertSameText("""
                tracepoint:syscalls:sys_enter_read
                tracepoint:syscalls:sys_enter_readahead
                tracepoint:syscalls:sys_enter_readlink
                tracepoint:syscalls:sys_enter_readlinkat
                tracepoint:syscalls:sys_enter_readv
                """, r.stdout());
        assertEquals("", r.stderr());
    }

    /** bpftrace 0.24+ lists its one self probe for self patterns. */
    @Test
    void selfProbes() {
        for (String pattern : List.of("self:*", "self:signal:*", "self:*:*")) {
            JtraceProcess.Result r = list("-l", pattern);
            GoldenText.assertSameText("self:signal:SIGUSR1\n", r.stdout());
            assertEquals("", r.stderr());
        }
    }

    @Test
    void tracepointWithArguments() {
        GoldenText.assertSameText("""
                tracepoint:syscalls:sys_exit_read
                    int __syscall_nr
                    long ret
                """, list("-lv", "tracepoint:syscalls:sys_exit_read").stdout());
    }

    @Test
    void softwareEventsWithAliases() {
        GoldenText.assertSameText("""
                software:alignment-faults:
                software:bpf-output:
                software:context-switches:
                software:cpu-clock:
                software:cpu-migrations:
                software:cpu:
                software:cs:
                software:dummy:
                software:emulation-faults:
                software:faults:
                software:major-faults:
                software:minor-faults:
                software:page-faults:
                software:task-clock:
                """, list("-l", "software:*").stdout());
        GoldenText.assertSameText("software:faults:\n", list("-l", "s:faults:").stdout());
    }

    @Test
    void uprobesOfTheWorkloadBinary() {
        Path bin = Workload.binary();
        JtraceProcess.Result r = list("-l", "uprobe:" + bin + ":*");
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.contains("uprobe:" + bin + ":main"), r.toString());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("uprobe:" + bin + ":")), r.toString());
        assertEquals(lines.stream().sorted().toList(), lines, "sorted");
        assertEquals(lines.stream().distinct().count(), lines.size(), "no duplicates");

        JtraceProcess.Result v = list("-lv", "uprobe:" + bin + ":main");
        // jtwl is built with -g: its DWARF gives main's parameters.
        assertEquals("uprobe:" + bin + ":main\n    int argc\n    char** argv\n", v.stdout());
        assertEquals("", v.stderr(), v.toString());
    }

    @Test
    void noMatchPrintsNothingAndSucceeds() {
        JtraceProcess.Result r = list("-l", "tracepoint:nosuchcategory:*");
        assertEquals("", r.stdout());
        assertEquals("", r.stderr());
        assertEquals("", list("-l", "nosuchprobezzz").stdout());
    }

    @Test
    void everythingListsEachKernelTypeInOrder() throws Exception {
        JtraceProcess.Result r = list("-l");
        List<String> types = r.stdout().lines().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
        assertEquals(List.of("hardware", "iter", "rawtracepoint", "software", "tracepoint"), types);
        long tracepoints = r.stdout().lines().filter(l -> l.startsWith("tracepoint:")).count();
        Path events = Path.of("/sys/kernel/tracing/available_events");
        if (Files.isReadable(events)) assertEquals(Files.readAllLines(events).size(), tracepoints);
        assertTrue(r.stdout().contains("\nrawtracepoint:vmlinux:sched_switch\n"), "raw tracepoints from BTF");
        assertTrue(r.stdout().contains("\niter:task\n"), "iterators, as bpftrace lists them");
    }

    @Test
    void programListsWhatItWouldAttach() {
        GoldenText.assertSameText("""
                tracepoint:syscalls:sys_enter_readv
                software:cpu-clock:
                interval:s:
                """, list("-l", "-e", "BEGIN { } t:syscalls:sys_enter_readv { } software:cpu-clock:1000 { } "
                + "interval:s:1 { exit(); }").stdout());
    }
}
