package jtrace.sema;

import jtrace.btf.Btf;
import jtrace.btf.BtfType;
import jtrace.btf.CDeclaration;
import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * Kernel BTF types as bpftrace types: integers, enums (unsigned, with their names), char arrays as strings,
 * structs and unions with layouts read when first needed. Everything read through these types
 * lives in kernel memory.
 */
final class BtfTypes {
    private final Btf btf;

    BtfTypes(Btf btf) { this.btf = btf; }

    Btf btf() { return btf; }

    /** The type, or null for void, functions and what bpftrace cannot hold (floats). */
    Type of(int id) {
        int r = btf.resolve(id);
        if (r == 0) return null;
        BtfType t = btf.type(r);
        return switch (t.kind()) {
            case BtfType.BTF_KIND_INT -> {
                int bytes = t.sizeOrType();
                if (bytes == 1 || bytes == 2 || bytes == 4 || bytes == 8) yield new Type.Int(bytes, t.intSigned());
                yield new Type.Array(Type.Int.UINT64, Math.max(1, bytes / 8));
            }
            case BtfType.BTF_KIND_ENUM, BtfType.BTF_KIND_ENUM64 -> enumType(r);
            case BtfType.BTF_KIND_PTR -> new Type.Pointer(pointeeName(t.sizeOrType()), pointee(t.sizeOrType()), false);
            case BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_UNION -> struct(r);
            case BtfType.BTF_KIND_FWD -> {
                int full = btf.find(t.kindFlag() ? BtfType.BTF_KIND_UNION : BtfType.BTF_KIND_STRUCT, t.name());
                yield full > 0 ? struct(full) : new Type.Struct((t.kindFlag() ? "union " : "struct ") + t.name(), 0, List::of);
            }
            case BtfType.BTF_KIND_ARRAY -> {
                Type elem = of(t.array().elementType());
                int n = t.array().length();
                if (elem instanceof Type.Int i && i.bytes() == 1 && isChar(t.array().elementType())) yield new Type.Str(n);
                yield elem == null ? null : new Type.Array(elem, n);
            }
            default -> null;
        };
    }

    /** An ENUM/ENUM64 type: unsigned of its size, as bpftrace has enums, with its enumerators' names. */
    Type.Enum enumType(int id) {
        BtfType t = btf.type(id);
        int bytes = t.sizeOrType();
        java.util.LinkedHashMap<String, Long> values = new java.util.LinkedHashMap<>();
        for (BtfType.Enumerator e : t.enumerators()) values.putIfAbsent(e.name(), e.value());
        return Type.Enum.of(t.name().isEmpty() ? "(anonymous)" : t.name(), bytes == 1 || bytes == 2 || bytes == 4 ? bytes : 8, values);
    }

    private boolean isChar(int id) {
        BtfType t = btf.type(btf.resolve(id));
        return t.kind() == BtfType.BTF_KIND_INT && (t.intChar() || t.name().equals("char"));
    }

    private Type pointee(int id) {
        int r = btf.resolve(id);
        if (r == 0 || btf.kind(r) == BtfType.BTF_KIND_FUNC_PROTO) return null;
        return of(r);
    }

    private String pointeeName(int id) {
        return CDeclaration.of(btf, id);
    }

    Type.Struct struct(int id) {
        BtfType t = btf.type(id);
        String kw = t.kind() == BtfType.BTF_KIND_UNION ? "union " : "struct ";
        String name = t.name().isEmpty() ? kw + "(anonymous)" : kw + t.name();
        return new Type.Struct(name, t.sizeOrType(), new Layout(id));
    }

    /** A BTF struct's members, converted on first use. */
    private final class Layout implements StructLayout {
        private final int id;
        private List<Field> fields;

        Layout(int id) { this.id = id; }

        @Override
        public synchronized List<Field> fields() {
            if (fields == null) {
                List<Field> out = new ArrayList<>();
                for (BtfType.Member m : btf.type(id).members()) {
                    Type ft = of(m.type());
                    if (ft != null) out.add(new Field(m.name(), ft, m.bitOffset(), m.bitfieldSize()));
                }
                fields = List.copyOf(out);
            }
            return fields;
        }
    }
}
