package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/** {@code nsecs(clock)}: the clock is a bare word naming a kernel clock, not an expression. */
public final class Clocks {
    private Clocks() {}

    /** The clocks bpftrace accepts. sw_tai, bpftrace's approximation of TAI for older kernels, reads TAI here. */
    public static final List<String> NAMES = List.of("monotonic", "boot", "tai", "sw_tai");

    static Type check(Expr.Call c) {
        Functions.arity(c, 1, 1);
        if (!(c.args().getFirst() instanceof Expr.Ident clock) || !NAMES.contains(clock.name())) {
            throw new CompileError(c.args().getFirst().span(),
                    "Invalid timestamp mode for nsecs(). Valid modes: " + String.join(", ", NAMES));
        }
        return Type.Int.UINT64;
    }

    /** The clock an nsecs(clock) call checked by {@link #check} reads. */
    public static String clock(Expr.Call c) {
        return ((Expr.Ident) c.args().getFirst()).name();
    }
}
