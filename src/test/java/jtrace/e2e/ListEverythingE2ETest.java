package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code jtrace -l} alone lists bpftrace's kernel probe types, iterators included, in name order. */
class ListEverythingE2ETest {
    @BeforeEach
    void needsTracefs() {
        assumeTrue(BpfObjects.available(), "needs root (tracefs)");
    }

    @Test
    void typesInOrderWithIterators() {
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-l").noNotify().start()) {
            r = t.waitFor().assertExitCode(0);
        }
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.contains("iter:task"), "iter:task listed");
        assertTrue(lines.contains("software:cpu-clock:"));
        List<String> types = lines.stream().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
        assertEquals(List.of("hardware", "iter", "rawtracepoint", "software", "tracepoint"), types);
    }
}
