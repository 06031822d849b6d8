package jtrace.parse;

import jtrace.ast.BinaryOp;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Stmt;
import jtrace.ast.UnaryOp;
import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static jtrace.parse.TokenKind.*;

/** Blocks and statements. */
final class StmtParser {
    private static final Set<TokenKind> ASSIGN_OPS = EnumSet.of(
            ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, MUL_ASSIGN, DIV_ASSIGN, MOD_ASSIGN,
            BAND_ASSIGN, BOR_ASSIGN, BXOR_ASSIGN, LEFT_ASSIGN, RIGHT_ASSIGN);

    /** Tokens that can begin a statement; anything else where one is due gets "expecting }". */
    private static final Set<TokenKind> STMT_START = EnumSet.of(
            INT, STRING, IDENT, BUILTIN, MAP, VAR, POSITIONAL, POSITIONAL_COUNT, TRUE, FALSE,
            IF, WHILE, FOR, UNROLL, LET, BREAK, CONTINUE, RETURN, SIZEOF, LBRACE, LPAREN,
            MINUS, LNOT, BNOT, MUL, BAND, PLUSPLUS, MINUSMINUS);

    private final TokenStream in;
    private final ExprParser exprs;

    StmtParser(TokenStream in, ExprParser exprs) {
        this.in = in;
        this.exprs = exprs;
        exprs.statements(this);
    }

    /** A braced statement list and whether its last statement was followed by ';'. */
    record BracedStatements(Block block, boolean endsWithSemicolon) {}

    /** {@code { stmt; stmt; ... }}: ';' separates, is optional after the last statement and after a braced one. */
    Block block() {
        return bracedStatements().block();
    }

    BracedStatements bracedStatements() {
        Token open = in.peek();
        if (open.kind() != LBRACE) throw TokenStream.unexpected(open, "{");
        in.advance();
        List<Stmt> stmts = new ArrayList<>();
        boolean semicolon = false;
        while (!in.at(RBRACE)) {
            Token t = in.peek();
            if (!STMT_START.contains(t.kind())) throw TokenStream.unexpected(t, "}");
            Stmt s = stmt();
            stmts.add(s);
            semicolon = in.accept(SEMI);
            if (semicolon) continue;
            if (endsWithBlock(s) || in.at(RBRACE)) continue;
            throw TokenStream.unexpected(in.peek(), "}");
        }
        Token close = in.advance();
        return new BracedStatements(new Block(stmts, open.span().to(close.span())), semicolon);
    }

    private static boolean endsWithBlock(Stmt s) {
        return switch (s) {
            case Stmt.If ignored -> true;
            case Stmt.While ignored -> true;
            case Stmt.Unroll ignored -> true;
            case Stmt.ForMap ignored -> true;
            case Stmt.ForRange ignored -> true;
            case Stmt.Nested ignored -> true;
            default -> false;
        };
    }

    Stmt stmt() {
        Token t = in.peek();
        return switch (t.kind()) {
            case IF -> ifStmt();
            case WHILE -> {
                in.advance();
                Expr cond = condition();
                Block body = block();
                yield new Stmt.While(cond, body, t.span().to(body.span()));
            }
            case UNROLL -> {
                in.advance();
                Expr count = condition();
                Block body = block();
                yield new Stmt.Unroll(count, body, t.span().to(body.span()));
            }
            case FOR -> forStmt();
            case LET -> let();
            case BREAK -> new Stmt.Break(in.advance().span());
            case CONTINUE -> new Stmt.Continue(in.advance().span());
            case RETURN -> new Stmt.Return(in.advance().span());
            case LBRACE -> {
                Block b = block();
                yield new Stmt.Nested(b, b.span());
            }
            default -> exprOrAssign();
        };
    }

    private Stmt exprOrAssign() {
        Expr e = exprs.expr();
        Token op = in.peek();
        if (e instanceof Expr.Call c && c.name().equals("assert") && c.args().size() == 2) return assertion(c);
        if (!ASSIGN_OPS.contains(op.kind())) return new Stmt.ExprStmt(e, e.span());
        // `_ = expr;` evaluates expr and discards its value.
        if (e instanceof Expr.Ident discard && discard.name().equals("_") && op.kind() == ASSIGN) {
            in.advance();
            Expr value = exprs.expr();
            return new Stmt.ExprStmt(value, e.span().to(value.span()));
        }
        if (!(e instanceof Expr.MapAccess) && !(e instanceof Expr.Variable)) {
            throw new CompileError(op.span(), "syntax error, unexpected " + op.display()
                    + ": only a map or a scratch variable can be assigned to");
        }
        in.advance();
        Expr value = exprs.expr();
        BinaryOp bop = op.kind() == ASSIGN ? null : ExprParser.binaryOp(op.kind());
        return new Stmt.Assign(e, bop, value, e.span().to(value.span()));
    }

    /**
     * {@code assert(cond, msg)}, which bpftrace's standard library defines as a macro:
     * {@code if (!cond) { errorf("assert failed: %s", msg); exit(1); }}.
     */
    private static Stmt assertion(Expr.Call c) {
        Span at = c.span();
        Expr.Call report = new Expr.Call("errorf", List.of(new Expr.StrLit("assert failed: %s", at), c.args().get(1)), at);
        Expr.Call exit = new Expr.Call("exit", List.of(new Expr.IntLit(1, false, at)), at);
        Block fail = new Block(List.of(new Stmt.ExprStmt(report, at), new Stmt.ExprStmt(exit, at)), at);
        return new Stmt.If(new Expr.Unary(UnaryOp.LNOT, c.args().getFirst(), at), fail, null, at);
    }

    /** {@code if (c) { } [else if ... | else { }]}; else-if nests as an else block holding one If. */
    private Stmt ifStmt() {
        Token kw = in.advance();
        Expr cond = condition();
        Block then = block();
        Block otherwise = null;
        Span end = then.span();
        if (in.accept(ELSE)) {
            if (in.at(IF)) {
                Stmt nested = ifStmt();
                otherwise = new Block(List.of(nested), nested.span());
            } else if (in.at(LBRACE)) {
                otherwise = block();
            } else {
                throw TokenStream.unexpected(in.peek(), "{", "if");
            }
            end = otherwise.span();
        }
        return new Stmt.If(cond, then, otherwise, kw.span().to(end));
    }

    /** {@code for ($v : @map) { }} or {@code for ($v : a..b) { }}. */
    private Stmt forStmt() {
        Token kw = in.advance();
        // Current bpftrace also accepts the header without parentheses: for $i : 0..10 { }
        boolean parens = in.accept(LPAREN);
        Token v = in.peek();
        if (v.kind() != VAR) throw TokenStream.unexpected(v, parens ? VAR.display : LPAREN.display);
        in.advance();
        Expr.Variable variable = new Expr.Variable(v.text().substring(1), v.span());
        in.expect(COLON);
        Stmt result;
        if (in.at(MAP) && in.peek(1).kind() == (parens ? RPAREN : LBRACE)) {
            Expr.MapAccess map = exprs.map();
            if (parens) in.expect(RPAREN);
            Block body = block();
            result = new Stmt.ForMap(variable, map, body, kw.span().to(body.span()));
        } else {
            Expr from = exprs.unary();
            if (!in.at(DOTDOT)) throw TokenStream.unexpected(in.peek(), DOTDOT.display);
            in.advance();
            Expr to = exprs.unary();
            if (parens) in.expect(RPAREN);
            Block body = block();
            result = new Stmt.ForRange(variable, from, to, body, kw.span().to(body.span()));
        }
        return result;
    }

    /** {@code let $x}, {@code let $x = e}, {@code let $x: type [= e]}. */
    private Stmt let() {
        Token kw = in.advance();
        Token v = in.peek();
        if (v.kind() != VAR) throw TokenStream.unexpected(v, VAR.display);
        in.advance();
        Expr.Variable variable = new Expr.Variable(v.text().substring(1), v.span());
        Span span = kw.span().to(v.span());
        String type = null;
        if (in.accept(COLON)) {
            Token typeStart = in.peek();
            if (typeStart.kind() != IDENT && typeStart.kind() != STRUCT && typeStart.kind() != UNION
                    && typeStart.kind() != ENUM) {
                throw TokenStream.unexpected(typeStart, IDENT.display);
            }
            type = new TypeNameParser(in).parse();
            span = span.to(in.last().span());
        }
        Expr value = null;
        if (in.accept(ASSIGN)) {
            value = exprs.expr();
            span = span.to(value.span());
        }
        return new Stmt.Let(variable, type, value, span);
    }

    /** A parenthesised expression after if/while/unroll. */
    private Expr condition() {
        in.expect(LPAREN);
        Expr e = exprs.expr();
        Token close = in.peek();
        if (close.kind() != RPAREN) throw TokenStream.unexpected(close, ")");
        in.advance();
        return e;
    }
}
