package jtrace.dwarf;

import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DWARF type entries as jtrace types and as names. Typedefs and qualifiers are looked through;
 * integers become integers, enums {@link Type.Enum}s (unsigned, as bpftrace has them), char arrays strings,
 * pointers point into user space, and structs and unions get their members when first asked for,
 * so self-referencing structs are fine.
 */
final class DwarfTypes {
    private final Map<Long, Die> dies;
    private final Map<String, Die> definitions;
    private final Map<Long, Type.Struct> structs = new HashMap<>();

    /** {@code definitions}: complete struct/union DIEs by "struct X" / "union X", for declarations. */
    DwarfTypes(Map<Long, Die> dies, Map<String, Die> definitions) {
        this.dies = dies;
        this.definitions = definitions;
    }

    Die die(long offset) { return dies.get(offset); }

    /** The DIE {@code die}'s DW_AT_type names, or null (void). */
    Die typeOf(Die die) {
        Long ref = die.reference(Dw.DW_AT_type);
        return ref == null ? null : dies.get(ref);
    }

    /** Through typedefs and const/volatile/restrict/_Atomic. */
    Die peel(Die t) {
        for (int depth = 0; t != null && depth < 64; depth++) {
            switch (t.tag) {
                case Dw.DW_TAG_typedef, Dw.DW_TAG_const_type, Dw.DW_TAG_volatile_type, Dw.DW_TAG_restrict_type,
                     Dw.DW_TAG_atomic_type -> t = typeOf(t);
                default -> { return t; }
            }
        }
        return t;
    }

    /** The jtrace type of a type DIE, or null for void and what jtrace cannot hold. */
    Type type(Die die) {
        Die t = peel(die);
        if (t == null) return null;
        return switch (t.tag) {
            case Dw.DW_TAG_base_type -> baseType(t);
            case Dw.DW_TAG_enumeration_type -> enumType(t);
            case Dw.DW_TAG_pointer_type -> {
                Die target = typeOf(t);
                Die peeled = peel(target);
                Type pointee = peeled == null || peeled.tag == Dw.DW_TAG_subroutine_type ? null : type(target);
                yield new Type.Pointer(cName(target), pointee, true);
            }
            case Dw.DW_TAG_structure_type, Dw.DW_TAG_union_type -> struct(t);
            case Dw.DW_TAG_array_type -> array(t);
            default -> null;
        };
    }

    private static Type baseType(Die t) {
        int bytes = (int) t.number(Dw.DW_AT_byte_size, 0);
        if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) return null;
        return switch ((int) t.number(Dw.DW_AT_encoding, 0)) {
            case Dw.DW_ATE_signed, Dw.DW_ATE_signed_char -> new Type.Int(bytes, true);
            case Dw.DW_ATE_unsigned, Dw.DW_ATE_unsigned_char, Dw.DW_ATE_boolean, Dw.DW_ATE_UTF -> new Type.Int(bytes, false);
            default -> null;
        };
    }

    /**
     * An enum with its enumerators, named {@code enum NAME} like BTF's. Constants arrive already
     * extended (gcc and clang write negative ones as DW_FORM_sdata); {@link Type.Enum#of} keeps them
     * at the enum's width, so the signedness of the underlying type does not change any name.
     */
    private static Type.Enum enumType(Die t) {
        LinkedHashMap<String, Long> values = new LinkedHashMap<>();
        for (Die c : t.children) {
            String name = c.string(Dw.DW_AT_name);
            if (c.tag == Dw.DW_TAG_enumerator && name != null && c.attributes.get(Dw.DW_AT_const_value) instanceof Long v) {
                values.putIfAbsent(name, v);
            }
        }
        return Type.Enum.of(nameOr(t, "(anonymous)"), integerBytes(t.number(Dw.DW_AT_byte_size, 4)), values);
    }

    private static int integerBytes(long size) {
        return size == 1 || size == 2 || size == 4 ? (int) size : 8;
    }

    boolean isFloat(Die die) {
        Die t = peel(die);
        return t != null && t.tag == Dw.DW_TAG_base_type && t.number(Dw.DW_AT_encoding, 0) == Dw.DW_ATE_float;
    }

    private Type array(Die t) {
        Die elementDie = typeOf(t);
        Type element = type(elementDie);
        List<Long> lengths = new ArrayList<>();
        for (Die c : t.children) {
            if (c.tag != Dw.DW_TAG_subrange_type) continue;
            if (c.has(Dw.DW_AT_count)) lengths.add(c.number(Dw.DW_AT_count, 0));
            else if (c.has(Dw.DW_AT_upper_bound)) lengths.add(c.number(Dw.DW_AT_upper_bound, -1) + 1);
            else lengths.add(0L); // a flexible array member
        }
        if (lengths.isEmpty()) lengths.add(0L);
        Die peeled = peel(elementDie);
        boolean chars = peeled != null && peeled.tag == Dw.DW_TAG_base_type && peeled.number(Dw.DW_AT_byte_size, 0) == 1
                && (peeled.number(Dw.DW_AT_encoding, 0) == Dw.DW_ATE_signed_char
                    || peeled.number(Dw.DW_AT_encoding, 0) == Dw.DW_ATE_unsigned_char);
        // The last subrange is the innermost dimension: int a[2][3] is two arrays of three ints.
        Type result = null;
        for (int i = lengths.size() - 1; i >= 0; i--) {
            int n = (int) Math.min(Integer.MAX_VALUE, Math.max(0, lengths.get(i)));
            if (result == null && chars) result = new Type.Str(n);
            else if (result == null) {
                if (element == null) return null;
                result = new Type.Array(element, n);
            } else {
                result = new Type.Array(result, n);
            }
        }
        return result;
    }

    Type.Struct struct(Die t) {
        Die def = t;
        String name = structName(t);
        if (t.has(Dw.DW_AT_declaration)) {
            Die full = definitions.get(name);
            if (full != null) def = full;
        }
        Type.Struct cached = structs.get(def.offset);
        if (cached != null) return cached;
        Type.Struct s = new Type.Struct(name, (int) def.number(Dw.DW_AT_byte_size, 0), new Layout(def));
        structs.put(def.offset, s);
        return s;
    }

    static String structName(Die t) {
        String kw = t.tag == Dw.DW_TAG_union_type ? "union " : "struct ";
        String n = t.string(Dw.DW_AT_name);
        return n == null ? kw + "(anonymous)" : kw + n;
    }

    /** A struct's members, converted on first use. */
    private final class Layout implements StructLayout {
        private final Die die;
        private List<Field> fields;

        Layout(Die die) { this.die = die; }

        @Override
        public synchronized List<Field> fields() {
            if (fields == null) {
                List<Field> out = new ArrayList<>();
                for (Die m : die.children) {
                    if (m.tag != Dw.DW_TAG_member) continue;
                    Type ft = type(typeOf(m));
                    if (ft == null) continue;
                    String name = m.string(Dw.DW_AT_name);
                    out.add(new Field(name == null ? "" : name, ft, bitOffset(m), (int) m.number(Dw.DW_AT_bit_size, 0)));
                }
                fields = List.copyOf(out);
            }
            return fields;
        }

        private long bitOffset(Die m) {
            if (m.has(Dw.DW_AT_data_bit_offset)) return m.number(Dw.DW_AT_data_bit_offset, 0);
            long bytes = memberLocation(m);
            if (!m.has(Dw.DW_AT_bit_offset)) return bytes * 8;
            // DWARF 2/3 style (gcc -gdwarf-4 still writes it): bits from the storage unit's most
            // significant bit, so on little-endian the offset from its start is counted from the other end.
            long storage = m.has(Dw.DW_AT_byte_size) ? m.number(Dw.DW_AT_byte_size, 0) : sizeOf(typeOf(m));
            return bytes * 8 + storage * 8 - m.number(Dw.DW_AT_bit_offset, 0) - m.number(Dw.DW_AT_bit_size, 0);
        }
    }

    private static long memberLocation(Die m) {
        Object loc = m.attributes.get(Dw.DW_AT_data_member_location);
        if (loc instanceof Long l) return l;
        if (loc instanceof byte[] expr && expr.length > 0 && (expr[0] & 0xff) == Dw.DW_OP_plus_uconst) {
            long v = 0;
            int shift = 0;
            for (int i = 1; i < expr.length && shift < 64; i++) {
                v |= (long) (expr[i] & 0x7f) << shift;
                shift += 7;
                if ((expr[i] & 0x80) == 0) break;
            }
            return v;
        }
        return 0;
    }

    private long sizeOf(Die die) {
        Die t = peel(die);
        return t == null ? 0 : t.number(Dw.DW_AT_byte_size, 0);
    }

    /** The type as C writes it, e.g. {@code const char *}, {@code struct foo}; {@code void} for none. */
    String cName(Die t) {
        if (t == null) return "void";
        return switch (t.tag) {
            case Dw.DW_TAG_base_type, Dw.DW_TAG_typedef -> nameOr(t, "void");
            case Dw.DW_TAG_structure_type, Dw.DW_TAG_union_type -> structName(t);
            case Dw.DW_TAG_enumeration_type -> "enum " + nameOr(t, "(anonymous)");
            case Dw.DW_TAG_const_type -> qualified("const", typeOf(t));
            case Dw.DW_TAG_volatile_type -> qualified("volatile", typeOf(t));
            case Dw.DW_TAG_restrict_type -> qualified("restrict", typeOf(t));
            case Dw.DW_TAG_atomic_type -> qualified("_Atomic", typeOf(t));
            case Dw.DW_TAG_pointer_type -> cName(typeOf(t)) + " *";
            default -> "void";
        };
    }

    private String qualified(String qualifier, Die inner) {
        if (inner != null && inner.tag == Dw.DW_TAG_pointer_type) return cName(inner) + qualifier;
        return qualifier + " " + cName(inner);
    }

    /** The type as bpftrace's {@code -lv} names it: {@code int*}, {@code char* const}, {@code const char*}, {@code struct Foo*}. */
    String listingName(Die t) {
        if (t == null) return "void";
        return switch (t.tag) {
            case Dw.DW_TAG_base_type, Dw.DW_TAG_typedef -> nameOr(t, "");
            case Dw.DW_TAG_pointer_type -> typeOf(t) == null ? "void*" : listingName(typeOf(t)) + "*";
            case Dw.DW_TAG_structure_type -> "struct " + nameOr(t, "<anonymous>");
            case Dw.DW_TAG_union_type -> "union " + nameOr(t, "<anonymous>");
            case Dw.DW_TAG_enumeration_type -> "enum " + nameOr(t, "<anonymous>");
            case Dw.DW_TAG_const_type -> {
                Die inner = typeOf(t);
                yield inner != null && inner.tag == Dw.DW_TAG_pointer_type ? listingName(inner) + " const"
                        : "const " + listingName(inner);
            }
            default -> "<unknown type>";
        };
    }

    private static String nameOr(Die t, String fallback) {
        String n = t.string(Dw.DW_AT_name);
        return n == null ? fallback : n;
    }
}
