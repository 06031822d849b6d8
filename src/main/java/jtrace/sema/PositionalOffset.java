package jtrace.sema;

import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * {@code str($N + k)}: the positional parameter's text from byte k on. bpftrace treats the
 * parameter as a pointer to its string here and allows adding one constant, at most its length.
 */
public record PositionalOffset(Expr.Positional param, Expr.IntLit offset, Expr at) {
    /** The form {@code $N + k}, or null. */
    public static PositionalOffset of(Expr e) {
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.ADD && b.left() instanceof Expr.Positional p
                && b.right() instanceof Expr.IntLit k) {
            return new PositionalOffset(p, k, e);
        }
        return null;
    }

    static Type check(PositionalOffset o, CompileOptions options) {
        int length = Types.utf8Length(text(o.param(), options.positionalParams()));
        if (o.offset().value() < 0 || o.offset().value() > length) {
            throw new CompileError(o.at().span(), "cannot add " + o.offset().value() + " to $" + o.param().index()
                    + ": the offset must be between 0 and the parameter's length (" + length + ")");
        }
        return new Type.Str(length - (int) o.offset().value() + 1);
    }

    private static String text(Expr.Positional p, List<String> params) {
        return p.index() <= params.size() ? params.get(p.index() - 1) : "";
    }
}
