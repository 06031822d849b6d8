package jtrace.parse;

import jtrace.ast.AttachPoint;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Preamble;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.diag.CompileError;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;

import static jtrace.parse.TokenKind.*;

/**
 * Parses a bpftrace program: an optional preamble (C definitions, {@code config = { }}, macros)
 * and one or more probes. Attach points are read as raw text; everything else as tokens.
 */
public final class Parser {
    private final TokenStream in;
    private final ExprParser exprs;
    private final StmtParser stmts;
    private final String text;
    private final List<ImportStatement> imports = new ArrayList<>();

    private Parser(SourceFile src) {
        this.in = new TokenStream(new Lexer(src));
        this.exprs = new ExprParser(in);
        this.stmts = new StmtParser(in, exprs);
        this.text = src.text();
    }

    /** The probes of a program; any preamble is checked but not returned (see {@link #parseScript}). */
    public static Program parse(SourceFile src) throws CompileError {
        return parseScript(src).program();
    }

    /**
     * The whole script: preamble and probes, with the macros, C definitions and probes of every
     * {@code import "file.bt";} merged in (see {@link ScriptImporter}). Errors inside an imported
     * file are {@link ImportedFileError}s, which name that file.
     */
    public static Script parseScript(SourceFile src) throws CompileError {
        return ScriptImporter.load(src).script();
    }

    /**
     * {@link #parseScript}, with the source the script's spans index: {@code src} itself, or with
     * imports {@code src} plus the imported files (see {@link SourceFile#parts()}). Errors found
     * after parsing are printed against it, so those in an imported file name that file.
     */
    public static ParsedScript parseWithImports(SourceFile src) throws CompileError {
        return ScriptImporter.load(src);
    }

    /**
     * {@code src}'s whole text as one expression (a C macro's replacement used in bpftrace code);
     * spans index {@code src}.
     */
    public static Expr parseExpression(SourceFile src) throws CompileError {
        Parser p = new Parser(src);
        Expr e = p.exprs.expr();
        Token end = p.in.peek();
        if (end.kind() != EOF) throw TokenStream.unexpected(end);
        return e;
    }

    /** Whether {@code name} is a builtin (pid, comm, arg0...) rather than a plain identifier. */
    public static boolean isBuiltin(String name) { return Lexer.isBuiltinName(name); }

    /** One file on its own, which may hold no probes; its import statements are returned, not followed. */
    static ParsedFile parseFile(SourceFile src) throws CompileError {
        Parser p = new Parser(src);
        Script script = p.script();
        return new ParsedFile(src, script, List.copyOf(p.imports));
    }

    private Script script() {
        List<Preamble.CDefinition> cdefs = new ArrayList<>();
        List<Preamble.Macro> macros = new ArrayList<>();
        List<Preamble.MapDecl> mapDecls = new ArrayList<>();
        Preamble.Config config = null;
        List<Probe> probes = new ArrayList<>();
        while (true) {
            in.rewind();
            Lexer lexer = in.lexer();
            lexer.skipTrivia();
            int at = lexer.position();
            if (at >= text.length()) break;
            String word = wordAt(at);
            if (text.charAt(at) == '#') {
                cdefs.add(preprocessorLine(at));
            } else if ((word.equals("struct") || word.equals("union") || word.equals("enum")) && isCDefinition(at)) {
                cdefs.add(cDefinition(at));
            } else if (word.equals("config") && nextNonBlank(at + word.length()) == '=') {
                Token kw = in.peek();
                if (config != null) throw new CompileError(kw.span(), "only one config block is allowed");
                if (!probes.isEmpty()) throw new CompileError(kw.span(), "the config block must come before any probes");
                config = config();
            } else if (word.equals("import") && nextNonBlank(at + word.length()) == '"') {
                imports.add(importStatement());
            } else if (word.equals("macro") && Lexer.isIdentStart(nextNonBlank(at + word.length()))) {
                macros.add(macro());
            } else if (word.equals("let") && nextNonBlank(at + word.length()) == '@') {
                mapDecls.add(mapDecl());
            } else {
                probes.add(probe(at));
            }
        }
        macros.addAll(exprs.blockExpressions());
        Span all = new Span(0, text.length());
        return new Script(new Preamble(cdefs, config, macros, mapDecls), new Program(probes, all));
    }

    private Probe probe(int at) {
        List<AttachPoint> points = new ArrayList<>();
        Lexer lexer = in.lexer();
        while (true) {
            AttachPoint ap = AttachPointScanner.scan(text, at);
            if (ap == null) throw TokenStream.unexpected(in.peek());
            points.add(ap);
            lexer.reset(ap.span().end());
            lexer.skipTrivia();
            if (lexer.position() < text.length() && text.charAt(lexer.position()) == ',') {
                lexer.reset(lexer.position() + 1);
                lexer.skipTrivia();
                at = lexer.position();
                continue;
            }
            break;
        }
        Expr predicate = null;
        if (in.at(DIV)) {
            in.advance();
            predicate = exprs.expr();
            Token end = in.peek();
            if (end.kind() != ENDPRED) throw TokenStream.unexpected(end, ENDPRED.display);
            in.advance();
        }
        Block body = stmts.block();
        return new Probe(points, predicate, body, points.getFirst().span().to(body.span()));
    }

    /** {@code config = { name = value; ... }}. */
    private Preamble.Config config() {
        Token kw = in.expect(CONFIG);
        in.expect(ASSIGN);
        in.expect(LBRACE);
        List<Preamble.ConfigEntry> entries = new ArrayList<>();
        while (!in.at(RBRACE)) {
            Token name = in.peek();
            if (name.kind() != IDENT && name.kind() != BUILTIN) throw TokenStream.unexpected(name, "}");
            in.advance();
            in.expect(ASSIGN);
            Token v = in.peek();
            Expr value = switch (v.kind()) {
                case INT -> new Expr.IntLit(v.intValue(), v.unsigned(), v.span());
                case STRING -> new Expr.StrLit(v.string(), v.span());
                case TRUE, FALSE -> new Expr.BoolLit(v.kind() == TRUE, v.span());
                case IDENT, BUILTIN -> new Expr.Ident(v.text(), v.span());
                default -> throw TokenStream.unexpected(v);
            };
            in.advance();
            entries.add(new Preamble.ConfigEntry(name.text(), value, name.span().to(v.span())));
            if (!in.accept(SEMI) && !in.at(RBRACE)) throw TokenStream.unexpected(in.peek(), "}");
        }
        Token close = in.advance();
        return new Preamble.Config(entries, kw.span().to(close.span()));
    }

    /** {@code let @name = type(maxEntries);}: the type is checked by sema, as bpftrace does. */
    private Preamble.MapDecl mapDecl() {
        Token kw = in.expect(LET);
        Token map = in.expect(MAP);
        in.expect(ASSIGN);
        Token type = in.peek();
        if (type.kind() != IDENT && type.kind() != BUILTIN) throw TokenStream.unexpected(type, IDENT.display);
        in.advance();
        in.expect(LPAREN);
        Token size = in.expect(INT);
        Token close = in.expect(RPAREN);
        in.expect(SEMI);
        return new Preamble.MapDecl(map.text(), type.text(), size.intValue(), kw.span().to(close.span()));
    }

    /** {@code import "name";}. */
    private ImportStatement importStatement() {
        Token kw = in.expect(IMPORT);
        Token name = in.peek();
        if (name.kind() != STRING) throw TokenStream.unexpected(name, STRING.display);
        in.advance();
        Token semi = in.expect(SEMI);
        return new ImportStatement(name.string(), kw.span().to(semi.span()));
    }

    /** {@code macro name($a, @b, c) { body }}. */
    private Preamble.Macro macro() {
        Token kw = in.expect(MACRO);
        Token name = in.peek();
        if (name.kind() != IDENT && name.kind() != BUILTIN) throw TokenStream.unexpected(name, IDENT.display);
        in.advance();
        in.expect(LPAREN);
        List<Expr> params = new ArrayList<>();
        while (!in.at(RPAREN)) {
            Token p = in.peek();
            params.add(switch (p.kind()) {
                case VAR -> new Expr.Variable(p.text().substring(1), p.span());
                case MAP -> new Expr.MapAccess(p.text(), List.of(), p.span());
                case IDENT, BUILTIN -> new Expr.Ident(p.text(), p.span());
                default -> throw TokenStream.unexpected(p, ")");
            });
            in.advance();
            if (!in.accept(COMMA) && !in.at(RPAREN)) throw TokenStream.unexpected(in.peek(), ")", COMMA.display);
        }
        in.advance();
        Block body = stmts.block();
        return new Preamble.Macro(name.text(), params, body, kw.span().to(body.span()));
    }

    /** {@code #include ...} / {@code #define ...}, continued over backslash-newlines. */
    private Preamble.CDefinition preprocessorLine(int at) {
        int end = at;
        while (true) {
            int nl = text.indexOf('\n', end);
            if (nl < 0) {
                end = text.length();
                break;
            }
            end = nl;
            if (nl > 0 && text.charAt(nl - 1) == '\\') {
                end = nl + 1;
                continue;
            }
            break;
        }
        in.lexer().reset(end);
        return new Preamble.CDefinition(text.substring(at, end), new Span(at, end));
    }

    /** {@code struct NAME {} } (or an anonymous {@code enum { }}) at top level, as opposed to an attach point. */
    private boolean isCDefinition(int at) {
        int i = at + wordAt(at).length();
        if (wordAt(at).equals("enum") && nextNonBlank(i) == '{') return true;
        if (i >= text.length() || !Character.isWhitespace(text.charAt(i))) return false;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        String name = wordAt(i);
        return !name.isEmpty() && nextNonBlank(i + name.length()) == '{';
    }

    /** A struct/union/enum definition, copied verbatim through its matching '}' and optional ';'. */
    private Preamble.CDefinition cDefinition(int at) {
        int i = text.indexOf('{', at);
        int depth = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) break;
            i++;
        }
        if (i >= text.length()) {
            throw TokenStream.unexpected(Token.of(EOF, "", new Span(text.length(), text.length())), "}");
        }
        int end = i + 1;
        int j = end;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) j++;
        if (j < text.length() && text.charAt(j) == ';') end = j + 1;
        in.lexer().reset(end);
        return new Preamble.CDefinition(text.substring(at, end), new Span(at, end));
    }

    private String wordAt(int at) {
        int i = at;
        if (i < text.length() && Lexer.isIdentStart(text.charAt(i))) {
            while (i < text.length() && IntLiteralReader.isWordChar(text.charAt(i))) i++;
        }
        return text.substring(at, i);
    }

    private char nextNonBlank(int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i < text.length() ? text.charAt(i) : '\0';
    }
}
