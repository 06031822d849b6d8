package jtrace.sema;

import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.function.Function;

/** Types of the operators: binary and unary ones (with pointer arithmetic) and casts. */
final class OperatorTyping {
    private final Function<Expr, Type> typer;
    private final StructTyping structs;
    private final VariableTyping variables;
    private final CompileOptions options;

    OperatorTyping(Function<Expr, Type> typer, StructTyping structs, VariableTyping variables, CompileOptions options) {
        this.typer = typer;
        this.structs = structs;
        this.variables = variables;
        this.options = options;
    }

    Type binary(Expr.Binary b) {
        Type l = typer.apply(b.left());
        Type r = typer.apply(b.right());
        if (l == null || r == null) return null;
        BinaryOp op = b.op();
        if (l instanceof Type.Str && r instanceof Type.Str && (op == BinaryOp.EQ || op == BinaryOp.NE)) {
            return new Type.Bool();
        }
        if (!Type.isInteger(l) || !Type.isInteger(r)) {
            throw new CompileError(b.span(), "Type mismatch for '" + op.symbol + "': comparing '" + l.display()
                    + "' with '" + r.display() + "'");
        }
        if (op.isComparison() || op.isLogical()) return new Type.Bool();
        Type pointer = pointerArithmetic(b, l, r);
        if (pointer != null) return pointer;
        Type.Int li = Types.asInt(l);
        Type.Int ri = Types.asInt(r);
        return new Type.Int(8, li.signed() && ri.signed());
    }

    /**
     * {@code p + n}, {@code n + p}, {@code p - n}: a pointer of p's type moved by n elements, as in
     * bpftrace (and C); null when neither side is a pointer or the operator is not + or -.
     */
    private Type pointerArithmetic(Expr.Binary b, Type l, Type r) {
        boolean lp = l instanceof Type.Pointer, rp = r instanceof Type.Pointer;
        if (!lp && !rp || b.op() != BinaryOp.ADD && b.op() != BinaryOp.SUB) return null;
        if (lp && rp) {
            throw new CompileError(b.span(), "The " + b.op().symbol + " operator can not be used on two pointers ('"
                    + l.display() + "' and '" + r.display() + "'): pointer arithmetic takes a pointer and an integer");
        }
        if (rp && b.op() == BinaryOp.SUB) {
            throw new CompileError(b.span(), "The - operator can not take a pointer on its right side ('" + r.display()
                    + "'): subtract an integer from a pointer instead");
        }
        return lp ? structs.arithmeticPointer((Type.Pointer) l, b.left()) : structs.arithmeticPointer((Type.Pointer) r, b.right());
    }

    Type unary(Expr.Unary u) {
        Type t = typer.apply(u.operand());
        if (t == null) return null;
        switch (u.op()) {
            case LNOT -> {
                if (!Type.isInteger(t)) throw cannotApply(u, t);
                return new Type.Bool();
            }
            case NEG, BNOT -> {
                if (!Type.isInteger(t)) throw cannotApply(u, t);
                Type.Int i = Types.asInt(t);
                return new Type.Int(8, u.op() == jtrace.ast.UnaryOp.NEG || i.signed());
            }
            case DEREF -> {
                Type pointee = structs.deref(u, t);
                if (pointee != null) return pointee;
                throw new CompileError(u.span(), "Can not dereference a value of type '" + t.display()
                        + "': cast it to a pointer first, e.g. *(uint64 *)x");
            }
            default -> throw new CompileError(u.span(), "The " + u.op().symbol + " operator is not supported by jtrace yet");
        }
    }

    private static CompileError cannotApply(Expr.Unary u, Type t) {
        Span opSpan = new Span(u.span().start(), u.span().start() + u.op().symbol.length());
        return new CompileError(opSpan, "The " + u.op().symbol + " operator can not be used on expressions of type '" + t.display() + "'");
    }

    Type cast(Expr.Cast c) {
        Type from = typer.apply(c.operand());
        if (ArrayCasts.isArrayCast(c)) {
            if (from == null) return null;
            // bpftrace sizes an integer operand as it types it: a literal by its value, a variable as widened.
            Type sized = Type.intOf(from) instanceof Type.Int i && variables.natural(c.operand(), i) instanceof Type.Int n ? n : from;
            return ArrayCasts.toArray(c, sized, options);
        }
        if (from instanceof Type.Array a && !c.type().contains("*")) {
            Type to = TypeNames.parse(c.type(), c.span(), options);
            ArrayCasts.fromArray(c, a, to);
            return to;
        }
        Type cType = structs.cast(c, from);
        if (cType != null) return cType;
        Type to = TypeNames.parse(c.type(), c.span(), options);
        if (from == null) return to;
        if (to instanceof Type.Int && !Type.isInteger(from)) {
            throw new CompileError(c.span(), "Cannot cast from \"" + from.display() + "\" to \"" + to.display() + "\"");
        }
        if (!(to instanceof Type.Int) && !(to instanceof Type.Bool)) {
            throw new CompileError(c.span(), "Cast to '" + c.type() + "' is not supported by jtrace yet");
        }
        return to;
    }
}
