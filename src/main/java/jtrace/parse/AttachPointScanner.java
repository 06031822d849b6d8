package jtrace.parse;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one attach point as raw text, e.g. {@code uprobe:/bin/bash:readline}. It ends at
 * whitespace, ',', '{' or any other character that cannot be part of one. Before the first ':'
 * a '/' also ends it ({@code BEGIN/1/}); after it '/' belongs to a path, as in bpftrace, where the
 * predicate must therefore be separated from such an attach point by whitespace. Double-quoted
 * sections (e.g. a path with spaces, a C++ symbol with "::") are kept in {@code raw} and unquoted
 * in {@code parts}.
 */
final class AttachPointScanner {
    private AttachPointScanner() {}

    /** Returns null when no attach point starts at {@code start}. */
    static AttachPoint scan(String text, int start) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean sawColon = false;
        int i = start;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != '"' && text.charAt(close) != '\n') close++;
                if (close >= text.length() || text.charAt(close) != '"') {
                    throw new CompileError(new Span(i, close), "unterminated string");
                }
                part.append(text, i + 1, close);
                i = close + 1;
            } else if (c == ':') {
                parts.add(part.toString());
                part.setLength(0);
                sawColon = true;
                i++;
            } else if (c == '/' && !sawColon) {
                break;
            } else if (isAttachPointChar(c)) {
                part.append(c);
                i++;
            } else {
                break;
            }
        }
        if (i == start) return null;
        parts.add(part.toString());
        return new AttachPoint(text.substring(start, i), parts, new Span(start, i));
    }

    private static boolean isAttachPointChar(char c) {
        return IntLiteralReader.isWordChar(c) || "-./*?+[]#$@~%".indexOf(c) >= 0;
    }
}
