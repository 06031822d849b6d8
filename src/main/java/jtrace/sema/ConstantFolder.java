package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.types.Type;

import java.util.List;
import java.util.Map;

/**
 * Evaluates what is known at compile time, as bpftrace's literal folding does before it checks
 * {@code fail()} and {@code static_assert()}: literals, numeric positional parameters, {@code $#},
 * operators and casts over them, {@code sizeof}/{@code offsetof} and the other folded calls, and the
 * {@code is_*} type tests. Everything else is not constant (null).
 */
final class ConstantFolder {
    private final Map<Expr, Type> types;
    private final Map<Expr, Long> constants;
    private final CompileOptions options;

    ConstantFolder(Map<Expr, Type> types, Map<Expr, Long> constants, CompileOptions options) {
        this.types = types;
        this.constants = constants;
        this.options = options;
    }

    /** The value of {@code e} (booleans as 0/1), or null when it is only known at run time. */
    Long fold(Expr e) {
        return switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.BoolLit b -> b.value() ? 1L : 0L;
            case Expr.Positional p -> positional(p.index());
            case Expr.PositionalCount c -> (long) options.positionalParams().size();
            case Expr.SizeOf s -> sizeOf(s);
            case Expr.Unary u -> unary(u);
            case Expr.Binary b -> binary(b);
            case Expr.Ternary t -> {
                Long c = fold(t.cond());
                yield c == null ? null : fold(c != 0 ? t.then() : t.otherwise());
            }
            case Expr.Cast c -> {
                Long v = fold(c.operand());
                Type to = types.get(c);
                if (v == null || !(to instanceof Type.Int || to instanceof Type.Bool)) yield null;
                yield to instanceof Type.Int i ? truncate(v, i) : (v != 0 ? 1L : 0L);
            }
            case Expr.Call c -> call(c);
            default -> constants.get(e);
        };
    }

    /** The text of a string argument known at compile time: a literal or a positional parameter. */
    String text(Expr e) {
        if (e instanceof Expr.StrLit s) return s.value();
        if (e instanceof Expr.Positional p) {
            List<String> params = options.positionalParams();
            return p.index() >= 1 && p.index() <= params.size() ? params.get(p.index() - 1) : "";
        }
        return null;
    }

    private Long positional(int index) {
        List<String> params = options.positionalParams();
        if (index < 1 || index > params.size()) return 0L;
        String v = params.get(index - 1);
        if (!TypeChecker.isNumber(v)) return null;
        return v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
    }

    private Long sizeOf(Expr.SizeOf s) {
        if (constants.get(s) != null) return constants.get(s);
        if (s.operand() != null) return types.get(s.operand()) == null ? null : (long) types.get(s.operand()).size();
        return (long) TypeNames.parse(s.type(), s.span(), options).size();
    }

    private Long call(Expr.Call c) {
        if (constants.get(c) != null) return constants.get(c);
        if (c.args().size() != 1) return null;
        Expr arg = c.args().getFirst();
        Type t = types.get(arg);
        return switch (c.name()) {
            case "is_literal" -> bool(arg instanceof Expr.IntLit || arg instanceof Expr.StrLit || arg instanceof Expr.BoolLit);
            case "is_integer" -> t == null ? null : bool(t instanceof Type.Int);
            case "is_unsigned_integer" -> arg instanceof Expr.IntLit n ? bool(n.value() >= 0)
                    : t == null ? null : bool(t instanceof Type.Int i && !i.signed());
            case "is_ptr" -> t == null ? null : bool(t instanceof Type.Pointer);
            case "is_str" -> t == null ? null : bool(t instanceof Type.Str);
            case "is_array" -> t == null ? null : bool(t instanceof Type.Array);
            default -> null;
        };
    }

    private Long unary(Expr.Unary u) {
        Long v = fold(u.operand());
        if (v == null) return null;
        return switch (u.op()) {
            case NEG -> -v;
            case LNOT -> v == 0 ? 1L : 0L;
            case BNOT -> ~v;
            default -> null;
        };
    }

    private Long binary(Expr.Binary b) {
        Long l = fold(b.left());
        // && and || need only their left side when it decides.
        if (l != null && b.op() == jtrace.ast.BinaryOp.LAND && l == 0) return 0L;
        if (l != null && b.op() == jtrace.ast.BinaryOp.LOR && l != 0) return 1L;
        Long r = fold(b.right());
        if (l == null || r == null) return null;
        boolean unsigned = isUnsigned(b.left()) || isUnsigned(b.right());
        return switch (b.op()) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> r == 0 ? 0L : unsigned ? Long.divideUnsigned(l, r) : l / r;
            case MOD -> r == 0 ? l : unsigned ? Long.remainderUnsigned(l, r) : l % r;
            case BAND -> l & r;
            case BOR -> l | r;
            case BXOR -> l ^ r;
            case SHL -> l << r;
            case SHR -> unsigned ? l >>> r : l >> r;
            case EQ -> bool(l.equals(r));
            case NE -> bool(!l.equals(r));
            case LT -> bool(unsigned ? Long.compareUnsigned(l, r) < 0 : l < r);
            case LE -> bool(unsigned ? Long.compareUnsigned(l, r) <= 0 : l <= r);
            case GT -> bool(unsigned ? Long.compareUnsigned(l, r) > 0 : l > r);
            case GE -> bool(unsigned ? Long.compareUnsigned(l, r) >= 0 : l >= r);
            case LAND -> bool(l != 0 && r != 0);
            case LOR -> bool(l != 0 || r != 0);
        };
    }

    private boolean isUnsigned(Expr e) {
        return types.get(e) instanceof Type.Int i && !i.signed() && !(e instanceof Expr.IntLit);
    }

    private static long truncate(long v, Type.Int i) {
        if (i.bytes() >= 8) return v;
        int shift = 64 - i.bytes() * 8;
        return i.signed() ? (v << shift) >> shift : (v << shift) >>> shift;
    }

    private static Long bool(boolean b) { return b ? 1L : 0L; }
}
