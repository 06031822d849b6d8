package jtrace.ast;

import jtrace.diag.Span;

import java.util.List;

/** {@code attach, points /predicate/ { body }}; the predicate is null when absent. */
public record Probe(List<AttachPoint> attachPoints, Expr predicate, Block body, Span span) {
    public Probe { attachPoints = List.copyOf(attachPoints); }
}
