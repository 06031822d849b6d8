package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.types.Type;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scratch variables of a checked probe: which variable each {@code $name} occurrence refers
 * to (by node identity), each variable's type, and the tree of scopes they belong to.
 */
public record ScratchVariables(IdentityHashMap<Expr.Variable, ScratchVariable> bindings,
                               Map<ScratchVariable, Type> types, VariableScope root) {

    public static ScratchVariables none() {
        return new ScratchVariables(new IdentityHashMap<>(), new LinkedHashMap<>(), new VariableScope(null));
    }

    /** The variable an occurrence of {@code $name} refers to. */
    public ScratchVariable of(Expr.Variable v) {
        ScratchVariable s = bindings.get(v);
        if (s == null) throw new IllegalStateException("unbound variable $" + v.name());
        return s;
    }

    public Type typeOf(ScratchVariable v) {
        Type t = types.get(v);
        if (t == null) throw new IllegalStateException("untyped variable $" + v.name());
        return t;
    }

    /** Each name's type, the last variable of that name winning: a summary for tests and tools. */
    public Map<String, Type> byName() {
        Map<String, Type> out = new LinkedHashMap<>();
        for (Map.Entry<ScratchVariable, Type> e : types.entrySet()) out.put(e.getKey().name(), e.getValue());
        return out;
    }
}
