package jtrace.btf;

/**
 * A BTF type written as a C type name without a declarator, the way libbpf's btf_dump writes it
 * for {@code bpftrace -lv}: {@code struct task_struct *}, {@code const char *}, {@code unsigned int}.
 * Type tags are left out; function pointers and arrays are written in a short form.
 */
public final class CDeclaration {
    private CDeclaration() {}

    private static final int MAX_DEPTH = 32;

    public static String of(Btf btf, int typeId) {
        return of(btf, typeId, 0);
    }

    private static String of(Btf btf, int id, int depth) {
        if (id == 0) return "void";
        if (depth > MAX_DEPTH || id < 0 || id >= btf.size()) return "?";
        BtfType t = btf.type(id);
        return switch (t.kind()) {
            case BtfType.BTF_KIND_INT, BtfType.BTF_KIND_FLOAT, BtfType.BTF_KIND_TYPEDEF -> t.name();
            case BtfType.BTF_KIND_STRUCT, BtfType.BTF_KIND_FWD -> "struct " + t.name();
            case BtfType.BTF_KIND_UNION -> "union " + t.name();
            case BtfType.BTF_KIND_ENUM, BtfType.BTF_KIND_ENUM64 -> "enum " + t.name();
            case BtfType.BTF_KIND_PTR -> {
                if (t.sizeOrType() != 0 && btf.type(t.sizeOrType()).kind() == BtfType.BTF_KIND_FUNC_PROTO) {
                    yield of(btf, btf.type(t.sizeOrType()).sizeOrType(), depth + 1) + " (*)()";
                }
                String inner = of(btf, t.sizeOrType(), depth + 1);
                yield inner.endsWith("*") ? inner + "*" : inner + " *";
            }
            case BtfType.BTF_KIND_CONST -> "const " + of(btf, t.sizeOrType(), depth + 1);
            case BtfType.BTF_KIND_VOLATILE -> "volatile " + of(btf, t.sizeOrType(), depth + 1);
            case BtfType.BTF_KIND_RESTRICT, BtfType.BTF_KIND_TYPE_TAG -> of(btf, t.sizeOrType(), depth + 1);
            case BtfType.BTF_KIND_ARRAY -> "array";
            default -> "?";
        };
    }
}
