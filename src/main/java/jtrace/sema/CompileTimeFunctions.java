package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.fmt.PrintfFormat;
import jtrace.fmt.PrintfFormatException;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions bpftrace evaluates while compiling: {@code fail(fmt, ...)} and
 * {@code static_assert(cond, msg)} (errors when reached), {@code kfunc_exist}/{@code kfunc_allowed},
 * {@code pton(addr)} and {@code strcap(s)}. Their values go into the probe's constants; pton's
 * bytes are produced by codegen from the literal.
 */
final class CompileTimeFunctions {
    private static final Set<String> NAMES = Set.of("fail", "static_assert", "kfunc_exist", "kfunc_allowed", "pton", "strcap");

    private final ConstantFolder folder;
    private final Map<Expr, Long> constants;
    private final KernelFunctions kernel;

    CompileTimeFunctions(ConstantFolder folder, Map<Expr, Long> constants, KernelFunctions kernel) {
        this.folder = folder;
        this.constants = constants;
        this.kernel = kernel;
    }

    static boolean handles(String name) { return NAMES.contains(name); }

    /**
     * @param reachable false inside a branch a compile-time condition rules out, where fail() and a
     *                  false static_assert() are not errors, as bpftrace prunes such branches first
     */
    Type check(Expr.Call c, List<Type> args, boolean reachable) {
        return switch (c.name()) {
            case "fail" -> {
                if (c.args().isEmpty()) throw new CompileError(c.span(), "fail() requires at least one argument (0 provided)");
                String fmt = folder.text(c.args().getFirst());
                if (!(c.args().getFirst() instanceof Expr.StrLit)) throw new CompileError(c.span(), "fail() expects a string literal");
                List<Object> values = new ArrayList<>();
                for (Expr a : c.args().subList(1, c.args().size())) values.add(literal(c, a));
                if (reachable) throw new CompileError(c.span(), render(c, fmt, values));
                yield new Type.Void();
            }
            case "static_assert" -> {
                Functions.arity(c, 2, 2);
                String msg = folder.text(c.args().get(1));
                if (!(c.args().get(1) instanceof Expr.StrLit)) {
                    throw new CompileError(c.args().get(1).span(), "static_assert() expects a string literal as second argument");
                }
                Long cond = folder.fold(c.args().getFirst());
                if (cond == null) {
                    throw new CompileError(c.args().getFirst().span(), "static_assert() expects a condition known at compile time");
                }
                if (cond == 0 && reachable) throw new CompileError(c.span(), msg);
                yield new Type.Void();
            }
            case "kfunc_exist", "kfunc_allowed" -> {
                Functions.arity(c, 1, 1);
                if (!(c.args().getFirst() instanceof Expr.StrLit name)) {
                    throw new CompileError(c.args().getFirst().span(), c.name() + "() expects a string literal");
                }
                boolean exists = kernel.find(name.value()) != null;
                // jtrace generates no kfunc calls, so no kfunc is usable from its programs.
                constants.put(c, c.name().equals("kfunc_exist") && exists ? 1L : 0L);
                yield new Type.Bool();
            }
            case "pton" -> {
                Functions.arity(c, 1, 1);
                byte[] addr = Addresses.pton(c);
                yield new Type.Array(new Type.Int(1, false), addr.length);
            }
            case "strcap" -> {
                Functions.arity(c, 1, 1);
                Type t = args.getFirst();
                long cap = switch (t) {
                    case Type.Str s -> s.capacity();
                    case Type.Array a -> a.length();
                    default -> throw new CompileError(c.args().getFirst().span(),
                            "strcap() expects a string or an array (" + t.display() + " provided)");
                };
                constants.put(c, cap);
                yield Type.Int.INT64;
            }
            default -> throw new IllegalStateException(c.name());
        };
    }

    private Object literal(Expr.Call c, Expr a) {
        String s = a instanceof Expr.StrLit ? folder.text(a) : null;
        if (s != null) return s;
        Long v = folder.fold(a);
        if (v != null) return v;
        String p = folder.text(a);
        if (p != null) return p;
        throw new CompileError(a.span(), c.name() + "() arguments must be literals: they are evaluated at compile time");
    }

    private static String render(Expr.Call c, String fmt, List<Object> values) {
        try {
            return PrintfFormat.parse(fmt).render(values);
        } catch (PrintfFormatException e) {
            throw new CompileError(c.span(), c.name() + ": " + e.getMessage());
        }
    }
}
