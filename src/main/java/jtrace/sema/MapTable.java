package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The types every map has been given so far, shared by all probes of a program. */
final class MapTable {
    private final Map<String, MapInfo> maps = new TreeMap<>();
    /** The integer type bpftrace would give each integer map value (see {@link IntPromotion}). */
    private final Map<String, Type.Int> naturalInts = new java.util.HashMap<>();

    Type.Int naturalInt(String map) { return naturalInts.get(map); }

    void naturalInt(String map, Type.Int type) { naturalInts.put(map, type); }

    MapInfo get(String name) { return maps.get(name); }

    Map<String, MapInfo> all() { return maps; }

    /** Where each map is first assigned: its name at that assignment (where bpftrace reports a declaration mismatch). */
    private final Map<String, jtrace.diag.Span> firstAssigned = new java.util.HashMap<>();

    jtrace.diag.Span firstAssigned(String name) { return firstAssigned.get(name); }

    /** Records an assignment; keys may be null when a key's type is not known yet. */
    void assign(Expr.MapAccess m, List<Type> keys, Type value) {
        requireSize(m, keys, value);
        firstAssigned.putIfAbsent(m.name(), new jtrace.diag.Span(m.span().start(), m.span().start() + m.name().length()));
        MapInfo old = maps.get(m.name());
        if (old == null) {
            if (keys != null) maps.put(m.name(), new MapInfo(m.name(), keys, value));
            return;
        }
        Type merged = mergeValue(old.value(), value);
        if (merged == null) {
            throw new CompileError(m.span(), "Type mismatch for " + m.name() + ": trying to assign value of type '"
                    + value.display() + "' when map already contains a value of type '" + old.value().display() + "'");
        }
        List<Type> mergedKeys = keys == null ? old.keys() : mergeKeys(m, old.keys(), keys);
        maps.put(m.name(), new MapInfo(m.name(), mergedKeys, merged));
    }

    /** A BPF map's keys and values take bytes: the empty tuple, which takes none, can be neither. */
    private static void requireSize(Expr.MapAccess m, List<Type> keys, Type value) {
        boolean emptyKey = keys != null && !keys.isEmpty()
                && keys.stream().mapToInt(jtrace.types.TupleLayout::slotSize).sum() == 0;
        boolean emptyValue = value instanceof Type.Tuple && jtrace.types.TupleLayout.slotSize(value) == 0;
        if (emptyKey || emptyValue) {
            throw new CompileError(m.span(), "The empty tuple () has no size: it can not be a map " + (emptyKey ? "key" : "value"));
        }
    }

    void checkKeys(Expr.MapAccess m, List<Type> keys) {
        MapInfo old = maps.get(m.name());
        if (old != null) maps.put(m.name(), new MapInfo(m.name(), mergeKeys(m, old.keys(), keys), old.value()));
    }

    private static Type mergeValue(Type old, Type now) {
        if (old instanceof Type.Aggregation || now instanceof Type.Aggregation) {
            if (old.getClass() != now.getClass()) return null;
            if (old instanceof Type.Hist || old instanceof Type.Lhist) return old.equals(now) ? old : null;
            return old;
        }
        return Types.unify(old, now);
    }

    private static List<Type> mergeKeys(Expr.MapAccess m, List<Type> old, List<Type> now) {
        if (old.size() == now.size()) {
            List<Type> merged = new java.util.ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < old.size() && ok; i++) {
                Type u = Types.unify(old.get(i), now.get(i));
                if (u == null || u instanceof Type.Bool != old.get(i) instanceof Type.Bool) ok = false;
                merged.add(u);
            }
            if (ok) return merged;
        }
        throw new CompileError(m.span(), "Argument mismatch for " + m.name() + ": trying to access with arguments: "
                + names(now) + " when map expects arguments: " + names(old));
    }

    private static String names(List<Type> types) {
        return types.stream().map(Type::display).collect(Collectors.joining(", ", "[", "]"));
    }
}
