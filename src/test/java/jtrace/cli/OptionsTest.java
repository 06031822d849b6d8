package jtrace.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line, spelled as bpftrace's, and what {@link Main#run} does with the ones that end early. */
class OptionsTest {

    static Options parse(String... args) throws Options.UsageException { return Options.parse(args); }

    @Test
    void programText() throws Exception {
        Options o = parse("-e", "BEGIN { }");
        assertEquals("BEGIN { }", o.programText());
        assertNull(o.programFile());
        assertEquals(List.of(), o.positional());
        assertFalse(o.list() || o.dump() || o.quiet() || o.help() || o.version() || o.debug());
    }

    @Test
    void programFile() throws Exception {
        Options o = parse("script.bt");
        assertEquals("script.bt", o.programFile());
        assertNull(o.programText());
    }

    @Test
    void programFromStdin() throws Exception {
        assertEquals("-", parse("-").programFile());
    }

    static Stream<Arguments> positionals() {
        return Stream.of(
                Arguments.of(new String[]{"-e", "p", "42", "abc"}, List.of("42", "abc")),
                Arguments.of(new String[]{"script.bt", "1", "two"}, List.of("1", "two")),
                // Everything after the program is a parameter, even what looks like an option.
                // getopt permutes: an option after the program is still an option (bpftrace's getopt_long does this)
                Arguments.of(new String[]{"-e", "p", "-q", "x"}, List.of("x")),
                Arguments.of(new String[]{"-q", "-e", "p"}, List.of()),
                Arguments.of(new String[]{"--", "script.bt", "7"}, List.of("7")));
    }

    @ParameterizedTest
    @MethodSource("positionals")
    void positionalParametersFollowTheProgram(String[] args, List<String> expected) throws Exception {
        assertEquals(expected, parse(args).positional());
    }

    @Test
    void optionsBeforeTheProgram() throws Exception {
        Options o = parse("-q", "-d", "--debug", "-e", "p", "-v");
        assertTrue(o.quiet());
        assertTrue(o.dump());
        assertTrue(o.debug());
        assertTrue(o.verbose(), "-v after the program is still an option, as with getopt");
        assertEquals(List.of(), o.positional());
        assertTrue(parse("--dump-bpf", "-e", "p").dump());
        assertTrue(parse("-v", "-e", "p").verbose());
    }

    static Stream<Arguments> listings() {
        // args, verbose, pattern
        return Stream.of(
                Arguments.of(new String[]{"-l"}, false, null),
                Arguments.of(new String[]{"-l", "tracepoint:sched:*"}, false, "tracepoint:sched:*"),
                Arguments.of(new String[]{"-l", "*sleep*"}, false, "*sleep*"),
                Arguments.of(new String[]{"-lv", "t:syscalls:sys_enter_read"}, true, "t:syscalls:sys_enter_read"),
                Arguments.of(new String[]{"-vl"}, true, null),
                Arguments.of(new String[]{"-l", "-v", "sched:*"}, true, "sched:*"),
                Arguments.of(new String[]{"-v", "-l", "sched:*"}, true, "sched:*"));
    }

    @ParameterizedTest
    @MethodSource("listings")
    void listPatterns(String[] args, boolean verbose, String pattern) throws Exception {
        Options o = parse(args);
        assertTrue(o.list());
        assertEquals(verbose, o.listVerbose());
        assertEquals(pattern, o.listPattern());
        assertNull(o.programText());
        assertNull(o.programFile());
    }

    @Test
    void helpAndVersionNeedNoProgram() throws Exception {
        assertTrue(parse("-h").help());
        assertTrue(parse("--help").help());
        assertTrue(parse("-V").version());
        assertTrue(parse("--version").version());
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[]{}, "No program specified"),
                Arguments.of(new String[]{"-q"}, "No program specified"),
                Arguments.of(new String[]{"--nope", "-e", "p"}, "unknown option: --nope"),
                Arguments.of(new String[]{"-x"}, "unknown option: -x"),
                Arguments.of(new String[]{"-e"}, "option '-e' requires an argument"),
                Arguments.of(new String[]{"-l", "a", "b"}, "-l takes one pattern"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usageErrorMessages(String[] args, String message) {
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> parse(args));
        assertEquals(message, e.getMessage());
    }

    // ---- Main.run on the paths that end before anything is loaded ----

    record Run(String out, String err, int status) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1));
        return new Run(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    @Test
    void helpPrintsUsage() {
        for (String flag : new String[]{"-h", "--help"}) {
            Run r = run(flag);
            assertEquals(0, r.status());
            assertEquals(Options.USAGE, r.out());
            assertTrue(r.out().startsWith("USAGE:\n"), r.out());
            assertEquals("", r.err());
        }
    }

    @Test
    void versionPrinted() {
        Run r = run("--version");
        assertEquals(0, r.status());
        assertEquals(Main.VERSION + "\n", r.out());
        assertTrue(Main.VERSION.matches("jtrace v[0-9]+\\.[0-9]+\\.[0-9]+"), Main.VERSION);
    }

    @Test
    void unknownOptionPrintsErrorAndUsage() {
        Run r = run("--nope");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("ERROR: unknown option: --nope\n" + Options.USAGE, r.err());
    }

    @Test
    void noProgramPrintsErrorAndUsage() {
        Run r = run();
        assertEquals(1, r.status());
        assertEquals("ERROR: No program specified\n" + Options.USAGE, r.err());
    }

    @Test
    void missingFile() {
        Run r = run("/nonexistent/dir/prog.bt");
        assertEquals(1, r.status());
        assertEquals("ERROR: failed to open file '/nonexistent/dir/prog.bt': No such file or directory\n", r.err());
    }

    @Test
    void compileErrorPrintedAsDiagnostic() {
        Run r = run("-e", "BEGIN { $x = nope; }");
        assertEquals(1, r.status());
        assertEquals("stdin:1:14-18: ERROR: Unknown identifier: 'nope'\nBEGIN { $x = nope; }\n             ~~~~\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void dumpPrintsInstructionsWithoutRunning() {
        Run r = run("-d", "-e", "BEGIN { printf(\"hi\\n\"); }");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("; BEGIN\n"), r.out());
        assertFalse(r.out().contains("hi\n"), "the program must not run");
        assertTrue(r.out().lines().count() > 5, r.out());
    }

    @Test
    void quietRunHasNoAttachMessage() {
        Run r = run("-q", "-e", "BEGIN { printf(\"x\\n\"); }");
        assertEquals("x\n", r.out());
        assertEquals("", r.err());
        Run loud = run("-e", "BEGIN { printf(\"x\\n\"); }");
        assertEquals("Attached 1 probe\n", loud.err());
    }
}
