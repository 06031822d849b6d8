package jtrace.tracefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*, '', true", "*, anything, true", "'', '', true", "'', a, false",
            "sys_enter_*, sys_enter_openat, true", "sys_enter_*, sys_exit_read, false",
            "*open*, sys_enter_openat, true", "*open, sys_enter_openat, false",
            "sys_?xit_read, sys_exit_read, true", "sys_?xit_read, sys_xit_read, false",
            "a*b*c, abbbc, true", "a*b*c, acb, false", "a**c, abc, true", "?, '', false", "??, ab, true",
            "*_read, sys_exit_read_read, true", "sched_switch, sched_switch, true", "sched, sched_switch, false"})
    void matches(String pattern, String text, boolean expected) {
        assertEquals(expected, Glob.matches(pattern, text));
    }
}
