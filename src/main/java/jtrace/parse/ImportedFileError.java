package jtrace.parse;

import jtrace.diag.SourceFile;
import jtrace.diag.Span;

/**
 * An error in a file reached through {@code import}: unlike a {@link jtrace.diag.CompileError},
 * whose span is into the root script, it carries the file its span belongs to.
 */
public final class ImportedFileError extends RuntimeException {
    private final SourceFile source;
    private final Span span;

    public ImportedFileError(SourceFile source, Span span, String message) {
        super(message, null, false, false);
        this.source = source;
        this.span = span;
    }

    public SourceFile source() { return source; }

    public Span span() { return span; }
}
