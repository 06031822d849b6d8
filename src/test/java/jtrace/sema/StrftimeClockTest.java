package jtrace.sema;

import jtrace.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** strftime() converts boot-clock nanoseconds, or TAI ones when the argument is nsecs(tai) or nsecs(sw_tai). */
class StrftimeClockTest {
    @ParameterizedTest
    @CsvSource({"nsecs, false", "nsecs(boot), false", "nsecs(tai), true", "nsecs(sw_tai), true", "1000, false"})
    void strftimeKnowsItsClock(String expr, boolean tai) {
        CheckedProgram p = TypeCheckerTest.analyze("BEGIN { @t = strftime(\"%s\", " + expr + "); }");
        assertEquals(new Type.Timestamp("%s", tai), p.maps().get("@t").value());
    }
}
