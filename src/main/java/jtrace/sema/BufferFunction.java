package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * {@code buf(data, length)}: a buffer of at most {@code max_strlen} bytes. A literal length sizes the
 * buffer exactly; a run-time length gets the full limit and is clamped in the kernel. A string's
 * bytes may be taken too, its length then optional (the string's size without the terminator).
 */
final class BufferFunction {
    private BufferFunction() {}

    static Type check(Expr.Call c, List<Type> args, CompileOptions options) {
        Functions.arity(c, 1, 2);
        boolean string = args.getFirst() instanceof Type.Str;
        if (!string && (!Type.isInteger(args.getFirst()) || args.getFirst() instanceof Type.Bool)) {
            throw new CompileError(c.span(), "buf() expects an integer or a pointer type as first argument ("
                    + args.getFirst().display() + " provided)");
        }
        if (c.args().size() == 1 && string) return new Type.Buffer(((Type.Str) args.getFirst()).capacity() - 1);
        if (c.args().size() == 1) {
            throw new CompileError(c.span(), "buf() needs a length argument unless its data is an array");
        }
        if (!Type.isInteger(args.get(1))) {
            throw new CompileError(c.args().get(1).span(), "buf() expects an integer as second argument ("
                    + args.get(1).display() + " provided)");
        }
        if (string && !(c.args().get(1) instanceof Expr.IntLit)) {
            throw new CompileError(c.args().get(1).span(), "buf() of a string needs an integer literal length");
        }
        int size = options.maxStrlen();
        if (c.args().get(1) instanceof Expr.IntLit n) {
            if (n.value() < 1) throw new CompileError(c.args().get(1).span(), "buf() length must be greater than 0");
            size = (int) Math.min(size, n.value());
        }
        return new Type.Buffer(size);
    }
}
