package jtrace.parse;

import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.ast.Preamble;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.ast.UnaryOp;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static jtrace.parse.TokenKind.*;

/** Expressions, by precedence climbing with C's precedence and associativity. */
final class ExprParser {
    private final TokenStream in;
    private final TypeNameParser types;
    /** Parses the statements of block expressions; set by the StmtParser built on this parser. */
    private StmtParser statements;
    /** Block expressions parsed so far, each as a macro without parameters (see {@link BlockExpressions}). */
    private final List<Preamble.Macro> blockExpressions = new ArrayList<>();

    void statements(StmtParser statements) { this.statements = statements; }

    List<Preamble.Macro> blockExpressions() { return blockExpressions; }

    ExprParser(TokenStream in) {
        this.in = in;
        this.types = new TypeNameParser(in);
    }

    /** A full expression: a ternary or anything tighter. */
    Expr expr() {
        Expr cond = binary(0);
        if (!in.accept(QUES)) return cond;
        Expr then = expr();
        if (!in.at(COLON)) throw TokenStream.unexpected(in.peek(), ":");
        in.advance();
        Expr otherwise = expr();
        return new Expr.Ternary(cond, then, otherwise, cond.span().to(otherwise.span()));
    }

    /** Binary levels from loosest (0) to tightest; all left-associative. */
    private static final TokenKind[][] LEVELS = {
            {LOR}, {LAND}, {BOR}, {BXOR}, {BAND}, {EQ, NE}, {LT, LE, GT, GE}, {LEFT, RIGHT},
            {PLUS, MINUS}, {MUL, DIV, MOD}};

    private Expr binary(int level) {
        if (level == LEVELS.length) return unary();
        Expr left = binary(level + 1);
        while (true) {
            TokenKind k = in.peek().kind();
            if (!contains(LEVELS[level], k)) return left;
            in.advance();
            Expr right = binary(level + 1);
            left = new Expr.Binary(binaryOp(k), left, right, left.span().to(right.span()));
        }
    }

    /** Prefix operators and casts; also the operand of a range bound in {@code for}. */
    Expr unary() {
        Token t = in.peek();
        UnaryOp op = switch (t.kind()) {
            case MINUS -> UnaryOp.NEG;
            case LNOT -> UnaryOp.LNOT;
            case BNOT -> UnaryOp.BNOT;
            case MUL -> UnaryOp.DEREF;
            case BAND -> UnaryOp.ADDR;
            default -> null;
        };
        if (op != null) {
            in.advance();
            Expr operand = unary();
            return new Expr.Unary(op, operand, t.span().to(operand.span()));
        }
        if (t.kind() == PLUSPLUS || t.kind() == MINUSMINUS) {
            in.advance();
            Expr target = unary();
            return new Expr.IncDec(target, t.kind() == PLUSPLUS, true, t.span().to(target.span()));
        }
        if (t.kind() == LPAREN && types.startsAt(1)) {
            in.advance();
            String type = types.parse();
            in.expect(RPAREN);
            Expr operand = unary();
            return new Expr.Cast(type, operand, t.span().to(operand.span()));
        }
        return postfix(primary());
    }

    private Expr postfix(Expr base) {
        while (true) {
            Token t = in.peek();
            switch (t.kind()) {
                case LBRACKET -> {
                    in.advance();
                    Expr index = expr();
                    Token close = in.peek();
                    if (close.kind() != RBRACKET) throw TokenStream.unexpected(close, "]");
                    in.advance();
                    base = new Expr.Index(base, index, base.span().to(close.span()));
                }
                case DOT, PTR -> {
                    in.advance();
                    Token field = in.peek();
                    // ".0" indexes a tuple; keywords are fine as field names too.
                    if (field.kind() != IDENT && field.kind() != BUILTIN && field.kind() != INT
                            && !Character.isLetter(field.text().isEmpty() ? ' ' : field.text().charAt(0))) {
                        throw TokenStream.unexpected(field, "identifier");
                    }
                    if (field.kind() == INT && !field.text().chars().allMatch(Character::isDigit)) {
                        throw TokenStream.unexpected(field, "identifier");
                    }
                    in.advance();
                    base = new Expr.FieldAccess(base, field.text(), t.kind() == PTR, base.span().to(field.span()));
                }
                case PLUSPLUS, MINUSMINUS -> {
                    in.advance();
                    base = new Expr.IncDec(base, t.kind() == PLUSPLUS, false, base.span().to(t.span()));
                }
                default -> {
                    return base;
                }
            }
        }
    }

    private Expr primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case INT -> {
                in.advance();
                return new Expr.IntLit(t.intValue(), t.unsigned(), t.span());
            }
            case STRING -> {
                in.advance();
                return new Expr.StrLit(t.string(), t.span());
            }
            case TRUE, FALSE -> {
                in.advance();
                return new Expr.BoolLit(t.kind() == TRUE, t.span());
            }
            case IDENT, BUILTIN -> {
                in.advance();
                if (in.at(LPAREN)) return call(t);
                if (TaskBuiltins.handles(t.text())) return TaskBuiltins.expand(t.text(), List.of(), t.span());
                return new Expr.Ident(t.text(), t.span());
            }
            case VAR -> {
                in.advance();
                return new Expr.Variable(t.text().substring(1), t.span());
            }
            case POSITIONAL -> {
                in.advance();
                return new Expr.Positional(positionalIndex(t), t.span());
            }
            case POSITIONAL_COUNT -> {
                in.advance();
                return new Expr.PositionalCount(t.span());
            }
            case MAP -> {
                return map();
            }
            case SIZEOF -> {
                return sizeOf();
            }
            case OFFSETOF -> {
                return offsetOf();
            }
            case LPAREN -> {
                return parenthesised();
            }
            case LBRACE -> {
                return blockExpression();
            }
            default -> throw TokenStream.unexpected(t);
        }
    }

    /** {@code { stmt; ...; expr }}: a block whose value is its last expression, which has no ';' after it. */
    private Expr blockExpression() {
        StmtParser.BracedStatements b = statements.bracedStatements();
        if (b.block().stmts().isEmpty() || !(b.block().stmts().getLast() instanceof Stmt.ExprStmt) || b.endsWithSemicolon()) {
            throw new CompileError(b.block().span(), "A block used as an expression must end with an expression "
                    + "that has no ';' after it");
        }
        Preamble.Macro m = BlockExpressions.define(b.block());
        blockExpressions.add(m);
        return new Expr.Call(m.name(), List.of(), b.block().span());
    }

    /** {@code @name} or {@code @name[k, ...]}. */
    Expr.MapAccess map() {
        Token name = in.expect(MAP);
        if (!in.at(LBRACKET)) return new Expr.MapAccess(name.text(), List.of(), name.span());
        in.advance();
        List<Expr> keys = list(RBRACKET, "]");
        // @m[(a, b)] is the same key as @m[a, b]
        if (keys.size() == 1 && keys.getFirst() instanceof Expr.Tuple t && t.elements().size() > 1) keys = t.elements();
        Token close = in.advance();
        return new Expr.MapAccess(name.text(), keys, name.span().to(close.span()));
    }

    /**
     * Builtins that current bpftrace also lets one call: {@code pid()} is {@code pid}. Stacks are not
     * here: {@code kstack()} takes optional arguments and is a function of its own.
     */
    private static final Set<String> CALLABLE_BUILTINS = Set.of(
            "pid", "tid", "uid", "gid", "comm", "nsecs", "elapsed", "cpu", "probe", "cgroup", "curtask",
            "rand", "numaid", "jiffies", "ncpus", "cpid", "func", "retval", "args", "probetype",
            "username", "usermode");

    private Expr call(Token name) {
        in.expect(LPAREN);
        List<Expr> args = in.at(RPAREN) ? List.of() : list(RPAREN, ")");
        Token close = in.advance();
        Span span = name.span().to(close.span());
        if (TaskBuiltins.handles(name.text()) && args.size() <= 1) return TaskBuiltins.expand(name.text(), args, span);
        if (CALLABLE_BUILTINS.contains(name.text()) && (args.isEmpty() || isPidNamespace(name.text(), args))) {
            return new Expr.Ident(name.text(), span);
        }
        return new Expr.Call(name.text(), args, span);
    }

    /**
     * {@code pid(curr_ns)}, {@code pid(init)}, the same for tid: jtrace does not translate PID
     * namespaces, its pid and tid are the BPF helper's, so both spellings mean the plain builtin.
     */
    private static boolean isPidNamespace(String name, List<Expr> args) {
        return (name.equals("pid") || name.equals("tid")) && args.size() == 1
                && args.getFirst() instanceof Expr.Ident ns && (ns.name().equals("curr_ns") || ns.name().equals("init"));
    }

    private Expr sizeOf() {
        Token kw = in.advance();
        in.expect(LPAREN);
        String type = null;
        Expr operand = null;
        if (types.startsAt(0)) type = types.parse();
        else operand = expr();
        Token close = in.peek();
        if (close.kind() != RPAREN) throw TokenStream.unexpected(close, ")");
        in.advance();
        return new Expr.SizeOf(type, operand, kw.span().to(close.span()));
    }

    /**
     * {@code offsetof(struct X, a.b)} or {@code offsetof(EXPR, a)}: a call to "offsetof" whose first
     * argument is the type as an identifier holding its name (or the expression) and whose second is
     * the member path as one identifier.
     */
    private Expr offsetOf() {
        Token kw = in.advance();
        in.expect(LPAREN);
        Expr what;
        if (types.startsAt(0) || in.peek().kind() == IDENT && in.peek(1).kind() == COMMA) {
            Token first = in.peek();
            String type = types.startsAt(0) ? types.parse() : in.advance().text();
            what = new Expr.Ident(type, first.span());
        } else {
            what = expr();
        }
        in.expect(COMMA);
        Token member = in.peek();
        if (member.kind() != IDENT && member.kind() != BUILTIN) throw TokenStream.unexpected(member, "identifier");
        in.advance();
        StringBuilder path = new StringBuilder(member.text());
        Span end = member.span();
        while (in.accept(DOT)) {
            Token next = in.peek();
            if (next.kind() != IDENT && next.kind() != BUILTIN) throw TokenStream.unexpected(next, "identifier");
            in.advance();
            path.append('.').append(next.text());
            end = next.span();
        }
        Token close = in.peek();
        if (close.kind() != RPAREN) throw TokenStream.unexpected(close, ")");
        in.advance();
        return new Expr.Call("offsetof", List.of(what, new Expr.Ident(path.toString(), member.span().to(end))),
                kw.span().to(close.span()));
    }

    /** {@code (e)} is just e (its span stays that of e); {@code (a, b)} is a tuple. */
    private Expr parenthesised() {
        if ((in.peek(1).kind() == IDENT || in.peek(1).kind() == BUILTIN) && in.peek(2).kind() == ASSIGN) return record();
        Token open = in.advance();
        // The empty tuple, written as Python does.
        if (in.at(RPAREN)) return new Expr.Tuple(List.of(), open.span().to(in.advance().span()));
        List<Expr> elements = new ArrayList<>();
        boolean trailingComma = false;
        // (a), (a, b), and the one-element tuple (a,) written as Python does
        while (true) {
            elements.add(expr());
            if (!in.accept(COMMA)) break;
            if (in.at(RPAREN)) {
                trailingComma = true;
                break;
            }
        }
        if (!in.at(RPAREN)) throw TokenStream.unexpected(in.peek(), ")", COMMA.display);
        Token close = in.advance();
        Span span = open.span().to(close.span());
        if (elements.size() > 1 || trailingComma) return new Expr.Tuple(elements, span);
        return elements.getFirst();
    }

    /** {@code (name=expr, ...)}: a record. */
    private Expr record() {
        Token open = in.advance();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (true) {
            Token name = in.advance();
            if (name.kind() != IDENT && name.kind() != BUILTIN) throw TokenStream.unexpected(name, IDENT.display);
            if (names.contains(name.text())) {
                throw new jtrace.diag.CompileError(name.span(), "Duplicate field name in record: " + name.text());
            }
            in.expect(ASSIGN);
            names.add(name.text());
            values.add(expr());
            if (in.accept(COMMA)) continue;
            if (in.at(RPAREN)) break;
            throw TokenStream.unexpected(in.peek(), ")", COMMA.display);
        }
        Token close = in.advance();
        return new Expr.Record(names, values, open.span().to(close.span()));
    }

    /** One or more comma-separated expressions up to (not consuming) {@code close}. */
    private List<Expr> list(TokenKind close, String closeName) {
        List<Expr> out = new ArrayList<>();
        while (true) {
            out.add(expr());
            if (in.accept(COMMA)) continue;
            if (in.at(close)) return out;
            throw TokenStream.unexpected(in.peek(), closeName, COMMA.display);
        }
    }

    private static int positionalIndex(Token t) {
        try {
            return Integer.parseInt(t.text().substring(1));
        } catch (NumberFormatException e) {
            throw new jtrace.diag.CompileError(t.span(), "positional parameter out of range: " + t.text());
        }
    }

    private static boolean contains(TokenKind[] kinds, TokenKind k) {
        for (TokenKind x : kinds) if (x == k) return true;
        return false;
    }

    static BinaryOp binaryOp(TokenKind k) {
        return switch (k) {
            case LOR -> BinaryOp.LOR;
            case LAND -> BinaryOp.LAND;
            case BOR, BOR_ASSIGN -> BinaryOp.BOR;
            case BXOR, BXOR_ASSIGN -> BinaryOp.BXOR;
            case BAND, BAND_ASSIGN -> BinaryOp.BAND;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case LEFT, LEFT_ASSIGN -> BinaryOp.SHL;
            case RIGHT, RIGHT_ASSIGN -> BinaryOp.SHR;
            case PLUS, PLUS_ASSIGN -> BinaryOp.ADD;
            case MINUS, MINUS_ASSIGN -> BinaryOp.SUB;
            case MUL, MUL_ASSIGN -> BinaryOp.MUL;
            case DIV, DIV_ASSIGN -> BinaryOp.DIV;
            case MOD, MOD_ASSIGN -> BinaryOp.MOD;
            default -> throw new IllegalArgumentException("not a binary operator: " + k);
        };
    }
}
