package jtrace.cpp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The controlling expression of {@code #if}/{@code #elif}: {@code defined}, {@code __has_include},
 * macro expansion, then C integer arithmetic in 64 bits (signed unless an operand is unsigned),
 * with names left after expansion taken as 0.
 */
final class IfExpression {
    /** A value and whether it is unsigned (as intmax_t/uintmax_t in C). */
    private record Value(long v, boolean unsigned) {
        boolean truth() { return v != 0; }
    }

    private final List<PpToken> tokens;
    private int pos;

    private IfExpression(List<PpToken> tokens) { this.tokens = tokens; }

    /**
     * Evaluates {@code raw}; {@code hasInclude} answers {@code __has_include} for a header
     * spelled {@code <name>} or {@code "name"}.
     */
    static boolean evaluate(List<PpToken> raw, MacroTable macros, Predicate<String> hasInclude)
            throws MacroTable.ExpansionException {
        List<PpToken> pre = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            PpToken t = raw.get(i);
            if (t.is("defined")) {
                boolean paren = i + 1 < raw.size() && raw.get(i + 1).is("(");
                int at = paren ? i + 2 : i + 1;
                if (at >= raw.size() || !raw.get(at).isIdent()) {
                    throw new MacroTable.ExpansionException("macro name must be an identifier");
                }
                if (paren && (at + 1 >= raw.size() || !raw.get(at + 1).is(")"))) {
                    throw new MacroTable.ExpansionException("missing ')' after 'defined'");
                }
                pre.add(number(macros.defined(raw.get(at).text()) || raw.get(at).is("__has_include")));
                i = paren ? at + 1 : at;
            } else if ((t.is("__has_include") || t.is("__has_include_next")) && i + 1 < raw.size() && raw.get(i + 1).is("(")) {
                int close = i + 2;
                while (close < raw.size() && !raw.get(close).is(")")) close++;
                if (close >= raw.size()) throw new MacroTable.ExpansionException("missing ')' after '__has_include'");
                String name = headerName(raw.subList(i + 2, close), macros);
                pre.add(number(hasInclude.test(name)));
                i = close;
            } else {
                pre.add(t);
            }
        }
        List<PpToken> expanded = macros.expand(pre);
        List<PpToken> plain = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) {
            PpToken t = expanded.get(i);
            // Compiler queries (__has_attribute(x), __has_builtin(x)...) answer "no".
            if (t.isIdent() && t.text().startsWith("__has_") && i + 1 < expanded.size() && expanded.get(i + 1).is("(")) {
                int depth = 0;
                int j = i + 1;
                for (; j < expanded.size(); j++) {
                    if (expanded.get(j).is("(")) depth++;
                    else if (expanded.get(j).is(")") && --depth == 0) break;
                }
                plain.add(number(false));
                i = j;
            } else {
                plain.add(t.isIdent() ? number(false) : t);
            }
        }
        if (plain.isEmpty()) throw new MacroTable.ExpansionException("expected value in expression");
        IfExpression e = new IfExpression(plain);
        Value v = e.conditional();
        if (e.pos < plain.size()) {
            throw new MacroTable.ExpansionException("token is not a valid binary operator in a preprocessor subexpression: '"
                    + plain.get(e.pos).text() + "'");
        }
        return v.truth();
    }

    /** {@code <sys/socket.h>} or {@code "x.h"} from the tokens between the parentheses, expanded if need be. */
    static String headerName(List<PpToken> toks, MacroTable macros) throws MacroTable.ExpansionException {
        List<PpToken> t = toks.isEmpty() || toks.getFirst().is("<") || toks.getFirst().kind() == PpToken.Kind.STRING
                ? toks : macros.expand(toks);
        if (t.size() == 1 && t.getFirst().kind() == PpToken.Kind.STRING) return t.getFirst().text();
        if (t.size() >= 2 && t.getFirst().is("<") && t.getLast().is(">")) {
            StringBuilder sb = new StringBuilder("<");
            for (PpToken x : t.subList(1, t.size() - 1)) sb.append(x.spaceBefore() && sb.length() > 1 ? " " : "").append(x.text());
            return sb.append('>').toString();
        }
        throw new MacroTable.ExpansionException("expected \"FILENAME\" or <FILENAME>");
    }

    private static PpToken number(boolean b) {
        return new PpToken(PpToken.Kind.NUMBER, b ? "1" : "0", true);
    }

    private PpToken peek() { return pos < tokens.size() ? tokens.get(pos) : null; }

    private boolean accept(String op) {
        PpToken t = peek();
        if (t != null && t.is(op) && t.kind() == PpToken.Kind.PUNCT) {
            pos++;
            return true;
        }
        return false;
    }

    private Value conditional() throws MacroTable.ExpansionException {
        Value c = binary(0);
        if (!accept("?")) return c;
        Value a = conditional();
        if (!accept(":")) throw new MacroTable.ExpansionException("expected ':' in preprocessor conditional");
        Value b = conditional();
        boolean u = a.unsigned() || b.unsigned();
        return new Value(c.truth() ? a.v() : b.v(), u);
    }

    private static final String[][] LEVELS = {
            {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};

    private Value binary(int level) throws MacroTable.ExpansionException {
        if (level == LEVELS.length) return unary();
        Value left = binary(level + 1);
        while (true) {
            String op = null;
            for (String o : LEVELS[level]) if (accept(o)) { op = o; break; }
            if (op == null) return left;
            Value right = binary(level + 1);
            left = apply(op, left, right);
        }
    }

    private static Value apply(String op, Value a, Value b) throws MacroTable.ExpansionException {
        boolean u = a.unsigned() || b.unsigned();
        long x = a.v(), y = b.v();
        return switch (op) {
            case "||" -> bool(a.truth() || b.truth());
            case "&&" -> bool(a.truth() && b.truth());
            case "|" -> new Value(x | y, u);
            case "^" -> new Value(x ^ y, u);
            case "&" -> new Value(x & y, u);
            case "==" -> bool(x == y);
            case "!=" -> bool(x != y);
            case "<" -> bool(compare(x, y, u) < 0);
            case ">" -> bool(compare(x, y, u) > 0);
            case "<=" -> bool(compare(x, y, u) <= 0);
            case ">=" -> bool(compare(x, y, u) >= 0);
            case "<<" -> new Value(y >= 64 || y < 0 ? 0 : x << y, a.unsigned());
            case ">>" -> new Value(y >= 64 || y < 0 ? (a.unsigned() || x >= 0 ? 0 : -1) : a.unsigned() ? x >>> y : x >> y, a.unsigned());
            case "+" -> new Value(x + y, u);
            case "-" -> new Value(x - y, u);
            case "*" -> new Value(x * y, u);
            case "/", "%" -> {
                if (y == 0) throw new MacroTable.ExpansionException((op.equals("/") ? "division" : "remainder") + " by zero in preprocessor expression");
                long r = op.equals("/") ? (u ? Long.divideUnsigned(x, y) : x / y) : (u ? Long.remainderUnsigned(x, y) : x % y);
                yield new Value(r, u);
            }
            default -> throw new IllegalStateException(op);
        };
    }

    private static int compare(long x, long y, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    private static Value bool(boolean b) { return new Value(b ? 1 : 0, false); }

    private Value unary() throws MacroTable.ExpansionException {
        if (accept("!")) return bool(!unary().truth());
        if (accept("-")) { Value v = unary(); return new Value(-v.v(), v.unsigned()); }
        if (accept("+")) return unary();
        if (accept("~")) { Value v = unary(); return new Value(~v.v(), v.unsigned()); }
        if (accept("(")) {
            Value v = conditional();
            if (!accept(")")) throw new MacroTable.ExpansionException("expected ')' in preprocessor expression");
            return v;
        }
        PpToken t = peek();
        if (t == null) throw new MacroTable.ExpansionException("expected value in expression");
        pos++;
        return switch (t.kind()) {
            case NUMBER -> integer(t.text());
            case CHAR -> new Value(character(t.text()), false);
            default -> throw new MacroTable.ExpansionException("invalid token at start of a preprocessor expression: '" + t.text() + "'");
        };
    }

    /** A C integer constant: decimal, 0x hex, 0b binary or octal, with u/l suffixes. */
    static Value integer(String text) throws MacroTable.ExpansionException {
        String s = text;
        boolean unsigned = false;
        while (!s.isEmpty() && "uUlL".indexOf(s.charAt(s.length() - 1)) >= 0) {
            if (Character.toLowerCase(s.charAt(s.length() - 1)) == 'u') unsigned = true;
            s = s.substring(0, s.length() - 1);
        }
        int radix = 10;
        if (s.startsWith("0x") || s.startsWith("0X")) { radix = 16; s = s.substring(2); }
        else if (s.startsWith("0b") || s.startsWith("0B")) { radix = 2; s = s.substring(2); }
        else if (s.length() > 1 && s.startsWith("0")) { radix = 8; s = s.substring(1); }
        try {
            long v = Long.parseUnsignedLong(s, radix);
            // A constant too big for a signed type is unsigned, as in C.
            return new Value(v, unsigned || v < 0);
        } catch (NumberFormatException e) {
            throw new MacroTable.ExpansionException("invalid integer constant in preprocessor expression: '" + text + "'");
        }
    }

    private static long character(String text) throws MacroTable.ExpansionException {
        int q = text.indexOf('\'');
        String body = text.substring(q + 1, text.length() - 1);
        if (body.isEmpty()) throw new MacroTable.ExpansionException("empty character constant");
        if (body.charAt(0) != '\\') return body.charAt(0);
        char e = body.length() > 1 ? body.charAt(1) : '\\';
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'a' -> 7;
            case 'b' -> 8;
            case 'f' -> 12;
            case 'v' -> 11;
            case 'x' -> Long.parseLong(body.substring(2), 16);
            default -> Character.isDigit(e) ? Long.parseLong(body.substring(1), 8) : e;
        };
    }
}
