package jtrace.codegen;

import jtrace.types.Type;
import jtrace.types.TupleLayout;

import java.util.List;

/**
 * Where each key element sits in a map key: the same layout as a tuple of the key types, then
 * (for histograms) a u64 bucket index. A scalar map has one u64 key of 0.
 */
public record KeyLayout(List<Type> elements, List<Integer> offsets, int bucketOffset, int size) {

    public static KeyLayout of(List<Type> keys, boolean bucketed) {
        if (keys.isEmpty()) {
            return bucketed ? new KeyLayout(List.of(), List.of(), 0, 8) : new KeyLayout(List.of(), List.of(), -1, 8);
        }
        TupleLayout t = TupleLayout.of(new Type.Tuple(keys));
        if (!bucketed) return new KeyLayout(keys, t.offsets(), -1, t.size());
        return new KeyLayout(keys, t.offsets(), t.size(), t.size() + 8);
    }

    public boolean isScalar() { return elements.isEmpty(); }

    /** True when every byte is written by storing the elements, so the buffer needs no zeroing. */
    public boolean denselyWritten() {
        return elements.stream().allMatch(t -> !(t instanceof Type.Str) && !(t instanceof Type.Tuple));
    }
}
