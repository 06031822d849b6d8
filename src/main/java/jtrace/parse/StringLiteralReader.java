package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a double-quoted string literal and decodes its escapes. The result holds one char per
 * byte (0..255): source text is taken as UTF-8 and {@code \xNN} / {@code \NNN} escapes are bytes,
 * so {@code value.getBytes(ISO_8859_1)} gives exactly the bytes the program meant.
 */
final class StringLiteralReader {
    private StringLiteralReader() {}

    /** The decoded value and the offset just past the closing quote. */
    record Result(String value, int end) {}

    /** {@code start} is the offset of the opening quote. */
    static Result read(String text, int start) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new CompileError(new Span(start, i), "unterminated string");
            }
            char c = text.charAt(i);
            if (c == '"') return new Result(bytes.toString(StandardCharsets.ISO_8859_1), i + 1);
            if (c != '\\') {
                int cp = text.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
                continue;
            }
            if (i + 1 >= text.length() || text.charAt(i + 1) == '\n') {
                throw new CompileError(new Span(start, i + 1), "unterminated string");
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case '\\' -> bytes.write('\\');
                case '"' -> bytes.write('"');
                case '\'' -> bytes.write('\'');
                case 'x' -> {
                    int digits = 0, v = 0;
                    while (digits < 2 && i < text.length() && Character.digit(text.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(text.charAt(i), 16);
                        i++;
                        digits++;
                    }
                    if (digits == 0) {
                        throw new CompileError(new Span(start, i), "invalid escape character '\\x'");
                    }
                    bytes.write(v);
                }
                default -> {
                    if (e < '0' || e > '7') {
                        String shown = new String(Character.toChars(text.codePointAt(i - 1)));
                        throw new CompileError(new Span(start, i - 1 + shown.length()),
                                "invalid escape character '\\" + shown + "'");
                    }
                    // Up to three octal digits, as in C.
                    int v = e - '0', digits = 1;
                    while (digits < 3 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7') {
                        v = v * 8 + (text.charAt(i) - '0');
                        i++;
                        digits++;
                    }
                    if (v > 0xff) {
                        throw new CompileError(new Span(start, i), "octal escape out of range: \\" + Integer.toOctalString(v));
                    }
                    bytes.write(v);
                }
            }
        }
    }
}
