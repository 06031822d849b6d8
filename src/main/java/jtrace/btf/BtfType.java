package jtrace.btf;

import java.util.List;

/**
 * One BTF type as {@code struct btf_type} and the data after it describe it: kind, name, the
 * {@code size}/{@code type} word, and per kind the parameters (FUNC_PROTO), members (STRUCT,
 * UNION), enumerators (ENUM, ENUM64), array shape (ARRAY) or integer encoding (INT).
 */
public record BtfType(int kind, String name, int sizeOrType, int vlen, boolean kindFlag, List<Param> params,
                      List<Member> members, List<Enumerator> enumerators, Array array, int intEncoding) {
    // BTF_KIND_* from linux/btf.h
    public static final int BTF_KIND_UNKN = 0, BTF_KIND_INT = 1, BTF_KIND_PTR = 2, BTF_KIND_ARRAY = 3,
            BTF_KIND_STRUCT = 4, BTF_KIND_UNION = 5, BTF_KIND_ENUM = 6, BTF_KIND_FWD = 7, BTF_KIND_TYPEDEF = 8,
            BTF_KIND_VOLATILE = 9, BTF_KIND_CONST = 10, BTF_KIND_RESTRICT = 11, BTF_KIND_FUNC = 12,
            BTF_KIND_FUNC_PROTO = 13, BTF_KIND_VAR = 14, BTF_KIND_DATASEC = 15, BTF_KIND_FLOAT = 16,
            BTF_KIND_DECL_TAG = 17, BTF_KIND_TYPE_TAG = 18, BTF_KIND_ENUM64 = 19;

    // BTF_INT_* encoding bits (linux/btf.h)
    public static final int BTF_INT_SIGNED = 1, BTF_INT_CHAR = 2, BTF_INT_BOOL = 4;

    /** A function prototype parameter. */
    public record Param(String name, int type) {}

    /** A struct or union member; {@code bitfieldSize} is 0 for an ordinary member. */
    public record Member(String name, int type, int bitOffset, int bitfieldSize) {}

    public record Enumerator(String name, long value) {}

    public record Array(int elementType, int indexType, int length) {}

    public BtfType {
        params = List.copyOf(params);
        members = List.copyOf(members);
        enumerators = List.copyOf(enumerators);
    }

    /** For INT: the width in bits. */
    public int intBits() { return intEncoding & 0xff; }

    /** For INT: the bit offset of the value inside its storage (0 in practice). */
    public int intOffset() { return (intEncoding >>> 16) & 0xff; }

    /** For INT: whether it is signed. */
    public boolean intSigned() { return ((intEncoding >>> 24) & BTF_INT_SIGNED) != 0; }

    /** For INT: whether C declares it as a char. */
    public boolean intChar() { return ((intEncoding >>> 24) & BTF_INT_CHAR) != 0; }

    /** For ENUM/ENUM64: whether the values are signed (kind_flag). */
    public boolean enumSigned() { return kindFlag; }
}
