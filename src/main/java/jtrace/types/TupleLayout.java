package jtrace.types;

import java.util.ArrayList;
import java.util.List;

/** Where each element of a tuple lives: in order, each in a slot of whole 8-byte words. */
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
            case Type.Enum e -> 8;
            case Type.Bool b -> 8;
            case Type.Pointer p -> 8;
            case Type.Str s -> (s.capacity() + 7) / 8 * 8;
            default -> (t.size() + 7) / 8 * 8;
        };
    }

    /** Every element starts 8-byte aligned: the verifier rejects misaligned stack access. */
    static int alignmentOf(Type t) { return 8; }
}
