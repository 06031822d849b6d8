package jtrace.parse;

import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns bpftrace source into tokens on demand. The parser may {@link #reset} it to re-read text
 * another way: attach points are not tokens but raw text (see {@link AttachPointScanner}).
 */
public final class Lexer {
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("if", TokenKind.IF), Map.entry("else", TokenKind.ELSE), Map.entry("while", TokenKind.WHILE),
            Map.entry("for", TokenKind.FOR), Map.entry("unroll", TokenKind.UNROLL), Map.entry("let", TokenKind.LET),
            Map.entry("break", TokenKind.BREAK), Map.entry("continue", TokenKind.CONTINUE),
            Map.entry("return", TokenKind.RETURN), Map.entry("sizeof", TokenKind.SIZEOF),
            Map.entry("offsetof", TokenKind.OFFSETOF), Map.entry("config", TokenKind.CONFIG),
            Map.entry("macro", TokenKind.MACRO), Map.entry("import", TokenKind.IMPORT),
            Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE),
            Map.entry("struct", TokenKind.STRUCT), Map.entry("union", TokenKind.UNION), Map.entry("enum", TokenKind.ENUM));

    /** Names bpftrace's lexer reports as "builtin" rather than "identifier". */
    private static final Set<String> BUILTINS = Set.of(
            "pid", "tid", "cgroup", "uid", "gid", "nsecs", "elapsed", "numaid", "cpu", "ncpus", "curtask", "rand",
            "ctx", "comm", "kstack", "ustack", "args", "retval", "func", "probe", "username", "cpid", "jiffies",
            "usermode");

    /** Longest operators first so that maximal munch works by trying them in order. */
    private static final String[] OPERATORS = {
            "<<=", ">>=", "..", "->", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "++", "--",
            "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "{", "}", "(", ")", "[", "]", ";", ",", ":", "?", ".", "=", "<", ">",
            "+", "-", "*", "/", "%", "&", "|", "^", "!", "~"};
    private static final TokenKind[] OPERATOR_KINDS = {
            TokenKind.LEFT_ASSIGN, TokenKind.RIGHT_ASSIGN, TokenKind.DOTDOT, TokenKind.PTR, TokenKind.EQ, TokenKind.NE,
            TokenKind.LE, TokenKind.GE, TokenKind.LEFT, TokenKind.RIGHT, TokenKind.LAND, TokenKind.LOR,
            TokenKind.PLUSPLUS, TokenKind.MINUSMINUS,
            TokenKind.PLUS_ASSIGN, TokenKind.MINUS_ASSIGN, TokenKind.MUL_ASSIGN, TokenKind.DIV_ASSIGN,
            TokenKind.MOD_ASSIGN, TokenKind.BAND_ASSIGN, TokenKind.BOR_ASSIGN, TokenKind.BXOR_ASSIGN,
            TokenKind.LBRACE, TokenKind.RBRACE, TokenKind.LPAREN, TokenKind.RPAREN, TokenKind.LBRACKET,
            TokenKind.RBRACKET, TokenKind.SEMI, TokenKind.COMMA, TokenKind.COLON, TokenKind.QUES, TokenKind.DOT,
            TokenKind.ASSIGN, TokenKind.LT, TokenKind.GT, TokenKind.PLUS, TokenKind.MINUS, TokenKind.MUL,
            TokenKind.DIV, TokenKind.MOD, TokenKind.BAND, TokenKind.BOR, TokenKind.BXOR, TokenKind.LNOT,
            TokenKind.BNOT};

    private final SourceFile source;
    private final String text;
    private int pos;

    public Lexer(SourceFile source) {
        this.source = source;
        this.text = source.text();
        // A "#!" first line makes the script executable; it is not part of the program.
        if (text.startsWith("#!")) {
            int nl = text.indexOf('\n');
            pos = nl < 0 ? text.length() : nl;
        }
    }

    public SourceFile source() { return source; }

    /** Offset of the next character to read. */
    public int position() { return pos; }

    /** Continues reading at {@code offset}. */
    public void reset(int offset) { pos = offset; }

    /** All tokens up to and including EOF. */
    public List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = next();
            out.add(t);
        } while (t.kind() != TokenKind.EOF);
        return out;
    }

    /** Skips whitespace and comments. */
    public void skipTrivia() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl;
            } else if (text.startsWith("/*", pos)) {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) throw new CompileError(new Span(pos, text.length()), "end of file during comment");
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    public Token next() {
        skipTrivia();
        int start = pos;
        if (pos >= text.length()) return Token.of(TokenKind.EOF, "", new Span(pos, pos));
        char c = text.charAt(pos);
        if (c == '"') {
            StringLiteralReader.Result r = StringLiteralReader.read(text, pos);
            pos = r.end();
            return new Token(TokenKind.STRING, text.substring(start, pos), new Span(start, pos), r.value(), 0, false);
        }
        if (c >= '0' && c <= '9') {
            IntLiteralReader.Result r = IntLiteralReader.read(text, pos);
            pos = r.end();
            return new Token(TokenKind.INT, text.substring(start, pos), new Span(start, pos), null, r.value(), r.unsigned());
        }
        if (isIdentStart(c)) {
            pos = wordEnd(pos);
            String word = text.substring(start, pos);
            TokenKind kind = KEYWORDS.getOrDefault(word, isBuiltin(word) ? TokenKind.BUILTIN : TokenKind.IDENT);
            return Token.of(kind, word, new Span(start, pos));
        }
        if (c == '@') {
            pos = isIdentStart(peekChar(1)) ? wordEnd(pos + 1) : pos + 1;
            return Token.of(TokenKind.MAP, text.substring(start, pos), new Span(start, pos));
        }
        if (c == '$') return dollar(start);
        if (c == '#') {
            int nl = text.indexOf('\n', pos);
            pos = nl < 0 ? text.length() : nl;
            return Token.of(TokenKind.CPREPROC, text.substring(start, pos), new Span(start, pos));
        }
        if (c == '/' && closesPredicate(pos)) {
            pos++;
            return Token.of(TokenKind.ENDPRED, "/", new Span(start, pos));
        }
        for (int i = 0; i < OPERATORS.length; i++) {
            if (text.startsWith(OPERATORS[i], pos)) {
                pos += OPERATORS[i].length();
                return Token.of(OPERATOR_KINDS[i], OPERATORS[i], new Span(start, pos));
            }
        }
        String shown = new String(Character.toChars(text.codePointAt(pos)));
        throw new CompileError(new Span(start, start + shown.length()), "invalid character '" + shown + "'");
    }

    private Token dollar(int start) {
        char n = peekChar(1);
        if (n == '#') {
            pos += 2;
            return Token.of(TokenKind.POSITIONAL_COUNT, "$#", new Span(start, pos));
        }
        if (n >= '0' && n <= '9') {
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) pos++;
            return Token.of(TokenKind.POSITIONAL, text.substring(start, pos), new Span(start, pos));
        }
        if (isIdentStart(n)) {
            pos = wordEnd(pos + 1);
            return Token.of(TokenKind.VAR, text.substring(start, pos), new Span(start, pos));
        }
        throw new CompileError(new Span(start, start + 1), "invalid character '$'");
    }

    /** As in bpftrace: a '/' followed (after blanks) by '{' or '/' ends a predicate rather than dividing. */
    private boolean closesPredicate(int at) {
        if (text.startsWith("//", at) || text.startsWith("/*", at)) return false;
        int i = at + 1;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i < text.length() && (text.charAt(i) == '{' || text.charAt(i) == '/');
    }

    private char peekChar(int ahead) {
        int i = pos + ahead;
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private int wordEnd(int from) {
        int i = from;
        while (i < text.length() && IntLiteralReader.isWordChar(text.charAt(i))) i++;
        return i;
    }

    static boolean isIdentStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isBuiltinName(String word) { return isBuiltin(word); }

    private static boolean isBuiltin(String word) {
        if (BUILTINS.contains(word)) return true;
        return word.length() == 4 && (word.startsWith("arg")) && Character.isDigit(word.charAt(3))
                || word.length() == 5 && word.startsWith("sarg") && Character.isDigit(word.charAt(4));
    }
}
