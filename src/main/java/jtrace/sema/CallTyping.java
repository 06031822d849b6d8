package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Function calls: the few that need more than their arguments' types (stacks, offsetof, maps named
 * whole, getopt, nsecs, str($N + off)) here, the others by {@link Functions} and {@link CompileTimeFunctions}.
 */
final class CallTyping {
    private final Function<Expr, Type> typer;
    private final IdentityHashMap<Expr, Type> types;
    private final MapTable maps;
    private final MapAccessTyping mapAccess;
    private final StructTyping structs;
    private final CompileTimeFunctions compileTime;
    private final ProbeTarget target;
    private final CompileOptions options;
    private final boolean inferring;

    CallTyping(Function<Expr, Type> typer, IdentityHashMap<Expr, Type> types, MapTable maps, MapAccessTyping mapAccess,
               StructTyping structs, CompileTimeFunctions compileTime, ProbeTarget target, CompileOptions options, boolean inferring) {
        this.typer = typer;
        this.types = types;
        this.maps = maps;
        this.mapAccess = mapAccess;
        this.structs = structs;
        this.compileTime = compileTime;
        this.target = target;
        this.options = options;
        this.inferring = inferring;
    }

    /** @param reachable false inside a branch a compile-time condition rules out (fail() is no error there) */
    Type type(Expr.Call c, boolean reachable) {
        if (SymbolFunctions.isStack(c.name())) return SymbolFunctions.stackCall(c, options);
        if (Functions.isAggregation(c.name())) {
            throw new CompileError(c.span(), c.name() + "() should be directly assigned to a map");
        }
        if (c.name().equals("offsetof")) return structs.offsetOf(c, typer::apply);
        if (c.name().equals("delete") && c.args().size() == 2 && c.args().getFirst() instanceof Expr.MapAccess m
                && m.keys().isEmpty()) {
            mapAccess.deleteWithKey(c, m);
            return new Type.Bool();
        }
        if (c.name().equals("has_key")) return mapAccess.hasKey(c);
        if (c.name().equals("getopt")) return NamedParams.type(NamedParams.value(c, options));
        if (c.name().equals("nsecs")) return Clocks.check(c);
        if (c.name().equals("str") && !c.args().isEmpty() && PositionalOffset.of(c.args().getFirst()) != null) {
            return PositionalOffset.check(PositionalOffset.of(c.args().getFirst()), options);
        }
        List<Type> argTypes = new ArrayList<>();
        for (Expr a : c.args()) {
            if (a instanceof Expr.MapAccess m && Functions.takesWholeMap(c.name()) && m.keys().isEmpty()) {
                MapInfo info = maps.get(m.name());
                if (info == null) {
                    if (inferring) return c.name().equals("len") ? Type.Int.INT64 : new Type.Void();
                    throw new CompileError(m.span(), "Undefined map: " + m.name());
                }
                types.put(a, info.value());
                argTypes.add(info.value());
                continue;
            }
            Type t = typer.apply(a);
            if (t == null) return null;
            argTypes.add(t);
        }
        if (c.name().equals("print") && !argTypes.isEmpty()) TypeChecker.requireHoldable(c.args().getFirst(), argTypes.getFirst());
        if (CompileTimeFunctions.handles(c.name())) return compileTime.check(c, argTypes, reachable);
        return Functions.check(c, argTypes, target, options);
    }
}
