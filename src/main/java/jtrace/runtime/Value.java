package jtrace.runtime;

import java.util.Arrays;
import java.util.List;

/** A value as bpftrace prints it: map keys, scalar map values, print() arguments. */
public sealed interface Value {

    /** An integer of {@code bytes} width (1, 2, 4, 8) whose raw bits are the low part of {@code bits}. */
    record Int(long bits, int bytes, boolean signed) implements Value {
        public Int {
            if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) {
                throw new IllegalArgumentException("integer width must be 1, 2, 4 or 8 bytes: " + bytes);
            }
        }

        public static Int int64(long v) { return new Int(v, 8, true); }

        public static Int uint64(long v) { return new Int(v, 8, false); }

        /** The value widened to 64 bits by its signedness. */
        public long value() { return jtrace.fmt.IntBits.extend(bits, bytes, signed); }

        /** The bits as a signed integer of this width, as bpftrace compares integer keys. */
        public long signedValue() { return jtrace.fmt.IntBits.extend(bits, bytes, true); }
    }

    record Str(String value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Tuple(List<Value> values) implements Value {
        public Tuple { values = List.copyOf(values); }
    }

    /** A value printed as a symbol: pointers ({@code 0x...}), enum names, resolved addresses. */
    record Sym(String text, long value) implements Value {}

    record Record(List<Field> fields) implements Value {
        public Record { fields = List.copyOf(fields); }

        public record Field(String name, Value value) {}
    }

    /** A C array: printed {@code [1,2,3]} without spaces. */
    record Array(List<Value> values) implements Value {
        public Array { values = List.copyOf(values); }
    }

    record Buffer(byte[] bytes) implements Value {
        public Buffer { bytes = bytes.clone(); }

        @Override public byte[] bytes() { return bytes.clone(); }

        @Override public boolean equals(Object o) { return o instanceof Buffer b && Arrays.equals(bytes, b.bytes); }

        @Override public int hashCode() { return Arrays.hashCode(bytes); }

        @Override public String toString() { return "Buffer" + Arrays.toString(bytes); }
    }

    /** No value (void); printed as {@code null}. */
    record None() implements Value {}
}
