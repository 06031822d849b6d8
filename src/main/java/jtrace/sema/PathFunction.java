package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.List;

/**
 * {@code path(struct path *|struct path [, size])}: the path of a {@code struct path} as
 * {@code bpf_d_path} writes it. The kernel allows that helper in iterator programs and in
 * fentry/fexit programs of a few functions (its {@code btf_allowlist_d_path}); bpftrace accepts
 * it in those probe types and lets the verifier judge the function.
 */
final class PathFunction {
    private PathFunction() {}

    static Type check(Expr.Call c, List<Type> args, ProbeTarget target, CompileOptions options) {
        Functions.arity(c, 1, 2);
        Type arg = args.getFirst();
        if (!(arg instanceof Type.Struct || arg instanceof Type.Pointer)) {
            throw new CompileError(c.span(), "path() only supports pointer or record argument ("
                    + Functions.kindName(arg) + " provided)");
        }
        int size = options.maxStrlen();
        if (args.size() == 2) {
            if (!(c.args().get(1) instanceof Expr.IntLit n) || n.value() < 0) {
                throw new CompileError(c.span(), "path: invalid size value, need non-negative literal");
            }
            size = (int) Math.min(n.value(), Integer.MAX_VALUE);
        }
        if (!(target instanceof IterTarget || target instanceof FentryTarget)) {
            throw new CompileError(c.span(), "The path function can only be used with 'fentry', 'fexit', 'iter' probes");
        }
        return new Type.Str(Math.max(size, 1));
    }
}
