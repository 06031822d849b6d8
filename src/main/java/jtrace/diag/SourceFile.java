package jtrace.diag;

/** A program's text and the name errors call it by ({@code stdin} for -e, else the file path). */
public record SourceFile(String name, String text) {

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
