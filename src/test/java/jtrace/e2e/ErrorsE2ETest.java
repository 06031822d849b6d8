package jtrace.e2e;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Errors in user input: a message on stderr in bpftrace's form ("stdin:LINE:COL-COL: ERROR: ...",
 * the source line, a '~' underline from the start column up to the end column), nothing on
 * stdout, exit status 1, never a Java stack trace.
 */
class ErrorsE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot(); // jtrace checks privileges before it compiles
    }

    static Stream<Arguments> compileErrors() {
        return Stream.of(
                // The end of input is at column 24, just past the trailing blank: an empty range, so the
                // marker line is blanks under the 23 columns of the line and no '~'.
                Arguments.of("BEGIN { printf(\"hi\\n\") ",
                        "stdin:1:24-24: ERROR: syntax error, unexpected end of file, expecting }\n"
                                + "BEGIN { printf(\"hi\\n\") \n"
                                + " ".repeat(23) + "\n"),
                Arguments.of("BEGIN { @x = 1; @x = \"a\"; }", """
                        stdin:1:17-19: ERROR: Type mismatch for @x: trying to assign value of type 'string[2]' when map already contains a value of type 'int64'
                        BEGIN { @x = 1; @x = "a"; }
                                        ~~
                        """),
                Arguments.of("tracepoint:syscalls:nope { }", """
                        stdin:1:1-25: ERROR: Tracepoint not found: syscalls:nope
                        tracepoint:syscalls:nope { }
                        ~~~~~~~~~~~~~~~~~~~~~~~~
                        HINT: If this is expected, set the 'missing_probes' config variable to 'warn' or 'ignore'.
                        """),
                Arguments.of("t:syscalls:sys_exit_read { printf(\"%d\\n\", args.nope); }", """
                        stdin:1:43-52: ERROR: Struct/union of type 'struct _tracepoint_syscalls_sys_exit_read' does not contain a field named 'nope'
                        t:syscalls:sys_exit_read { printf("%d\\n", args.nope); }
                                                                  ~~~~~~~~~
                        """));
    }

    @ParameterizedTest
    @MethodSource("compileErrors")
    void compileErrorIsReportedAtItsSource(String program, String stderr) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(1);
        GoldenText.assertSameText("stderr", stderr, r.stderr());
        assertEquals("", r.stdout());
    }

    /**
     * bpftrace's grammar reports an unknown function at its name only (error(@1, ...) on
     * IDENT "(" ")"), so the range is 9-12 as in bpftrace 0.17; jtrace underlines "foo()".
     */
    @Test
    void unknownFunctionIsReportedAtItsName() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { foo(); }").assertExitCode(1);
        GoldenText.assertSameText("stderr", """
                stdin:1:9-12: ERROR: Unknown function: foo
                BEGIN { foo(); }
                        ~~~
                """, r.stderr());
    }

    @Test
    void unknownFunctionIsAnError() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { foo(); }").assertExitCode(1);
        GoldenText.assertMatches("stderr", """
                stdin:1:9-{{1[24]}}: ERROR: Unknown function: foo
                BEGIN { foo(); }
                        ~~~{{(~~)?}}
                """, r.stderr());
        assertEquals("", r.stdout());
    }

    @Test
    void missingFile() {
        JtraceProcess.Result r = Kernel.selfExiting("/nonexistent.bt").assertExitCode(1);
        GoldenText.assertSameText("stderr", "ERROR: failed to open file '/nonexistent.bt': No such file or directory\n", r.stderr());
        assertEquals("", r.stdout());
    }

    /** The verifier gives up after a million instructions on a loop it cannot bound. */
    @Test
    void verifierRejectionNamesTheProbeAndEndsWithTheVerifiersVerdict() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { $i = 0; while ($i >= 0) { $i++; } }").assertExitCode(1);
        assertEquals("", r.stdout());
        List<String> lines = r.stderr().lines().toList();
        assertTrue(lines.getFirst().startsWith("ERROR: ") && lines.getFirst().contains("BEGIN"), r.stderr());
        assertTrue(lines.size() >= 3, r.stderr());
        GoldenText.assertMatches("verdict", """
                BPF program is too large. Processed 1000001 insn
                processed 1000001 insns (limit 1000000){{.*}}
                HINT: the program is too long or too complex for the verifier: {{.*}}
                """, String.join("\n", lines.subList(lines.size() - 3, lines.size())) + "\n");
        noStackTrace(r);
        assertTrue(lines.size() < 100, "the log is cut to its end, not " + lines.size() + " lines");
    }

    @Test
    void unprivilegedUserGetsOneLine() {
        List<String> cmd = Nobody.command("-e", "BEGIN { printf(\"hi\\n\"); }");
        assumeTrue(cmd != null, "needs root to switch to user nobody");
        JtraceProcess.Result r = JtraceProcess.command(cmd).start().waitFor(Kernel.SELF_EXIT).assertExitCode(1);
        assertEquals("", r.stdout());
        String err = r.stderr();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("ERROR: ") && err.endsWith("\n"), err);
        for (String word : List.of("root", "CAP_BPF", "CAP_PERFMON")) assertTrue(err.contains(word), err);
        noStackTrace(r);
    }

    @Test
    void unprivilegedUserCannotLoadEvenWithATracepoint() {
        List<String> cmd = Nobody.command("-e", "t:syscalls:sys_exit_read { @[comm] = count(); }");
        assumeTrue(cmd != null, "needs root to switch to user nobody");
        JtraceProcess.Result r = JtraceProcess.command(cmd).start().waitFor(Kernel.SELF_EXIT).assertExitCode(1);
        assertTrue(r.stderr().contains("CAP_BPF"), r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
    }

    private static void noStackTrace(JtraceProcess.Result r) {
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), r.stderr());
    }
}
