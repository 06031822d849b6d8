package jtrace.cpp;

import java.util.ArrayList;
import java.util.List;

/**
 * A C file as logical lines: backslash-newlines joined, comments replaced by a space (a block
 * comment spanning lines continues its logical line, as in C), string and character literals kept.
 */
final class SourceLines {
    /** One logical line and the physical line (1-based) it starts on. */
    record Line(String text, int number) {
        /** Whether this is a directive: its first non-blank character is '#'. */
        boolean isDirective() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '#') return true;
                if (c != ' ' && c != '\t' && c != '\f' && c != '\r') return false;
            }
            return false;
        }
    }

    private SourceLines() {}

    static List<Line> split(String text) {
        List<Line> lines = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int physical = 1, start = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < n && (text.charAt(i + 1) == '\n'
                    || (text.charAt(i + 1) == '\r' && i + 2 < n && text.charAt(i + 2) == '\n'))) {
                i += text.charAt(i + 1) == '\r' ? 3 : 2;
                physical++;
            } else if (c == '\n') {
                lines.add(new Line(sb.toString(), start));
                sb.setLength(0);
                physical++;
                start = physical;
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int j = i; j < stop; j++) if (text.charAt(j) == '\n') physical++;
                sb.append(' ');
                i = stop;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    // A line comment ending in a backslash continues onto the next line.
                    if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        physical++;
                        i++;
                    }
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                j = Math.min(n, j < n && text.charAt(j) == c ? j + 1 : j);
                sb.append(text, i, j);
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        if (!sb.isEmpty()) lines.add(new Line(sb.toString(), start));
        return lines;
    }
}
