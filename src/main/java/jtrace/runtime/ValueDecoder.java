package jtrace.runtime;

import jtrace.types.TupleLayout;
import jtrace.types.Type;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads values back out of map keys, map values and event records, in the layouts codegen wrote. */
final class ValueDecoder {
    private ValueDecoder() {}

    static Value decode(Type t, byte[] bytes, int off) { return decode(t, bytes, off, Symbolizer.DETACHED); }

    /** @param symbols resolves stacks, symbols and addresses to their text */
    static Value decode(Type t, byte[] bytes, int off, Symbolizer symbols) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (t) {
            case Type.Int i -> new Value.Int(b.getLong(off), 8, i.signed());
            case Type.Pointer p -> CData.pointer(b.getLong(off)); // bpftrace prints pointers in hex
            case Type.Bool x -> new Value.Bool(b.getLong(off) != 0);
            case Type.Str s -> new Value.Str(cString(bytes, off, s.capacity()));
            case Type.Strerror s -> new Value.Str(ErrnoMessages.of(b.getLong(off)));
            case Type.Resolved r -> new Value.Str(symbols.text(r, bytes, off));
            case Type.Buffer buf -> new Value.Buffer(bufferBytes(buf, bytes, off));
            case Type.Tuple tuple -> {
                TupleLayout layout = TupleLayout.of(tuple);
                List<Value> values = new ArrayList<>();
                for (int i = 0; i < tuple.elements().size(); i++) {
                    values.add(decode(tuple.elements().get(i), bytes, off + layout.offsets().get(i), symbols));
                }
                if (tuple.isRecord()) {
                    List<Value.Record.Field> fields = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) fields.add(new Value.Record.Field(tuple.names().get(i), values.get(i)));
                    yield new Value.Record(fields);
                }
                yield new Value.Tuple(values);
            }
            case Type.Struct st -> CData.decode(st, bytes, off);
            case Type.Array a -> CData.decode(a, bytes, off);
            default -> throw new IllegalArgumentException("cannot decode " + t.display());
        };
    }

    /** The bytes up to the first NUL (or the capacity), one char per byte so output writes them back unchanged. */
    static String cString(byte[] bytes, int off, int capacity) {
        int end = off;
        int limit = Math.min(bytes.length, off + capacity);
        while (end < limit && bytes[end] != 0) end++;
        return new String(bytes, off, end - off, StandardCharsets.ISO_8859_1);
    }

    /** A buffer's bytes: its u64 length (at most the capacity), then that many bytes. */
    static byte[] bufferBytes(Type.Buffer t, byte[] bytes, int off) {
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(off);
        int len = (int) Math.max(0, Math.min(n, Math.min(t.capacity(), bytes.length - off - 8)));
        return Arrays.copyOfRange(bytes, off + 8, off + 8 + len);
    }

    static long u64(byte[] bytes, int off) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(off);
    }
}
