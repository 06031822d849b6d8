package jtrace.ast;

import jtrace.diag.Span;

import java.util.List;

/** A braced list of statements. */
public record Block(List<Stmt> stmts, Span span) {
    public Block { stmts = List.copyOf(stmts); }
}
