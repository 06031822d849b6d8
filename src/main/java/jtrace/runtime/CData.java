package jtrace.runtime;

import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole C values (structs, unions, arrays) as the kernel laid them out, copied byte for byte: members
 * at their C offsets and natural widths, not widened to 8-byte slots. Printed as bpftrace does:
 * {@code { .a = 1, .b = { .c = 2 } }}, arrays {@code [1,2]}, char arrays as strings, pointers in hex.
 */
final class CData {
    private CData() {}

    static Value decode(Type t, byte[] bytes, int off) {
        return switch (t) {
            case Type.Struct s -> {
                List<Value.Record.Field> fields = new ArrayList<>();
                for (StructLayout.Field f : s.layout().fields()) {
                    int at = off + (int) f.byteOffset();
                    Value v = f.bitfield() ? bitfield(f, bytes, at) : decode(f.type(), bytes, at);
                    fields.add(new Value.Record.Field(f.name(), v));
                }
                yield new Value.Record(fields);
            }
            case Type.Array a -> {
                List<Value> values = new ArrayList<>();
                int step = a.element().size();
                for (int i = 0; i < a.length(); i++) values.add(decode(a.element(), bytes, off + i * step));
                yield new Value.Array(values);
            }
            case Type.Int i -> new Value.Int(bits(bytes, off, i.bytes()), i.bytes(), i.signed());
            case Type.Bool b -> new Value.Bool(bytes[off] != 0);
            case Type.Pointer p -> pointer(bits(bytes, off, 8));
            case Type.Str s -> new Value.Str(ValueDecoder.cString(bytes, off, s.capacity()));
            default -> new Value.Int(bits(bytes, off, 8), 8, false);
        };
    }

    /** A pointer prints as its address in hex; JSON takes the number. */
    static Value pointer(long address) {
        return new Value.Sym("0x" + Long.toHexString(address), address);
    }

    /** The member's bits, from the bytes that hold them, sign-extended when its type is signed. */
    private static Value bitfield(StructLayout.Field f, byte[] bytes, int at) {
        int shift = (int) (f.bitOffset() % 8);
        int span = (shift + f.bitSize() + 7) / 8;
        long raw = bits(bytes, at, Math.min(8, span)) >>> shift;
        long mask = f.bitSize() >= 64 ? -1L : (1L << f.bitSize()) - 1;
        long v = raw & mask;
        boolean signed = f.type() instanceof Type.Int i && i.signed();
        if (signed && f.bitSize() < 64 && (v >>> (f.bitSize() - 1) & 1) != 0) v |= ~mask;
        return new Value.Int(v, 8, signed);
    }

    /** {@code n} little-endian bytes at {@code off}, zero-extended; bytes past the end read as 0. */
    private static long bits(byte[] bytes, int off, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << 8 | (off + i < bytes.length ? bytes[off + i] & 0xff : 0);
        return v;
    }
}
