package jtrace.ast;

import jtrace.diag.Span;

import java.util.List;

/** Statements inside a probe body. */
public sealed interface Stmt {
    Span span();

    /** An expression evaluated for its effect, e.g. {@code printf(...)}, {@code @x++}. */
    record ExprStmt(Expr expr, Span span) implements Stmt {}

    /**
     * {@code target = value} ({@code op} null) or a compound assignment {@code target op= value};
     * target is a {@link Expr.MapAccess} or {@link Expr.Variable}.
     */
    record Assign(Expr target, BinaryOp op, Expr value, Span span) implements Stmt {}

    /** {@code let $x[: type] [= value];} type and value may be null. */
    record Let(Expr.Variable variable, String type, Expr value, Span span) implements Stmt {}

    /** {@code if (cond) { } else ...}; otherwise is null, or a Block holding a nested if for {@code else if}. */
    record If(Expr cond, Block then, Block otherwise, Span span) implements Stmt {}

    record While(Expr cond, Block body, Span span) implements Stmt {}

    /** {@code unroll(count) { body }}: count is a literal. */
    record Unroll(Expr count, Block body, Span span) implements Stmt {}

    /** {@code for ($v : @map) { }}. */
    record ForMap(Expr.Variable variable, Expr.MapAccess map, Block body, Span span) implements Stmt {}

    /** {@code for ($v : from..to) { }}. */
    record ForRange(Expr.Variable variable, Expr from, Expr to, Block body, Span span) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    /** {@code return;} ends the probe. */
    record Return(Span span) implements Stmt {}

    /** A nested {@code { ... }} block. */
    record Nested(Block block, Span span) implements Stmt {}

    static List<Stmt> none() { return List.of(); }
}
