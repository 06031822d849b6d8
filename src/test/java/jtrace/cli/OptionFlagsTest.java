package jtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionFlagsTest {
    private static Options parse(String... args) throws Options.UsageException {
        return Options.parse(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -o out.txt -e P        | out.txt
            -oout.txt -e P         | out.txt
            --output out.txt -e P  | out.txt
            --output=out.txt -e P  | out.txt
            -e P -o out.txt        | out.txt
            """)
    void outputFileSpellings(String line) throws Exception {
        assertEquals("out.txt", parse(line.split(" ")).outputFile());
    }

    @Test
    void optionsAfterTheProgramAreOptionsAndTheRestPositional() throws Exception {
        Options o = parse("-e", "P", "-c", "sleep 1", "a", "-q", "b");
        assertEquals("P", o.programText());
        assertEquals("sleep 1", o.command());
        assertTrue(o.quiet());
        assertEquals(List.of("a", "b"), o.positional());
    }

    @Test
    void doubleDashEndsOptions() throws Exception {
        Options o = parse("script.bt", "--", "-q", "x");
        assertEquals("script.bt", o.programFile());
        assertFalse(o.quiet());
        assertEquals(List.of("-q", "x"), o.positional());
    }

    @Test
    void pidAndCommand() throws Exception {
        assertEquals("123", parse("-p", "123", "-e", "P").pid());
        assertEquals("123", parse("--pid=123", "-e", "P").pid());
        assertEquals("ls -l", parse("--cmd", "ls -l", "-e", "P").command());
        assertNull(parse("-e", "P").command());
        Options.UsageException both = assertThrows(Options.UsageException.class, () -> parse("-c", "ls", "-p", "1", "-e", "P"));
        assertEquals("USAGE: Cannot use both -c and -p.", both.getMessage());
        assertTrue(both.showUsage());
    }

    @ParameterizedTest(name = "-B {0}")
    @CsvSource({"none, NONE", "line, LINE", "full, FULL"})
    void bufferModes(String arg, BufferMode mode) throws Exception {
        assertEquals(mode, parse("-B", arg, "-e", "P").buffering());
    }

    @Test
    void bufferModeDefaultsToLineAndRejectsOthers() throws Exception {
        assertEquals(BufferMode.LINE, parse("-e", "P").buffering());
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> parse("-B", "half", "-e", "P"));
        assertEquals("USAGE: -B must be either 'line', 'full', or 'none'.", e.getMessage());
        assertFalse(e.showUsage());
    }

    @Test
    void missingValue() {
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> parse("-e", "P", "-o"));
        assertEquals("option '-o' requires an argument", e.getMessage());
    }

    @Test
    void verboseAndQuiet() throws Exception {
        Options o = parse("-v", "-q", "-e", "P");
        assertTrue(o.verbose());
        assertTrue(o.quiet());
        assertFalse(o.list());
    }
}
