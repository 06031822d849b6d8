package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

/**
 * The probe-specific builtins of kernel probes: {@code arg0..arg5} and {@code retval} from the
 * registers of a kprobe/kretprobe, {@code args.NAME} and {@code retval} of fentry/fexit from BTF,
 * {@code ctx.FIELD} of an iterator, {@code func} of all function probes.
 */
final class KernelProbeBuiltins {
    private KernelProbeBuiltins() {}

    /** x86-64 passes six integer arguments in registers; a kprobe sees only those. */
    static final int MAX_KPROBE_ARG = 5;

    /** The type of a builtin in a kernel probe, or null when the name is not one of these (the caller types it). */
    static Type typeOf(Expr.Ident id, ProbeTarget.Kernel target) {
        String name = id.name();
        boolean isArg = name.matches("arg[0-9]+");
        String kind = kindOf(target);
        return switch (target) {
            case KprobeTarget k -> {
                if (isArg) {
                    if (k.ret()) throw new CompileError(id.span(), "The " + name
                            + " builtin can only be used with 'kprobe', 'uprobe' and 'usdt' probes (kretprobe used here)");
                    if (argIndex(name) > MAX_KPROBE_ARG) throw new CompileError(id.span(), name
                            + " is out of range: kprobes read arg0 to arg" + MAX_KPROBE_ARG + " (the x86-64 argument registers)");
                    yield Type.Int.UINT64;
                }
                if (name.equals("retval")) {
                    if (!k.ret()) throw new CompileError(id.span(),
                            "The retval builtin can only be used with 'kretprobe' and 'uretprobe' probes (kprobe used here)");
                    yield Type.Int.UINT64;
                }
                if (name.equals("func")) yield new Type.Str(Types.utf8Length(k.function()) + 1);
                if (name.equals("args")) throw new CompileError(id.span(),
                        "The args builtin can not be used with " + kind + " probes: use arg0, arg1, ... (or fentry, which has args)");
                yield null;
            }
            case FentryTarget f -> {
                if (isArg) throw new CompileError(id.span(), "The " + name + " builtin can not be used with "
                        + kind + " probes: use args.NAME");
                if (name.equals("retval")) {
                    if (!f.exit()) throw new CompileError(id.span(), "The retval builtin can only be used with 'fexit' and "
                            + "'kretprobe' probes (" + kind + " used here)");
                    if (!f.function().returnsValue()) throw new CompileError(id.span(), f.function().name()
                            + " returns void: there is no retval");
                    yield f.function().returnType();
                }
                if (name.equals("func")) yield new Type.Str(Types.utf8Length(f.function().name()) + 1);
                if (name.equals("args")) yield new Type.Args(argsStructName(target));
                yield null;
            }
            case IterTarget it -> {
                if (name.equals("ctx")) yield new Type.Args(argsStructName(target));
                if (isArg || name.equals("retval") || name.equals("func") || name.equals("args")) {
                    throw new CompileError(id.span(), "The " + name + " builtin can not be used with iter probes: use ctx.FIELD");
                }
                yield null;
            }
            case WatchpointTarget w -> null;
        };
    }

    /** The type of {@code args.NAME} (fentry/fexit) or {@code ctx.NAME} (iter). */
    static Type field(Expr.FieldAccess f, ProbeTarget.Kernel target) {
        switch (target) {
            case FentryTarget ft -> {
                for (KernelFunction.Param p : ft.function().params()) if (p.name().equals(f.field())) return p.type();
            }
            case IterTarget it -> {
                for (KernelFunction.Param p : it.fields()) if (p.name().equals(f.field())) return p.type();
            }
            default -> { }
        }
        throw new CompileError(f.span(), "Struct/union of type 'struct " + argsStructName(target)
                + "' does not contain a field named '" + f.field() + "'");
    }

    /** The struct bpftrace names the arguments by: the iterator's context struct, or a per-function one. */
    static String argsStructName(ProbeTarget.Kernel target) {
        return switch (target) {
            case FentryTarget f -> "_fentry_" + f.function().name();
            case IterTarget it -> "bpf_iter__" + it.iterator();
            default -> target.name();
        };
    }

    static String kindOf(ProbeTarget.Kernel target) {
        return switch (target) {
            case KprobeTarget k -> k.ret() ? "kretprobe" : "kprobe";
            case FentryTarget f -> f.exit() ? "fexit" : "fentry";
            case WatchpointTarget w -> w.async() ? "asyncwatchpoint" : "watchpoint";
            case IterTarget it -> "iter";
        };
    }

    private static int argIndex(String name) {
        try {
            return Integer.parseInt(name.substring(3));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
