package jtrace.e2e;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Programs with only BEGIN/END probes: they run once and jtrace exits by itself, status 0.
 * Without maps nothing follows the program's own output (no "\n\n" block).
 */
class BeginEndE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                Arguments.of("BEGIN { printf(\"hello world\\n\"); }", "hello world\n", "Attached 1 probe\n"),
                // bpftrace 0.22+ spells the special probes in lower case too
                Arguments.of("begin { printf(\"hello world\\n\"); }", "hello world\n", "Attached 1 probe\n"),
                Arguments.of("END { printf(\"b\\n\"); } BEGIN { printf(\"a\\n\"); }", "a\nb\n", "Attached 2 probes\n"),
                Arguments.of("BEGIN { printf(\"a\\n\"); } END { printf(\"b\\n\"); }", "a\nb\n", "Attached 2 probes\n"),
                // exit() in BEGIN still runs END
                Arguments.of("BEGIN { exit(); } END { printf(\"end\\n\"); }", "end\n", "Attached 2 probes\n"));
    }

    @ParameterizedTest
    @MethodSource("programs")
    void runsOnceAndExitsByItself(String program, String stdout, String stderr) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", stdout, r.stdout());
        GoldenText.assertSameText("stderr", stderr, r.stderr());
    }

    /**
     * print() of an empty map still ends the line: a number or aggregation without keys prints its
     * zero (current bpftrace, #3006), any other map an empty line (bpftrace's print since 2018), so
     * a tool's "time: " prefix (pidpersec) never runs into the next second's line.
     */
    @Test
    void printOfAnEmptyMapEndsTheLine() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                BEGIN { @c = count(); clear(@c); printf("c: "); print(@c);
                  @a = avg(4); clear(@a); printf("a: "); print(@a);
                  @m[1] = 2; delete(@m[1]); printf("m: "); print(@m);
                  @h = hist(3); clear(@h); printf("h: "); print(@h); printf("end\\n"); exit(); }""").assertExitCode(0);
        GoldenText.assertSameText("stdout", "c: @c: 0\na: @a: 0\nm: \nh: \nend\n\n\n", r.stdout());
    }

    @Test
    void nothingAfterExitInTheSameProbeRuns() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { printf(\"1\\n\"); exit(); printf(\"2\\n\"); }")
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "1\n", r.stdout());
        // bpftrace may warn about the unreachable printf first
        assertTrue(r.stderr().endsWith("Attached 1 probe\n"), r.stderr());
    }

    @Test
    void mapReadInItsOwnAssignmentStartsAtZero() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { @n = @n + 1; @n = @n + 1; exit(); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@n: 2\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void nestedArithmeticInPrintfArguments() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { printf(\"%d %d\\n\", 1 + 2 * 3, 1 + (2 + 3)); }")
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "7 6\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void arithmeticInVariablesAndMaps() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "BEGIN { $a = 1 + 2 * 3; printf(\"%d %d\\n\", $a, (1 + 2) * 3); @m = 10 - 2 * 3; exit(); }")
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "7 9\n\n\n@m: 4\n", r.stdout());
    }

    @Test
    void mapsSetInBeginArePrintedAfterTwoBlankLinesInNameOrder() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "BEGIN { @x = 1; @a = 2; @b[\"k\"] = 3; exit(); } END { printf(\"end\\n\"); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "end\n\n\n@a: 2\n@b[k]: 3\n@x: 1\n", r.stdout());
        assertEquals("Attached 2 probes\n", r.stderr());
    }

    /**
     * self:signal:SIGUSR1 runs each time jtrace receives SIGUSR1 (bpftrace's self probe), as a
     * real program like begin: its output, maps and exit() work as in any probe.
     */
    @Test
    void selfProbeRunsOnEachSigusr1() {
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "self:signal:SIGUSR1 { print(\"abc\"); @n = count(); "
                + "if (@n == 2) { printf(\"%s %s\\n\", probe, probetype); exit(); } }").start()) {
            t.awaitAttached();
            t.sendSignal("USR1");
            t.awaitStdout("abc", java.time.Duration.ofSeconds(10));
            t.sendSignal("USR1");
            JtraceProcess.Result r = t.waitFor().assertExitCode(0);
            GoldenText.assertSameText("stdout", "abc\nabc\nself:signal:SIGUSR1 special\n\n\n@n: 2\n", r.stdout());
            GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
        }
    }
}
