package jtrace.sema;

import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simple C struct and union definitions written in a script: members of integer types (C names,
 * {@code u32}-style kernel names, {@code uint32_t}-style names), pointers, arrays, bitfields and
 * nested structs (by name), laid out with the x86-64 ABI's alignment rules.
 */
final class CStructParser {
    /** A definition jtrace cannot read; reported when the struct is used, not when it is defined. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) { super(message); }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*|0[xX][0-9a-fA-F]+|[0-9]+|[{}\\[\\];:,*])");

    private final List<String> tokens = new ArrayList<>();
    private final Function<String, Type> named;
    private int pos;

    /** {@code named} resolves {@code struct X}/{@code union X} and typedef names, or returns null. */
    private CStructParser(String text, Function<String, Type> named) throws Unsupported {
        this.named = named;
        String body = text.replaceAll("/\\*(?s:.*?)\\*/", " ").replaceAll("//[^\\n]*", " ");
        Matcher m = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            if (body.substring(at).isBlank()) break;
            if (!m.find(at) || m.start() != at) throw new Unsupported("cannot read C definition near '" + body.substring(at).strip() + "'");
            tokens.add(m.group(1));
            at = m.end();
        }
    }

    /** The keyword and name of a definition ("struct foo"), or null when it is not a struct/union definition. */
    static String definedName(String text) {
        Matcher m = Pattern.compile("^\\s*(struct|union)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*\\{").matcher(text);
        return m.find() ? m.group(1) + " " + m.group(2) : null;
    }

    static Type.Struct parse(String text, Function<String, Type> named) throws Unsupported {
        return new CStructParser(text, named).definition();
    }

    private Type.Struct definition() throws Unsupported {
        String kw = next();
        String name = kw + " " + next();
        expect("{");
        boolean union = kw.equals("union");
        List<StructLayout.Field> fields = new ArrayList<>();
        long bit = 0;
        int maxAlign = 1;
        while (!peek().equals("}")) {
            Type base = baseType();
            while (true) {
                int stars = 0;
                while (accept("*")) stars++;
                String field = next();
                if (!field.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new Unsupported("expected a member name, found '" + field + "'");
                Type t = base;
                String ptrTarget = cName(base);
                for (int i = 0; i < stars; i++) {
                    t = new Type.Pointer(ptrTarget, t, false);
                    ptrTarget = ptrTarget + " *";
                }
                if (t == null) throw new Unsupported("member '" + field + "' has type void");
                List<Integer> dims = new ArrayList<>();
                while (accept("[")) {
                    dims.add((int) number());
                    expect("]");
                }
                for (int i = dims.size() - 1; i >= 0; i--) {
                    boolean chars = plainChar && stars == 0 && t instanceof Type.Int in && in.bytes() == 1 && i == dims.size() - 1;
                    t = chars ? new Type.Str(dims.get(i)) : new Type.Array(t, dims.get(i));
                }
                int width = 0;
                if (accept(":")) {
                    width = (int) number();
                    if (!(t instanceof Type.Int) || width <= 0 || width > t.size() * 8) throw new Unsupported("invalid bitfield '" + field + "'");
                }
                int align = alignment(t);
                maxAlign = Math.max(maxAlign, align);
                long at;
                if (union) {
                    at = 0;
                } else if (width > 0) {
                    long unit = t.size() * 8L;
                    at = (bit / unit) == ((bit + width - 1) / unit) ? bit : (bit + unit - 1) / unit * unit;
                    bit = at + width;
                } else {
                    at = (bit + align * 8L - 1) / (align * 8L) * (align * 8L);
                    bit = at + t.size() * 8L;
                }
                fields.add(new StructLayout.Field(field, t, at, width));
                if (union) bit = Math.max(bit, width > 0 ? width : t.size() * 8L);
                if (accept(",")) continue;
                expect(";");
                break;
            }
        }
        expect("}");
        long bytes = (bit + 7) / 8;
        bytes = (bytes + maxAlign - 1) / maxAlign * maxAlign;
        List<StructLayout.Field> done = List.copyOf(fields);
        return new Type.Struct(name, (int) bytes, () -> done);
    }

    /** The C name a pointer to this type shows as. */
    private static String cName(Type t) {
        if (t == null) return "void";
        return switch (t) {
            case Type.Int i -> i.display();
            case Type.Pointer p -> p.display();
            default -> t.display();
        };
    }

    static int alignment(Type t) {
        return switch (t) {
            case Type.Int i -> i.bytes();
            case Type.Pointer p -> 8;
            case Type.Str s -> 1;
            case Type.Array a -> alignment(a.element());
            case Type.Struct s -> s.layout().fields().stream().mapToInt(f -> alignment(f.type())).max().orElse(1);
            default -> 8;
        };
    }

    /** A member of enum type: that enum when the script or BTF defines it, else C's 4-byte integer. */
    private Type enumMember(String name) {
        try {
            Type t = named.apply(name);
            return t instanceof Type.Enum ? t : Type.Int.UINT32;
        } catch (jtrace.diag.CompileError unknown) {
            return Type.Int.UINT32;
        }
    }

    /**
     * Whether the last base type was spelled plain {@code char}: as bpftrace (clang's Char_S/Char_U),
     * only arrays of plain char are strings; unsigned char, signed char and u8 arrays are integer arrays.
     */
    private boolean plainChar;

    private Type baseType() throws Unsupported {
        plainChar = false;
        List<String> words = new ArrayList<>();
        while (true) {
            String w = peek();
            if (w.equals("const") || w.equals("volatile")) {
                next();
                continue;
            }
            if (w.equals("struct") || w.equals("union") || w.equals("enum")) {
                next();
                String name = w + " " + next();
                if (w.equals("enum")) return enumMember(name);
                Type t = named.apply(name);
                // A pointer to a struct defined nowhere (or to this one) is still a pointer: C allows incomplete types there.
                if (t == null && peek().equals("*")) return new Type.Struct(name, 0, List::of);
                if (t == null) throw new Unsupported("Cannot resolve unknown type \"" + name + "\"");
                return t;
            }
            if (!words.isEmpty() && !INT_WORDS.contains(w)) break;
            if (!w.matches("[A-Za-z_][A-Za-z0-9_]*")) break;
            words.add(next());
            if (!INT_WORDS.contains(words.getFirst())) break;
        }
        if (words.isEmpty()) throw new Unsupported("expected a type, found '" + peek() + "'");
        String joined = String.join(" ", words);
        plainChar = joined.equals("char");
        Type t = cInteger(words);
        if (t != null || joined.equals("void")) return t;
        Type n = named.apply(joined);
        if (n == null) throw new Unsupported("Cannot resolve unknown type \"" + joined + "\"");
        return n;
    }

    private static final List<String> INT_WORDS = List.of("unsigned", "signed", "char", "short", "int", "long", "_Bool");

    /** C integer type words ("unsigned long long", "char") and the fixed-width names. */
    static Type cInteger(List<String> words) {
        String joined = String.join(" ", words);
        switch (joined) {
            case "u8", "__u8", "uint8_t", "uint8", "bool", "_Bool", "unsigned char": return new Type.Int(1, false);
            case "s8", "__s8", "int8_t", "int8", "char", "signed char": return new Type.Int(1, true);
            case "u16", "__u16", "uint16_t", "uint16": return new Type.Int(2, false);
            case "s16", "__s16", "int16_t", "int16": return new Type.Int(2, true);
            case "u32", "__u32", "uint32_t", "uint32": return Type.Int.UINT32;
            case "s32", "__s32", "int32_t", "int32", "pid_t": return Type.Int.INT32;
            case "u64", "__u64", "uint64_t", "uint64", "size_t": return Type.Int.UINT64;
            case "s64", "__s64", "int64_t", "int64", "ssize_t": return Type.Int.INT64;
            default: break;
        }
        if (!INT_WORDS.containsAll(words) || words.contains("_Bool")) return null;
        boolean unsigned = words.contains("unsigned");
        long longs = words.stream().filter("long"::equals).count();
        int bytes = words.contains("char") ? 1 : words.contains("short") ? 2 : longs > 0 ? 8 : 4;
        return new Type.Int(bytes, !unsigned);
    }

    private long number() throws Unsupported {
        String n = next();
        try {
            return n.startsWith("0x") || n.startsWith("0X") ? Long.parseLong(n.substring(2), 16) : Long.parseLong(n);
        } catch (NumberFormatException e) {
            throw new Unsupported("expected a number, found '" + n + "'");
        }
    }

    private String peek() { return pos < tokens.size() ? tokens.get(pos) : ""; }

    private String next() throws Unsupported {
        if (pos >= tokens.size()) throw new Unsupported("unexpected end of C definition");
        return tokens.get(pos++);
    }

    private boolean accept(String t) {
        if (peek().equals(t)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String t) throws Unsupported {
        String got = next();
        if (!got.equals(t)) throw new Unsupported("expected '" + t + "' in C definition, found '" + got + "'");
    }
}
