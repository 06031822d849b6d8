package jtrace.sema;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** join(), errorf() and warnf(): accepted forms, and the errors for the others. */
class OutputFunctionsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "BEGIN { join(0); }",
            "BEGIN { join(0, \",\"); }",
            "tracepoint:syscalls:sys_enter_openat { join(args.filename); }",
            "BEGIN { errorf(\"bad %d %s\", 1, \"x\"); }",
            "BEGIN { warnf(\"careful\"); }",
    })
    void accepted(String program) {
        LanguageCheckTest.analyze(program, Map.of());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { join(); }|stdin:1:9-15: ERROR: join() requires at least one argument (0 provided)",
            "BEGIN { join(0, \",\", 1); }|stdin:1:9-24: ERROR: join() takes up to 2 arguments (3 provided)",
            "BEGIN { join(\"a\"); }|stdin:1:14-17: ERROR: join() only supports int or pointer arguments (string[2] provided)",
            "BEGIN { $s = \",\"; join(0, $s); }|stdin:1:27-29: ERROR: join() expects a string literal as second argument",
            "BEGIN { errorf(); }|stdin:1:9-17: ERROR: errorf() requires at least one argument (0 provided)",
            "BEGIN { warnf(1); }|stdin:1:9-17: ERROR: warnf() expects a string literal (integer provided)",
            "BEGIN { errorf(\"%d\"); }|stdin:1:9-21: ERROR: printf: not enough arguments for format string (0 supplied, 1 expected)",
            "BEGIN { $x = join(0); }|stdin:1:14-21: ERROR: Value of type 'none' can not be assigned to a scratch variable",
    })
    void refused(String program, String expected) {
        assertEquals(expected, LanguageCheckTest.message(program));
    }
}
