package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** software: and hardware: attach points resolved to perf counters. */
class PerfCounterProbeTest {
    private static final Tracepoints NO_TRACEPOINTS = new Tracepoints() {
        @Override
        public List<String> match(String categoryGlob, String eventGlob) { return List.of(); }

        @Override
        public List<TracepointField> fields(String category, String event) { return null; }
    };

    private static ProbeTarget resolve(String text) {
        AttachPoint ap = new AttachPoint(text, List.of(text.split(":", -1)), new Span(0, text.length()));
        List<ProbeTarget> targets = new ProbeResolver(NO_TRACEPOINTS).resolve(ap);
        assertEquals(1, targets.size());
        return targets.getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // attach point,            kind,     name,                     config, count
            "software:cpu-clock:1000000, software, software:cpu-clock:1000000, 0, 1000000",
            "software:cpu-clock:,       software, software:cpu-clock,         0, 1000000",
            "software:cpu,              software, software:cpu,               0, 1000000",
            "s:faults:1,                software, software:faults:1,          2, 1",
            "software:page-faults,      software, software:page-faults,       2, 100",
            "s:cs,                      software, software:cs,                3, 1000",
            "software:minor-faults:7,   software, software:minor-faults:7,    5, 7",
            "software:task-clock,       software, software:task-clock,        1, 1",
            "hardware:cycles:1000000,   hardware, hardware:cycles:1000000,    0, 1000000",
            "h:instructions,            hardware, hardware:instructions,      1, 1000000",
            "hardware:branches:5,       hardware, hardware:branches:5,        4, 5",
            "hardware:branch-misses,    hardware, hardware:branch-misses,     5, 100000",
            "hardware:ref-cycles:0,     hardware, hardware:ref-cycles,        9, 1000000",
    })
    void resolvesEventAndCount(String text, String kind, String name, long config, long count) {
        ProbeTarget t = resolve(text);
        assertEquals(name, t.name());
        switch (t) {
            case ProbeTarget.Software s -> {
                assertEquals("software", kind);
                assertEquals(config, s.event().config());
                assertEquals(count, s.count());
            }
            case ProbeTarget.Hardware h -> {
                assertEquals("hardware", kind);
                assertEquals(config, h.event().config());
                assertEquals(count, h.count());
            }
            default -> throw new AssertionError("not a counter: " + t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "software:nosuch:1|nosuch is not a software probe",
            "hardware:page-faults|page-faults is not a hardware probe",
            "software|software probe type requires 1 or 2 arguments",
            "software:cpu:1:2|software probe type requires 1 or 2 arguments",
            "software:cpu:abc|Invalid count for software probe: abc",
            "hardware:cycles:-5|Invalid count for hardware probe: -5",
            "software:cpu*:1|wildcards are not allowed for software probe type",
            "software::1|software probe must have a software event name",
    })
    void rejects(String text, String message) {
        AttachPoint ap = new AttachPoint(text, List.of(text.split(":", -1)), new Span(0, text.length()));
        CompileError e = assertThrows(CompileError.class, () -> new ProbeResolver(NO_TRACEPOINTS).resolve(ap));
        assertEquals(message, e.getMessage());
    }
}
