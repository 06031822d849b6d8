package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bpftrace's casts between integers and integer arrays: {@code (int8[8])12345}, {@code (uint8[])x}
 * (the length from the operand's size), {@code (int8[])"str"}, and back {@code (uint64)$a},
 * {@code (uint32)pton("127.0.0.1")}. Sizes must agree, except that an integer may fill a larger
 * array of up to 8 bytes. Messages are bpftrace's.
 */
final class ArrayCasts {
    private ArrayCasts() {}

    private static final Pattern ARRAY = Pattern.compile("\\s*(.+?)\\s*\\[(\\d*)\\]\\s*");

    /** Whether the cast's type is an array type, {@code ELEM[N]} or {@code ELEM[]}. */
    static boolean isArrayCast(Expr.Cast c) {
        return ARRAY.matcher(c.type()).matches();
    }

    /**
     * The array type of a cast to an array. {@code from} is the operand's type as bpftrace sizes it
     * (a literal as small as its value).
     */
    static Type.Array toArray(Expr.Cast c, Type from, CompileOptions options) {
        Matcher m = ARRAY.matcher(c.type());
        if (!m.matches()) throw new IllegalArgumentException(c.type());
        Type elem;
        try {
            elem = TypeNames.parse(m.group(1), c.span(), options);
        } catch (CompileError e) {
            elem = null;
        }
        String written = m.group(1) + "[" + m.group(2) + "]";
        if (from instanceof Type.Struct) throw new CompileError(c.span(), "Cannot cast from struct type \"" + from.display() + "\"");
        if (!(elem instanceof Type.Int) && !(elem instanceof Type.Bool)) throw cannot(c, from, written);
        int elemSize = elem.size();
        int fromSize = from.size();
        int length;
        if (m.group(2).isEmpty()) {
            if (fromSize % elemSize != 0) {
                throw new CompileError(c.span(), "Cannot determine array size: the element size is incompatible with the cast integer size");
            }
            length = fromSize / elemSize;
        } else {
            length = Integer.parseInt(m.group(2));
        }
        Type.Array to = new Type.Array(elem, length);
        int toSize = to.size();
        boolean ok = Type.intOf(from) instanceof Type.Int
                ? toSize == fromSize || toSize <= 8 && toSize > fromSize
                : (from instanceof Type.Bool || from instanceof Type.Str) && toSize == fromSize;
        if (!ok || length == 0) throw cannot(c, from, to.display());
        return to;
    }

    /** A cast from an integer array to an integer of the same size; anything else from an array is an error. */
    static void fromArray(Expr.Cast c, Type.Array from, Type to) {
        if (!(to instanceof Type.Int i) || i.size() != from.size()
                || !(from.element() instanceof Type.Int || from.element() instanceof Type.Bool)) {
            throw cannot(c, from, to.display());
        }
    }

    private static CompileError cannot(Expr.Cast c, Type from, String to) {
        return new CompileError(c.span(), "Cannot cast from \"" + from.display() + "\" to \"" + to + "\"");
    }
}
