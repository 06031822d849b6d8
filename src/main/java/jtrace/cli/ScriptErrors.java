package jtrace.cli;

import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.ImportedFileError;

import java.io.PrintStream;

/** Prints an error in the user's program as bpftrace does: the message, then the source line and a caret. */
final class ScriptErrors {
    private ScriptErrors() {}

    /**
     * The diagnostic for {@code error}, caught as {@code catch (CompileError | ImportedFileError e)}:
     * a CompileError's span is into {@code script}, an ImportedFileError carries the imported file.
     */
    static String format(SourceFile script, RuntimeException error) {
        return switch (error) {
            case CompileError e -> DiagnosticPrinter.error(script, e.span(), e.getMessage());
            case ImportedFileError e -> DiagnosticPrinter.error(e.source(), e.span(), e.getMessage());
            default -> throw new IllegalArgumentException("not an error in the program: " + error, error);
        };
    }

    /** Prints {@link #format}'s diagnostic to {@code err}. */
    static void print(PrintStream err, SourceFile script, RuntimeException error) {
        err.print(format(script, error));
    }
}
