package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * Functions whose value travels as a number and becomes text in user space when printed:
 * {@code syscall_name(nr)} (the x86-64 table) and {@code cgroup_path(id [, filter])}.
 */
final class ResolvedFunctions {
    private ResolvedFunctions() {}

    /** The type of {@code c}, or null when it is none of these. */
    static Type check(Expr.Call c, List<Type> args) {
        return switch (c.name()) {
            case "syscall_name" -> {
                Functions.arity(c, 1, 1);
                requireInteger(c, args.getFirst());
                yield new Type.SyscallName();
            }
            case "cgroup_path" -> {
                Functions.arity(c, 1, 2);
                requireInteger(c, args.getFirst());
                String filter = null;
                if (c.args().size() == 2) {
                    if (!(c.args().get(1) instanceof Expr.StrLit s)) {
                        throw new CompileError(c.args().get(1).span(), "cgroup_path() only supports string literals as the second argument");
                    }
                    filter = s.value();
                }
                yield new Type.CgroupPath(filter);
            }
            default -> null;
        };
    }

    private static void requireInteger(Expr.Call c, Type t) {
        if (!Type.isInteger(t)) {
            throw new CompileError(c.args().getFirst().span(), c.name() + "() expects an integer argument (" + t.display() + " provided)");
        }
    }
}
