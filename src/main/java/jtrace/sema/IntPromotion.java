package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.UnaryOp;
import jtrace.types.Type;

/**
 * bpftrace's integer upcasting for scratch variables and map values. jtrace stores every integer
 * in 64 bits, but bpftrace types a literal by the smallest integer that holds it ({@code 1} is a
 * uint8, {@code -1000} an int16) and widens a variable to the smallest type that fits both its old
 * and new values; a uint64 and any signed integer have none, which is a type mismatch.
 */
final class IntPromotion {
    private IntPromotion() {}

    /**
     * The type bpftrace gives an integer literal (or a negated one), else null; also null for a
     * literal past 32 bits, which jtrace leaves unchecked (whether bpftrace takes it as uint64 or
     * lets a signed value join it depends on more than its type).
     */
    static Type.Int literal(Expr e) {
        if (e instanceof Expr.IntLit i) {
            if (i.unsigned() || i.value() < 0) return null;
            Type.Int t = smallest(i.value(), false);
            return t.bytes() == 8 ? null : t;
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG && u.operand() instanceof Expr.IntLit i
                && !i.unsigned() && i.value() >= 0) {
            return smallest(-i.value(), true);
        }
        return null;
    }

    private static Type.Int smallest(long v, boolean signed) {
        for (int bytes = 1; bytes < 8; bytes *= 2) {
            long bits = bytes * 8L;
            boolean fits = signed ? v >= -(1L << (bits - 1)) && v < (1L << (bits - 1)) : v < (1L << bits);
            if (fits) return new Type.Int(bytes, signed);
        }
        return new Type.Int(8, signed);
    }

    /** An expression of literals only, which bpftrace folds into a literal. */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> true;
            case Expr.Unary u -> u.op() != UnaryOp.DEREF && u.op() != UnaryOp.ADDR && isConstant(u.operand());
            case Expr.Binary b -> isConstant(b.left()) && isConstant(b.right());
            default -> false;
        };
    }

    /** The smallest integer type holding every value of both, or null when there is none. */
    static Type.Int promote(Type.Int a, Type.Int b) {
        if (a.signed() == b.signed()) return new Type.Int(Math.max(a.bytes(), b.bytes()), a.signed());
        Type.Int signed = a.signed() ? a : b;
        Type.Int unsigned = a.signed() ? b : a;
        if (signed.bytes() > unsigned.bytes()) return signed;
        if (unsigned.bytes() == 8) return null;
        return new Type.Int(unsigned.bytes() * 2, true);
    }
}
