package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** interval: and profile: attach points, in their unit:count and one-part duration forms. */
class TimedProbeTest {
    private static ProbeTarget resolve(String text) {
        AttachPoint ap = new AttachPoint(text, List.of(text.split(":", -1)), new Span(0, text.length()));
        List<ProbeTarget> targets = new ProbeResolver(new FakeTracepoints()).resolve(ap);
        assertEquals(1, targets.size());
        return targets.getFirst();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "interval:s:1,          interval:s:1,          1000000000",
            "interval:1s,           interval:us:1000000,   1000000000",
            "interval:1000000000,   interval:us:1000000,   1000000000",
            "i:100ms,               interval:us:100000,    100000000",
            "interval:1500,         interval:us:1,         1000",
            "profile:hz:99,         profile:hz:99,         10101010",
            "profile:10us,          profile:us:10,         10000",
    })
    void resolvesPeriod(String text, String name, long periodNanos) {
        ProbeTarget t = resolve(text);
        assertEquals(name, t.name());
        long period = switch (t) {
            case ProbeTarget.Interval i -> i.periodNanos();
            case ProbeTarget.Profile p -> p.periodNanos();
            default -> throw new AssertionError(t);
        };
        assertEquals(periodNanos, period);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "interval:999     | Invalid rate of interval probe. Minimum is 1000 or 1us. Found: 999 nanoseconds",
            "interval:1xs     | Invalid rate of interval probe: 1xs",
            "interval:s:1:2   | interval probe type requires 1 or 2 arguments",
            "profile:         | Invalid rate of profile probe: ",
    })
    void rejects(String text, String message) {
        CompileError e = assertThrows(CompileError.class, () -> resolve(text));
        assertEquals(message.strip(), e.getMessage().strip());
    }
}
