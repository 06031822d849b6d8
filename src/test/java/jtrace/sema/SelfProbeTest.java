package jtrace.sema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code self:signal:SIGUSR1} probes: the one supported trigger and signal, and bpftrace's errors for others. */
class SelfProbeTest {
    @Test
    void sigusr1IsASelfSignalTarget() {
        CheckedProgram p = TypeCheckerTest.analyze("self:signal:SIGUSR1 { print(\"abc\"); }");
        assertEquals(new ProbeTarget.SelfSignal("USR1"), p.probes().getFirst().target());
        assertEquals("self:signal:SIGUSR1", p.probes().getFirst().target().name());
        assertEquals("special", Builtins.probeType(p.probes().getFirst().target()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "self:signal:sighup { }|stdin:1:1-19: ERROR: sighup is not a supported signal",
            "self:signal:SIGUSR2 { }|stdin:1:1-20: ERROR: SIGUSR2 is not a supported signal",
            "self:keypress:space { }|stdin:1:1-20: ERROR: keypress is not a supported trigger",
            "self:signal { }|stdin:1:1-12: ERROR: self probe type requires 2 arguments",
    })
    void unsupportedSelfProbes(String program, String firstLine) {
        assertEquals(firstLine, TypeCheckerTest.error(program).lines().findFirst().orElseThrow());
    }
}
