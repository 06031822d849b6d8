package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * {@code memcmp(left, right, count)}: compares the first count bytes of two strings, arrays or
 * pointed-to memory; 0 when equal, else the difference of the first differing bytes (unsigned).
 */
final class MemoryComparison {
    private MemoryComparison() {}

    /** The most bytes compared: the code is unrolled, one compare per byte. */
    static final int MAX_COUNT = 1024;

    static Type check(Expr.Call c, List<Type> args) {
        Functions.arity(c, 3, 3);
        long count = Functions.literal(c.args().get(2), "memcmp() count");
        if (count < 0 || count > MAX_COUNT) {
            throw new CompileError(c.args().get(2).span(), "memcmp() count must be between 0 and " + MAX_COUNT + " (" + count + " provided)");
        }
        for (int i = 0; i < 2; i++) {
            Type t = args.get(i);
            long size = switch (t) {
                case Type.Str s -> s.capacity();
                case Type.Array a -> a.size();
                case Type.Pointer p -> Long.MAX_VALUE;
                default -> throw new CompileError(c.args().get(i).span(),
                        "memcmp() expects a string, an array or a pointer (" + t.display() + " provided)");
            };
            if (count > size) {
                throw new CompileError(c.span(), "memcmp() count (" + count + ") is larger than argument " + (i + 1)
                        + " (" + t.display() + ", " + size + " bytes)");
            }
        }
        return Type.Int.INT64;
    }
}
