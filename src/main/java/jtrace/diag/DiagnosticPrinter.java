package jtrace.diag;

/**
 * Formats errors and warnings as bpftrace does:
 * <pre>
 * stdin:1:9-12: ERROR: Unknown function: foo
 * BEGIN { foo(); }
 *         ~~~
 * </pre>
 * Columns are 1-based, the end column exclusive; a range that runs past its first line is
 * underlined to the end of that line.
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {}

    public static String error(SourceFile source, Span span, String message) {
        return format(source, span, "ERROR", message);
    }

    public static String warning(SourceFile source, Span span, String message) {
        return format(source, span, "WARNING", message);
    }

    public static String format(SourceFile whole, Span at, String level, String message) {
        // A "HINT: ..." line of the message follows the source excerpt, as bpftrace prints hints.
        int hint = message.indexOf("\nHINT: ");
        if (hint >= 0) return format(whole, at, level, message.substring(0, hint)) + message.substring(hint + 1) + "\n";
        // A span into an imported file names that file and shows its line.
        SourceFile.Located located = whole.locate(at);
        SourceFile source = located.file();
        Span span = located.span();
        int line = source.lineOf(span.start());
        int col = source.columnOf(span.start());
        String lineText = source.lineText(span.start());
        int endCol = col + (span.end() - span.start());
        if (endCol - 1 > lineText.length() + 1) endCol = lineText.length() + 1;
        if (endCol < col) endCol = col;
        StringBuilder out = new StringBuilder();
        out.append(source.name()).append(':').append(line).append(':').append(col).append('-').append(endCol)
                .append(": ").append(level).append(": ").append(message).append('\n');
        out.append(lineText).append('\n');
        StringBuilder marks = new StringBuilder();
        for (int i = 1; i < col; i++) marks.append(i - 1 < lineText.length() && lineText.charAt(i - 1) == '\t' ? '\t' : ' ');
        for (int i = col; i < endCol; i++) marks.append('~');
        out.append(marks).append('\n');
        return out.toString();
    }
}
