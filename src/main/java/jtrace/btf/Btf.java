package jtrace.btf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The types of a raw BTF blob such as /sys/kernel/btf/vmlinux. One pass at load only records
 * where each type starts; a type is decoded when asked for, and the name index is built on the
 * first lookup by name, so listing or resolving a few structs stays cheap on a 5 MB blob.
 */
public final class Btf {
    public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
    static final int BTF_MAGIC = 0xeB9F;
    private static final int MAX_CHAIN = 64;

    private final byte[] bytes;
    /** Where the string section and the type section start in {@link #bytes}, and their lengths. */
    private final int strBase, strLen, typeBase;
    /** Byte offset of each type's {@code struct btf_type} in the type section; index 0 (void) unused. */
    private final int[] offsets;
    private final int count;
    private final BtfType[] decoded;
    /** Open-addressing table of type ids + 1 by the hash of their name; built on the first lookup. */
    private int[] byName;
    /** Enumerator name to its enum type id and index, built on the first enumerator lookup. */
    private java.util.Map<String, long[]> enumerators;

    private Btf(ByteBuffer buf) throws BtfFormatException {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        if (buf.capacity() < 24 || (buf.getShort(0) & 0xffff) != BTF_MAGIC) throw new BtfFormatException("not BTF data");
        int hdrLen = buf.getInt(4), typeOff = buf.getInt(8), typeLen = buf.getInt(12);
        int strOff = buf.getInt(16), strLen = buf.getInt(20);
        if (hdrLen < 24 || typeOff < 0 || typeLen < 0 || strOff < 0 || strLen < 0
                || (long) hdrLen + strOff + strLen > buf.capacity()
                || (long) hdrLen + typeOff + typeLen > buf.capacity()) throw new BtfFormatException("BTF header points outside the data");
        this.bytes = buf.array();
        this.strBase = hdrLen + strOff;
        this.strLen = strLen;
        this.typeBase = hdrLen + typeOff;
        int[] offs = new int[1 << 14];
        int n = 1;
        int pos = 0;
        while (pos + 12 <= typeLen) {
            if (n == offs.length) offs = Arrays.copyOf(offs, n * 2);
            offs[n] = pos;
            int info = u32(pos + 4);
            int vlen = info & 0xffff;
            int kind = (info >>> 24) & 0x1f;
            int extra = switch (kind) {
                case BtfType.BTF_KIND_INT, BtfType.BTF_KIND_VAR, BtfType.BTF_KIND_DECL_TAG -> 4;
                case BtfType.BTF_KIND_ARRAY -> 12;
                case BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_UNION, BtfType.BTF_KIND_DATASEC,
                     BtfType.BTF_KIND_ENUM64 -> 12 * vlen;
                case BtfType.BTF_KIND_ENUM, BtfType.BTF_KIND_FUNC_PROTO -> 8 * vlen;
                case BtfType.BTF_KIND_PTR, BtfType.BTF_KIND_FWD, BtfType.BTF_KIND_TYPEDEF, BtfType.BTF_KIND_VOLATILE,
                     BtfType.BTF_KIND_CONST, BtfType.BTF_KIND_RESTRICT, BtfType.BTF_KIND_FUNC, BtfType.BTF_KIND_FLOAT,
                     BtfType.BTF_KIND_TYPE_TAG -> 0;
                default -> throw new BtfFormatException("unknown BTF kind " + kind + " at type " + n);
            };
            pos += 12 + extra;
            if (pos > typeLen) throw new BtfFormatException("truncated BTF type " + n);
            n++;
        }
        this.offsets = offs;
        this.count = n;
        this.decoded = new BtfType[n];
    }

    public static Btf read(Path path) throws IOException, BtfFormatException {
        return parse(Files.readAllBytes(path));
    }

    public static Btf parse(byte[] bytes) throws BtfFormatException {
        return new Btf(ByteBuffer.wrap(bytes));
    }

    /** The number of type ids, including void (id 0). */
    public int size() {
        return count;
    }

    /** The kind of type {@code id} without decoding it (0 for void). */
    public int kind(int id) {
        checkId(id);
        return id == 0 ? BtfType.BTF_KIND_UNKN : (u32(offsets[id] + 4) >>> 24) & 0x1f;
    }

    /** The name of type {@code id} ("" when anonymous). */
    public String name(int id) {
        checkId(id);
        return id == 0 ? "" : string(u32(offsets[id]));
    }

    public BtfType type(int id) {
        checkId(id);
        BtfType t = decoded[id];
        if (t == null) decoded[id] = t = decode(id);
        return t;
    }

    /** The first type of this kind and name, or -1. */
    public int find(int kind, String name) {
        for (int id : findAll(name)) if (kind(id) == kind) return id;
        return -1;
    }

    /** Every type carrying this name, in id order. */
    public int[] findAll(String name) {
        int[] table = index();
        byte[] want = name.getBytes(StandardCharsets.ISO_8859_1);
        int mask = table.length - 1;
        int[] out = new int[0];
        for (int slot = hash(want, 0, want.length) & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int id = table[slot] - 1;
            if (nameEquals(u32(offsets[id]), want)) {
                out = Arrays.copyOf(out, out.length + 1);
                out[out.length - 1] = id;
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * The enumerator called {@code name} in any ENUM/ENUM64 type (the first by type id), or null.
     * The index of all enumerators is built on the first call.
     */
    public synchronized EnumConstant enumerator(String name) {
        if (enumerators == null) {
            java.util.Map<String, long[]> all = new java.util.HashMap<>();
            for (int id = 1; id < count; id++) {
                int k = kind(id);
                if (k != BtfType.BTF_KIND_ENUM && k != BtfType.BTF_KIND_ENUM64) continue;
                List<BtfType.Enumerator> es = type(id).enumerators();
                for (int i = 0; i < es.size(); i++) all.putIfAbsent(es.get(i).name(), new long[]{id, i});
            }
            enumerators = all;
        }
        long[] at = enumerators.get(name);
        if (at == null) return null;
        BtfType.Enumerator e = type((int) at[0]).enumerators().get((int) at[1]);
        return new EnumConstant((int) at[0], e.name(), e.value());
    }

    /** An enumerator and the enum type that declares it. */
    public record EnumConstant(int typeId, String name, long value) {}

    /** Follows typedefs and const/volatile/restrict/type tags to the type they qualify. */
    public int resolve(int id) {
        for (int i = 0; i < MAX_CHAIN && id != 0; i++) {
            switch (kind(id)) {
                case BtfType.BTF_KIND_TYPEDEF, BtfType.BTF_KIND_CONST, BtfType.BTF_KIND_VOLATILE,
                     BtfType.BTF_KIND_RESTRICT, BtfType.BTF_KIND_TYPE_TAG -> id = type(id).sizeOrType();
                default -> { return id; }
            }
        }
        return id;
    }

    /** The size in bytes of a value of type {@code id}; 0 for void, functions and forward declarations. */
    public long sizeOf(int id) {
        int r = resolve(id);
        BtfType t = type(r);
        return switch (t.kind()) {
            case BtfType.BTF_KIND_INT, BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_UNION, BtfType.BTF_KIND_ENUM,
                 BtfType.BTF_KIND_ENUM64, BtfType.BTF_KIND_FLOAT, BtfType.BTF_KIND_DATASEC -> Integer.toUnsignedLong(t.sizeOrType());
            case BtfType.BTF_KIND_PTR -> 8;
            case BtfType.BTF_KIND_ARRAY -> Integer.toUnsignedLong(t.array().length()) * sizeOf(t.array().elementType());
            default -> 0;
        };
    }

    private void checkId(int id) {
        if (id < 0 || id >= count) throw new IllegalArgumentException("BTF type id " + id + " out of range (0.." + (count - 1) + ")");
    }

    private int[] index() {
        if (byName == null) {
            int[] table = new int[Integer.highestOneBit(Math.max(count, 2) * 2) * 2];
            int mask = table.length - 1;
            for (int id = 1; id < count; id++) {
                int off = u32(offsets[id]);
                if (off <= 0 || off >= strLen) continue;
                int start = strBase + off, end = start;
                while (end < strBase + strLen && bytes[end] != 0) end++;
                int slot = hash(bytes, start, end) & mask;
                while (table[slot] != 0) slot = (slot + 1) & mask;
                table[slot] = id + 1;
            }
            byName = table;
        }
        return byName;
    }

    /** FNV-1a over bytes [from, to), spread so that linear probing stays short. */
    private static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) h = (h ^ (b[i] & 0xff)) * 0x01000193;
        return h ^ (h >>> 16);
    }

    private boolean nameEquals(int off, byte[] want) {
        if (off <= 0 || off >= strLen) return false;
        int at = strBase + off;
        if (at + want.length >= strBase + strLen + 1) return false;
        for (int i = 0; i < want.length; i++) if (bytes[at + i] != want[i]) return false;
        return at + want.length == strBase + strLen || bytes[at + want.length] == 0;
    }

    private int u32(int typeOffset) {
        int p = typeBase + typeOffset;
        return (bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | bytes[p + 3] << 24;
    }

    private BtfType decode(int id) {
        if (id == 0) return new BtfType(BtfType.BTF_KIND_UNKN, "", 0, 0, false, List.of(), List.of(), List.of(), null, 0);
        int p = offsets[id];
        String name = string(u32(p));
        int info = u32(p + 4);
        int sizeOrType = u32(p + 8);
        int vlen = info & 0xffff;
        int kind = (info >>> 24) & 0x1f;
        boolean kindFlag = (info >>> 31) != 0;
        int x = p + 12;
        List<BtfType.Param> params = List.of();
        List<BtfType.Member> members = List.of();
        List<BtfType.Enumerator> enums = List.of();
        BtfType.Array array = null;
        int intEnc = 0;
        switch (kind) {
            case BtfType.BTF_KIND_INT -> intEnc = u32(x);
            case BtfType.BTF_KIND_ARRAY -> array = new BtfType.Array(u32(x), u32(x + 4), u32(x + 8));
            case BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_UNION -> {
                List<BtfType.Member> ms = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, x += 12) {
                    int type = u32(x + 4), off = u32(x + 8);
                    int bitOffset = kindFlag ? off & 0xffffff : off;
                    int bitSize = kindFlag ? off >>> 24 : legacyBitfieldSize(type);
                    ms.add(new BtfType.Member(string(u32(x)), type, bitOffset, bitSize));
                }
                members = ms;
            }
            case BtfType.BTF_KIND_ENUM -> {
                List<BtfType.Enumerator> es = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, x += 8) {
                    int v = u32(x + 4);
                    es.add(new BtfType.Enumerator(string(u32(x)), kindFlag ? v : Integer.toUnsignedLong(v)));
                }
                enums = es;
            }
            case BtfType.BTF_KIND_ENUM64 -> {
                List<BtfType.Enumerator> es = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, x += 12) {
                    long v = Integer.toUnsignedLong(u32(x + 4)) | (long) u32(x + 8) << 32;
                    es.add(new BtfType.Enumerator(string(u32(x)), v));
                }
                enums = es;
            }
            case BtfType.BTF_KIND_FUNC_PROTO -> {
                List<BtfType.Param> ps = new ArrayList<>(vlen);
                for (int i = 0; i < vlen; i++, x += 8) ps.add(new BtfType.Param(string(u32(x)), u32(x + 4)));
                params = ps;
            }
            default -> { }
        }
        return new BtfType(kind, name, sizeOrType, vlen, kindFlag, params, members, enums, array, intEnc);
    }

    /** Without kind_flag, a bitfield shows as an INT whose encoding is narrower than its size. */
    private int legacyBitfieldSize(int type) {
        if (type <= 0 || type >= count || kind(type) != BtfType.BTF_KIND_INT) return 0;
        int enc = u32(offsets[type] + 12);
        int bits = enc & 0xff;
        int size = u32(offsets[type] + 8);
        return bits != size * 8 ? bits : 0;
    }

    private String string(int offset) {
        if (offset < 0 || offset >= strLen) throw new IllegalStateException("BTF string offset " + offset + " out of range");
        int start = strBase + offset, end = start;
        while (end < strBase + strLen && bytes[end] != 0) end++;
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }
}
