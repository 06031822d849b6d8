package jtrace.types;

import java.util.ArrayList;
import java.util.List;

/** Where each element of a tuple lives: integers 8-byte aligned, strings packed after them in order. */
public record TupleLayout(List<Integer> offsets, int size) {

    public static TupleLayout of(Type.Tuple t) {
        List<Integer> offsets = new ArrayList<>();
        int off = 0;
        for (Type e : t.elements()) {
            int align = alignmentOf(e);
            off = (off + align - 1) / align * align;
            offsets.add(off);
            off += slotSize(e);
        }
        return new TupleLayout(offsets, (off + 7) / 8 * 8);
    }

    /** Integers are widened to 8 bytes in keys, values and records so every read is a plain u64 load. */
    public static int slotSize(Type t) {
        return switch (t) {
            case Type.Int i -> 8;
            case Type.Bool b -> 8;
            case Type.Pointer p -> 8;
            default -> t.size();
        };
    }

    static int alignmentOf(Type t) {
        return switch (t) {
            case Type.Str s -> 1;
            default -> 8;
        };
    }
}
