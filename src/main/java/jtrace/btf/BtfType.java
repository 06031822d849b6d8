package jtrace.btf;

import java.util.List;

/**
 * One BTF type: its kind, name, the {@code size}/{@code type} word, and for function prototypes
 * the parameters (name and type id). Members of structs and enums are not kept.
 */
public record BtfType(int kind, String name, int sizeOrType, int vlen, List<Param> params) {
    // BTF_KIND_* from linux/btf.h
    public static final int BTF_KIND_UNKN = 0, BTF_KIND_INT = 1, BTF_KIND_PTR = 2, BTF_KIND_ARRAY = 3,
            BTF_KIND_STRUCT = 4, BTF_KIND_UNION = 5, BTF_KIND_ENUM = 6, BTF_KIND_FWD = 7, BTF_KIND_TYPEDEF = 8,
            BTF_KIND_VOLATILE = 9, BTF_KIND_CONST = 10, BTF_KIND_RESTRICT = 11, BTF_KIND_FUNC = 12,
            BTF_KIND_FUNC_PROTO = 13, BTF_KIND_VAR = 14, BTF_KIND_DATASEC = 15, BTF_KIND_FLOAT = 16,
            BTF_KIND_DECL_TAG = 17, BTF_KIND_TYPE_TAG = 18, BTF_KIND_ENUM64 = 19;

    /** A function prototype parameter. */
    public record Param(String name, int type) {}

    public BtfType {
        params = List.copyOf(params);
    }
}
