package jtrace.fmt;

import java.util.Arrays;

/**
 * One runtime argument of printf/cat/system. Integers are carried as 64-bit values already
 * sign- or zero-extended from their type's width, as bpftrace widens every integer before formatting.
 */
public sealed interface FormatArg {

    /** An integer; {@code signed} only matters where the value is printed as text (%s). */
    record Int(long value, boolean signed) implements FormatArg {}

    record Str(String value) implements FormatArg {}

    /**
     * A value with a name, as an enum's: %s shows {@code text} (the enumerator, or the number when
     * none has this value), integer conversions the (unsigned) {@code value}.
     */
    record Sym(long value, String text) implements FormatArg {}

    record Bool(boolean value) implements FormatArg {}

    /** The bytes of a buf() value, for %r, %rx and %rh. */
    record Bytes(byte[] value) implements FormatArg {
        public Bytes {
            value = value.clone();
        }

        @Override public byte[] value() { return value.clone(); }

        @Override public boolean equals(Object o) { return o instanceof Bytes b && Arrays.equals(value, b.value); }

        @Override public int hashCode() { return Arrays.hashCode(value); }

        @Override public String toString() { return "Bytes" + Arrays.toString(value); }
    }

    /** An integer of {@code bytes} width (1, 2, 4 or 8) whose raw bits are in the low part of {@code bits}. */
    static Int integer(long bits, int bytes, boolean signed) {
        return new Int(IntBits.extend(bits, bytes, signed), signed);
    }

    /** Wraps a plain Java value: Long/Integer/Short/Byte (signed), String, Boolean, byte[], or a FormatArg. */
    static FormatArg of(Object o) {
        return switch (o) {
            case FormatArg a -> a;
            case Long l -> new Int(l, true);
            case Integer i -> new Int(i, true);
            case Short s -> new Int(s, true);
            case Byte b -> new Int(b, true);
            case String s -> new Str(s);
            case Boolean b -> new Bool(b);
            case byte[] b -> new Bytes(b);
            case null -> throw new IllegalArgumentException("null printf argument");
            default -> throw new IllegalArgumentException("unsupported printf argument: " + o.getClass().getName());
        };
    }
}
