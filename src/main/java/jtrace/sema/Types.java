package jtrace.sema;

import jtrace.types.Type;

import java.nio.charset.StandardCharsets;

/** Type rules shared by the checker: unification, widening, field typing. */
final class Types {
    private Types() {}

    /** Parsed strings hold one char per byte (see the lexer). */
    static int utf8Length(String s) { return s.length(); }

    /** Integers are kept as 64-bit values; signedness survives. */
    static Type.Int widen(Type.Int t) { return new Type.Int(8, t.signed()); }

    static Type.Int asInt(Type t) {
        return switch (t) {
            case Type.Int i -> i;
            case Type.Enum e -> Type.intOf(e);
            case Type.Bool b -> Type.Int.UINT64;
            case Type.Pointer p -> Type.Int.UINT64;
            default -> throw new IllegalArgumentException(t.display());
        };
    }

    /** How a value is stored as a map key or tuple element: integers (and enums) widen to 64 bits. */
    static Type keyForm(Type t) {
        return switch (t) {
            case Type.Int i -> widen(i);
            case Type.Enum e -> e.withBytes(8);
            case Type.Pointer p -> Type.Int.UINT64;
            default -> t;
        };
    }

    /** The type both values fit in, or null when they cannot share a slot. */
    static Type unify(Type a, Type b) {
        if (a.equals(b)) return a;
        // One pointer type, its pointee resolved on one side only (pointer arithmetic resolves it).
        if (a instanceof Type.Pointer x && b instanceof Type.Pointer y && x.target().equals(y.target()) && x.user() == y.user()
                && (x.pointee() == null || y.pointee() == null)) return x.pointee() != null ? x : y;
        // One enum however wide it is held; an enum and another integer share an integer slot.
        if (a instanceof Type.Enum x && b instanceof Type.Enum y && x.name().equals(y.name())) return x.withBytes(8);
        if (Type.intOf(a) instanceof Type.Int x && Type.intOf(b) instanceof Type.Int y) return new Type.Int(8, x.signed() || y.signed());
        if (a instanceof Type.Bool && Type.intOf(b) != null || Type.intOf(a) != null && b instanceof Type.Bool) return null;
        if (a instanceof Type.Pointer && Type.intOf(b) != null || Type.intOf(a) != null && b instanceof Type.Pointer) return Type.Int.UINT64;
        if (a instanceof Type.Str x && b instanceof Type.Str y) return new Type.Str(Math.max(x.capacity(), y.capacity()));
        if (a instanceof Type.Tuple x && b instanceof Type.Tuple y && x.elements().size() == y.elements().size()) {
            java.util.List<Type> elems = new java.util.ArrayList<>();
            for (int i = 0; i < x.elements().size(); i++) {
                Type u = unify(x.elements().get(i), y.elements().get(i));
                if (u == null) return null;
                elems.add(u);
            }
            // A record keeps its field names when a plain tuple is assigned over it; two records must agree.
            if (x.isRecord() && y.isRecord() && !x.names().equals(y.names())) return null;
            return new Type.Tuple(elems, x.isRecord() ? x.names() : y.names());
        }
        return null;
    }

    static Type ofField(TracepointField f, CompileOptions options) {
        if (f.dataLoc()) return new Type.Str(options.maxStrlen());
        if (f.isCharArray()) return new Type.Str(f.arrayLen());
        if (f.isPointer()) return new Type.Pointer(f.cType().substring(0, f.cType().lastIndexOf('*')).trim());
        if (f.arrayLen() > 0) return Type.Int.UINT64;
        return switch (f.size()) {
            case 1, 2, 4, 8 -> new Type.Int(f.size(), f.signed());
            default -> Type.Int.UINT64;
        };
    }
}
