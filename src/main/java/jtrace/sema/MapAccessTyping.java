package jtrace.sema;

import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * Map elements in one probe: reads, assignments (aggregations, compound and integer promotion),
 * {@code ++}/{@code --}, and delete/has_key with a key, recorded in the shared {@link MapTable}.
 * While inferring, a map not typed yet is let through (its assignment may come in a later probe).
 */
final class MapAccessTyping {
    private final Function<Expr, Type> typer;
    private final IdentityHashMap<Expr, Type> types;
    private final MapTable maps;
    private final VariableTyping variables;
    private final boolean inferring;
    /** In the last inference pass a map read before any assignment is taken as an integer, as in {@code @n = @n + 1}. */
    private final boolean assumeIntegers;

    MapAccessTyping(Function<Expr, Type> typer, IdentityHashMap<Expr, Type> types, MapTable maps, VariableTyping variables,
                    boolean inferring, boolean assumeIntegers) {
        this.typer = typer;
        this.types = types;
        this.maps = maps;
        this.variables = variables;
        this.inferring = inferring;
        this.assumeIntegers = assumeIntegers;
    }

    void assign(Expr.MapAccess m, BinaryOp op, Expr value, Span span) {
        List<Type> keys = keyTypes(m);
        Type v;
        if (op == null && value instanceof Expr.Call c && Functions.isAggregation(c.name())) {
            List<Type> argTypes = new ArrayList<>();
            for (Expr a : c.args()) argTypes.add(typer.apply(a));
            v = Aggregations.type(c, argTypes);
            types.put(value, v);
        } else {
            v = typer.apply(value);
            if (v == null) return;
            if (v instanceof Type.Void) {
                throw new CompileError(value.span(), "Value of type '" + v.display() + "' can not be assigned to a map");
            }
            TypeChecker.requireHoldable(value, v);
            if (op != null) {
                TypeChecker.requireInteger(value, v, op.symbol + "=");
                MapInfo existing = maps.get(m.name());
                if (existing != null && Type.intOf(existing.value()) == null) {
                    throw new CompileError(m.span(), "Type mismatch for " + m.name() + ": trying to assign value of type '"
                            + v.display() + "' when map already contains a value of type '" + existing.value().display() + "'");
                }
                v = Types.widen(Type.intOf(v) instanceof Type.Int i ? i : Type.Int.INT64);
            }
        }
        if (op == null && v instanceof Type.Int vi) {
            Type.Int now = variables.natural(value, vi), was = maps.naturalInt(m.name());
            Type.Int promoted = was == null || now == null ? now : IntPromotion.promote(was, now);
            if (now == null) promoted = was;
            if (promoted == null && was != null) {
                throw new CompileError(m.span(), "Type mismatch for " + m.name() + ": trying to assign value of type '"
                        + now.display() + "' when map already contains a value of type '" + was.display() + "'");
            }
            maps.naturalInt(m.name(), promoted);
        }
        maps.assign(m, keys, v);
        // unknown key types (a key reads a map not assigned yet) leave a new map unrecorded until a later pass
        MapInfo info = maps.get(m.name());
        if (info != null) types.put(m, info.value());
    }

    Type read(Expr.MapAccess m) {
        List<Type> keys = keyTypes(m);
        MapInfo info = maps.get(m.name());
        if (info == null) {
            if (inferring) return assumeIntegers ? Type.Int.INT64 : null;
            throw new CompileError(m.span(), "Undefined map: " + m.name());
        }
        if (keys != null) maps.checkKeys(m, keys);
        return switch (info.value()) {
            case Type.Count c -> Type.Int.UINT64;
            case Type.Sum s -> s.of();
            case Type.Min s -> s.of();
            case Type.Max s -> s.of();
            case Type.Avg s -> s.of();
            case Type.Aggregation a -> throw new CompileError(m.span(), "Map value of type " + a.display() + " can not be used in an expression");
            default -> info.value();
        };
    }

    private List<Type> keyTypes(Expr.MapAccess m) {
        return storableTypes(m.keys(), "map key type");
    }

    /**
     * The types of values stored as map keys or tuple elements, in their key form; null when one
     * is not known yet. {@code what} names them in the error for a value that cannot be stored.
     */
    List<Type> storableTypes(List<Expr> values, String what) {
        List<Type> out = new ArrayList<>();
        for (Expr x : values) {
            Type t = typer.apply(x);
            if (t == null) return null;
            if (t instanceof Type.Void || t instanceof Type.Aggregation || t instanceof Type.Args) {
                throw new CompileError(x.span(), "Invalid " + what + ": " + t.display());
            }
            TypeChecker.requireHoldable(x, t);
            out.add(Types.keyForm(t));
        }
        return out;
    }

    /** {@code delete(@m, key)}: the map is named whole; the key (a tuple for several keys) must fit it. */
    Type deleteWithKey(Expr.Call c, Expr.MapAccess m) {
        Type key = typer.apply(c.args().get(1));
        MapInfo info = maps.get(m.name());
        if (info == null) {
            if (inferring) return new Type.Void();
            throw new CompileError(m.span(), "Undefined map: " + m.name());
        }
        types.put(m, info.value());
        if (key == null) return new Type.Void();
        List<Type> keys = key instanceof Type.Tuple t && info.keys().size() > 1 ? t.elements() : List.of(Types.keyForm(key));
        maps.checkKeys(new Expr.MapAccess(m.name(), List.of(), c.args().get(1).span()), keys);
        return new Type.Void();
    }

    /** {@code has_key(@m, key)}: true when the map holds the key. */
    Type hasKey(Expr.Call c) {
        if (c.args().size() != 2 || !(c.args().getFirst() instanceof Expr.MapAccess m) || !m.keys().isEmpty()) {
            throw new CompileError(c.span(), "has_key() expects a map and a key, e.g. `has_key(@my_map, 1)`");
        }
        MapInfo info = maps.get(m.name());
        if (info != null && info.keys().isEmpty()) {
            throw new CompileError(m.span(), "has_key() expects a map with explicit keys (non-scalar map)");
        }
        deleteWithKey(c, m);
        return new Type.Bool();
    }

    /** {@code @m[k]++} and friends: the map holds integers. */
    Type incDec(Expr.IncDec d, Expr.MapAccess m) {
        List<Type> keys = keyTypes(m);
        MapInfo info = maps.get(m.name());
        if (info != null && Type.intOf(info.value()) == null) {
            throw new CompileError(d.span(), "The " + (d.increment() ? "++" : "--")
                    + " operator can not be used on a map holding '" + info.value().display() + "'");
        }
        Type v = info == null ? Type.Int.INT64 : info.value();
        maps.assign(m, keys, v);
        types.put(m, v);
        return v;
    }
}
