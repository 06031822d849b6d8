package jtrace.sema;

import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.types.Type;

/**
 * The element type of {@code for ($kv : @map)}: the tuple {@code (key, value)}, where the key is
 * itself a tuple for a map with several keys, and an aggregation's value is what reading it yields
 * (count/sum/min/max/avg combined over all CPUs).
 */
final class MapIteration {
    private MapIteration() {}

    static Type.Tuple elementType(Stmt.ForMap f, MapInfo info) {
        if (!f.map().keys().isEmpty()) {
            throw new CompileError(f.map().span(), "for loops iterate over a whole map: write " + f.map().name()
                    + " without a key");
        }
        if (info.keys().isEmpty()) {
            throw new CompileError(f.map().span(), "Maps used as for-loop expressions must have keys to iterate over");
        }
        Type key = info.keys().size() == 1 ? info.keys().getFirst() : new Type.Tuple(info.keys());
        Type value = switch (info.value()) {
            case Type.Count c -> Type.Int.UINT64;
            case Type.Sum s -> s.of();
            case Type.Min s -> s.of();
            case Type.Max s -> s.of();
            case Type.Avg s -> s.of();
            case Type.Aggregation a -> throw new CompileError(f.map().span(),
                    "Loop over map of type " + a.display() + " is not supported");
            default -> info.value();
        };
        return new Type.Tuple(java.util.List.of(key, value));
    }
}
