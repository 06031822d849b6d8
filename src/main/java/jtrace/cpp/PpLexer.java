package jtrace.cpp;

import java.util.ArrayList;
import java.util.List;

/** Splits one logical line (comments already removed) into preprocessing tokens. */
final class PpLexer {
    private static final String[] PUNCTUATORS = {
            "%:%:", "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
            "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "<:", ":>", "<%", "%>", "%:"};

    private PpLexer() {}

    static List<PpToken> tokens(String line) {
        List<PpToken> out = new ArrayList<>();
        int i = 0, n = line.length();
        boolean space = false;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r' || c == '\n') {
                space = true;
                i++;
                continue;
            }
            int start = i;
            PpToken.Kind kind;
            if (isIdentStart(c)) {
                // An encoding prefix belongs to the literal that follows it (L"x", u8'c').
                while (i < n && isIdentPart(line.charAt(i))) i++;
                String word = line.substring(start, i);
                if (i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'')
                        && (word.equals("L") || word.equals("u") || word.equals("U") || word.equals("u8"))) {
                    char q = line.charAt(i);
                    i = quoted(line, i);
                    kind = q == '"' ? PpToken.Kind.STRING : PpToken.Kind.CHAR;
                } else {
                    kind = PpToken.Kind.IDENT;
                }
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(line.charAt(i + 1)))) {
                // pp-number: digits, letters, '.', and exponent signs.
                i++;
                while (i < n) {
                    char d = line.charAt(i);
                    if ((d == '+' || d == '-') && "eEpP".indexOf(line.charAt(i - 1)) >= 0) i++;
                    else if (isIdentPart(d) || d == '.') i++;
                    else break;
                }
                kind = PpToken.Kind.NUMBER;
            } else if (c == '"' || c == '\'') {
                i = quoted(line, i);
                kind = c == '"' ? PpToken.Kind.STRING : PpToken.Kind.CHAR;
            } else {
                String p = punctuator(line, i);
                if (p != null) {
                    i += p.length();
                    kind = PpToken.Kind.PUNCT;
                } else {
                    i++;
                    kind = "{}[]()#;:,.?~!+-*/%<>=&|^".indexOf(c) >= 0 ? PpToken.Kind.PUNCT : PpToken.Kind.OTHER;
                }
            }
            out.add(new PpToken(kind, line.substring(start, i), space));
            space = false;
        }
        return out;
    }

    /** The index after the literal opening at {@code i} (its end of line when unterminated). */
    private static int quoted(String line, int i) {
        char q = line.charAt(i++);
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') i += 2;
            else if (c == q) return i + 1;
            else i++;
        }
        return line.length();
    }

    private static String punctuator(String line, int i) {
        for (String p : PUNCTUATORS) if (line.startsWith(p, i)) return p;
        return null;
    }

    static boolean isIdentStart(char c) {
        return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    /** Tokens as text, one space where the source had whitespace. */
    static String spell(List<PpToken> tokens) {
        StringBuilder sb = new StringBuilder();
        for (PpToken t : tokens) {
            if (t.spaceBefore() && !sb.isEmpty()) sb.append(' ');
            sb.append(t.text());
        }
        return sb.toString();
    }
}
