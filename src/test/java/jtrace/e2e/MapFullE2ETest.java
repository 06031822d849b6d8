package jtrace.e2e;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hash map with max_map_keys keys refuses new ones (-E2BIG): the kept elements are printed and
 * the dropped updates are counted in the kernel and reported once with their number.
 */
class MapFullE2ETest {
    private static final String WARNING = "WARNING: Map full; can't update element. Try increasing max_map_keys config";

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void configLimitDropsUpdatesOfNewKeysAndWarnsWithTheCount() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "config = { max_map_keys = 10 } "
                + "BEGIN { $i = 0; while ($i < 25) { @[pid, $i] = 1; $i++; } @[pid, 3] = 2; exit(); }").assertExitCode(0);
        long lines = r.stdout().lines().filter(l -> l.startsWith("@[")).count();
        assertEquals(10, lines, r.toString());
        assertTrue(r.stdout().contains(", 3]: 2\n"), "an existing key is still updated\n" + r);
        assertEquals("Attached 1 probe\n" + WARNING + " (15 updates dropped)\n", r.stderr());
    }

    @Test
    void environmentLimitAppliesToAggregationsPerEvent() {
        JtraceProcess.Result r;
        try (Workload w = Workload.start("getpid", "30");
             JtraceProcess t = JtraceProcess.jtrace("-e",
                     "t:syscalls:sys_enter_getpid /pid == $1/ { @[nsecs] = count(); @n = count(); }",
                     Long.toString(w.pid())).env("BPFTRACE_MAX_MAP_KEYS", "10").start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            t.awaitStderr(java.util.regex.Pattern.quote(WARNING) + " \\(\\d+ updates? dropped\\)", Duration.ofSeconds(10));
            r = t.interrupt().assertExitCode(0);
        }
        // @n takes one key; @[nsecs] 10 of the 30 timestamps (nsecs may repeat on a coarse clock: at most 30)
        assertTrue(r.stdout().contains("@n: 30\n"), r.toString());
        long kept = r.stdout().lines().filter(l -> l.startsWith("@[")).count();
        assertEquals(10, kept, r.toString());
        long dropped = r.stderr().lines().filter(l -> l.startsWith(WARNING))
                .mapToLong(l -> Long.parseLong(l.replaceAll(".*\\((\\d+) updates? dropped\\)$", "$1"))).sum();
        assertEquals(20, dropped, r.toString());
    }
}
