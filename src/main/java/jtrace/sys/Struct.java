package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

/** A zeroed native struct addressed by field name, the fields taken from a {@link StructLayout}. */
final class Struct {
    final StructLayout layout;
    final MemorySegment seg;

    Struct(Arena arena, StructLayout layout) {
        this.layout = layout;
        this.seg = arena.allocate(layout); // Arena.allocate zero-fills: unused attr fields must be 0
    }

    private long offset(String field) {
        return layout.byteOffset(groupElement(field));
    }

    Struct set(String field, long value) {
        switch (layout.select(groupElement(field))) {
            case ValueLayout.OfInt i -> seg.set(i, offset(field), (int) value);
            case ValueLayout.OfLong l -> seg.set(l, offset(field), value);
            default -> throw new IllegalArgumentException("not a scalar field: " + field);
        }
        return this;
    }

    Struct set(String field, MemorySegment pointer) {
        return set(field, pointer.address());
    }

    /** Copies {@code bytes} into a char-array field, leaving the rest zero (so it stays NUL-terminated). */
    Struct setBytes(String field, byte[] bytes) {
        MemoryLayout f = layout.select(groupElement(field));
        if (bytes.length >= f.byteSize()) throw new IllegalArgumentException(field + " too long");
        MemorySegment.copy(bytes, 0, seg, ValueLayout.JAVA_BYTE, offset(field), bytes.length);
        return this;
    }

    int getInt(String field) {
        return seg.get(ValueLayout.JAVA_INT, offset(field));
    }

    long getLong(String field) {
        return seg.get(ValueLayout.JAVA_LONG, offset(field));
    }

    long size() {
        return layout.byteSize();
    }
}
