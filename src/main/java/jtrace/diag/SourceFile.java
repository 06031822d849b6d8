package jtrace.diag;

import java.util.List;

/**
 * A program's text and the name errors call it by ({@code stdin} for -e, else the file path).
 * Files brought in by {@code import} are laid out after the root's text in one offset space, so a
 * {@link Span} alone says which file it is in: {@code parts} are those files, each at its base
 * offset, and {@link #locate} turns a span back into the file it belongs to.
 */
public record SourceFile(String name, String text, List<Part> parts) {
    /** An imported file whose text sits at offsets {@code [base, base + length)} of the whole. */
    public record Part(SourceFile file, int base) {
        boolean holds(int offset) { return offset >= base && offset <= base + file.text().length(); }
    }

    /** A span within the one file that holds it. */
    public record Located(SourceFile file, Span span) {}

    public SourceFile(String name, String text) {
        this(name, text, List.of());
    }

    public SourceFile {
        parts = List.copyOf(parts);
    }

    /** The file a span of this source's offset space is in, with the span relative to that file. */
    public Located locate(Span span) {
        for (Part p : parts) {
            if (p.holds(span.start())) {
                int end = Math.min(span.end(), p.base() + p.file().text().length());
                return new Located(p.file(), new Span(span.start() - p.base(), Math.max(end, span.start()) - p.base()));
            }
        }
        return new Located(this, span);
    }

    /** 1-based line number of a character offset. */
    public int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /** 1-based column of a character offset. */
    public int columnOf(int offset) {
        int lineStart = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
        if (offset == 0) lineStart = 0;
        return offset - lineStart + 1;
    }

    /** The text of the line holding the offset, without its newline. */
    public String lineText(int offset) {
        int o = Math.min(offset, text.length());
        int start = o == 0 ? 0 : text.lastIndexOf('\n', o - 1) + 1;
        int end = text.indexOf('\n', start);
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }
}
