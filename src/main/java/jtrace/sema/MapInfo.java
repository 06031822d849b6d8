package jtrace.sema;

import jtrace.types.Type;

import java.util.List;

/** A map's inferred key types (empty for a scalar map) and value type. */
public record MapInfo(String name, List<Type> keys, Type value) {
    public MapInfo { keys = List.copyOf(keys); }

    public boolean isAggregation() { return value instanceof Type.Aggregation; }
}
