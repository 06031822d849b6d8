package jtrace.e2e;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
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

    @Disabled("BUG: statements after exit() in the same probe make the verifier reject the program: "
            + "'ERROR: the kernel's BPF verifier rejected the program for probe BEGIN (EINVAL) / unreachable insn 45'. "
            + "exit() returns from the probe, so codegen must stop emitting the rest of the block.")
    @Test
    void nothingAfterExitInTheSameProbeRuns() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { printf(\"1\\n\"); exit(); printf(\"2\\n\"); }")
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "1\n", r.stdout());
        // bpftrace may warn about the unreachable printf first
        assertTrue(r.stderr().endsWith("Attached 1 probe\n"), r.stderr());
    }

    @Disabled("BUG: a map whose only assignment reads the map itself is rejected: "
            + "'BEGIN { @n = @n + 1; ... }' gives 'stdin:1:14-16: ERROR: Undefined map: @n'. bpftrace types @n from "
            + "the assignment (int64) and reads a missing entry as 0 (bpftrace 0.17 prints @n: 2 here).")
    @Test
    void mapReadInItsOwnAssignmentStartsAtZero() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { @n = @n + 1; @n = @n + 1; exit(); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n@n: 2\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Disabled("BUG: a printf argument that is a binary expression whose right operand is another binary "
            + "expression fails in codegen: 'BEGIN { printf(\"%d\\n\", 1 + 2 * 3); }' prints 'ERROR: internal error: "
            + "java.lang.IllegalStateException: spill register mismatch' (ProbeCodegen.scalarAfter via binary, "
            + "EventOps.printf); same for 1 + (2 + 3) and args.ret + 1 * 2. As a map value or variable it works.")
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
}
