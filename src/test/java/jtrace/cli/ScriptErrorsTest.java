package jtrace.cli;

import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.parse.ImportedFileError;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScriptErrorsTest {
    private static final SourceFile SCRIPT = new SourceFile("stdin", "BEGIN { foo(); }");
    private static final SourceFile IMPORTED = new SourceFile("lib.bt", "macro m() {\n  bar\n}");

    @Test
    void compileErrorPointsIntoTheScript() {
        assertEquals("stdin:1:9-12: ERROR: Unknown function: foo\nBEGIN { foo(); }\n        ~~~\n",
                ScriptErrors.format(SCRIPT, new CompileError(new Span(8, 11), "Unknown function: foo")));
    }

    @Test
    void importedFileErrorPointsIntoItsOwnFile() {
        assertEquals("lib.bt:2:3-6: ERROR: Unknown identifier\n  bar\n  ~~~\n",
                ScriptErrors.format(SCRIPT, new ImportedFileError(IMPORTED, new Span(14, 17), "Unknown identifier")));
    }

    @Test
    void printWritesTheSameText() {
        var bytes = new ByteArrayOutputStream();
        var err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CompileError e = new CompileError(new Span(0, 5), "boom");
        ScriptErrors.print(err, SCRIPT, e);
        assertEquals(ScriptErrors.format(SCRIPT, e), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void otherExceptionsAreNotProgramErrors() {
        assertThrows(IllegalArgumentException.class, () -> ScriptErrors.format(SCRIPT, new IllegalStateException("x")));
    }
}
