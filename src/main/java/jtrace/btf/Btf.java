package jtrace.btf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The types of a raw BTF blob such as /sys/kernel/btf/vmlinux: kinds, names and function
 * prototypes, enough to list raw tracepoints and print their parameters.
 */
public final class Btf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    static final int BTF_MAGIC = 0xeB9F;

    private final ByteBuffer strings;
    private final List<BtfType> types = new ArrayList<>();

    private Btf(ByteBuffer data) throws BtfFormatException {
        data.order(ByteOrder.LITTLE_ENDIAN);
        if (data.capacity() < 24 || (data.getShort(0) & 0xffff) != BTF_MAGIC) throw new BtfFormatException("not BTF data");
        int hdrLen = data.getInt(4), typeOff = data.getInt(8), typeLen = data.getInt(12);
        int strOff = data.getInt(16), strLen = data.getInt(20);
        if (hdrLen < 24 || (long) hdrLen + strOff + strLen > data.capacity()
                || (long) hdrLen + typeOff + typeLen > data.capacity()) throw new BtfFormatException("BTF header points outside the data");
        this.strings = data.slice(hdrLen + strOff, strLen).order(ByteOrder.LITTLE_ENDIAN);
        types.add(new BtfType(BtfType.BTF_KIND_UNKN, "", 0, 0, List.of())); // id 0 is void
        readTypes(data.slice(hdrLen + typeOff, typeLen).order(ByteOrder.LITTLE_ENDIAN));
    }

    public static Btf read(Path path) throws IOException, BtfFormatException {
        return parse(Files.readAllBytes(path));
    }

    public static Btf parse(byte[] bytes) throws BtfFormatException {
        return new Btf(ByteBuffer.wrap(bytes));
    }

    /** The number of type ids, including void (id 0). */
    public int size() {
        return types.size();
    }

    public BtfType type(int id) {
        return types.get(id);
    }

    private void readTypes(ByteBuffer t) throws BtfFormatException {
        while (t.remaining() >= 12) {
            String name = string(t.getInt());
            int info = t.getInt();
            int sizeOrType = t.getInt();
            int vlen = info & 0xffff;
            int kind = (info >>> 24) & 0x1f;
            List<BtfType.Param> params = List.of();
            int extra = switch (kind) {
                case BtfType.BTF_KIND_INT, BtfType.BTF_KIND_VAR, BtfType.BTF_KIND_DECL_TAG -> 4;
                case BtfType.BTF_KIND_ARRAY -> 12;
                case BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_UNION, BtfType.BTF_KIND_DATASEC,
                     BtfType.BTF_KIND_ENUM64 -> 12 * vlen;
                case BtfType.BTF_KIND_ENUM -> 8 * vlen;
                case BtfType.BTF_KIND_FUNC_PROTO -> 0;
                case BtfType.BTF_KIND_PTR, BtfType.BTF_KIND_FWD, BtfType.BTF_KIND_TYPEDEF, BtfType.BTF_KIND_VOLATILE,
                     BtfType.BTF_KIND_CONST, BtfType.BTF_KIND_RESTRICT, BtfType.BTF_KIND_FUNC, BtfType.BTF_KIND_FLOAT,
                     BtfType.BTF_KIND_TYPE_TAG -> 0;
                default -> throw new BtfFormatException("unknown BTF kind " + kind + " at type " + types.size());
            };
            if (kind == BtfType.BTF_KIND_FUNC_PROTO) {
                if (t.remaining() < 8L * vlen) throw new BtfFormatException("truncated BTF function prototype");
                List<BtfType.Param> ps = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++) ps.add(new BtfType.Param(string(t.getInt()), t.getInt()));
                params = ps;
            } else {
                if (t.remaining() < extra) throw new BtfFormatException("truncated BTF type " + types.size());
                t.position(t.position() + extra);
            }
            types.add(new BtfType(kind, name, sizeOrType, vlen, params));
        }
    }

    private String string(int offset) throws BtfFormatException {
        if (offset < 0 || offset >= strings.capacity()) throw new BtfFormatException("BTF string offset " + offset + " out of range");
        int end = offset;
        while (end < strings.capacity() && strings.get(end) != 0) end++;
        byte[] b = new byte[end - offset];
        strings.get(offset, b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
