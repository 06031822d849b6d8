package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.Probe;
import jtrace.types.Type;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A probe body checked for one concrete target: the type of every expression in it (by node
 * identity, as a body is checked once per target and types may differ between targets) and its
 * scratch variables ({@code variables} sums them up by name; {@code scratch} has each one).
 */
public record CheckedProbe(Probe ast, ProbeTarget target, IdentityHashMap<Expr, Type> types,
                           Map<String, Type> variables, IdentityHashMap<Expr, Long> constants, ScratchVariables scratch) {

    public CheckedProbe(Probe ast, ProbeTarget target, IdentityHashMap<Expr, Type> types, Map<String, Type> variables) {
        this(ast, target, types, variables, new IdentityHashMap<>(), ScratchVariables.none());
    }

    /** The value sema computed for a constant expression ({@code sizeof(struct X)}, {@code offsetof}), if any. */
    public Long constant(Expr e) {
        return constants.get(e);
    }

    public Type typeOf(Expr e) {
        Type t = types.get(e);
        if (t == null) throw new IllegalStateException("untyped expression " + e);
        return t;
    }
}
