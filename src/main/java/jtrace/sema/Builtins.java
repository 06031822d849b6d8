package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

import java.util.Set;

/** The builtin variables and their types. */
public final class Builtins {
    private Builtins() {}

    public static final Set<String> NAMES = Set.of(
            "pid", "tid", "uid", "gid", "comm", "nsecs", "elapsed", "cpu", "probe", "args",
            "cgroup", "curtask", "rand", "numaid", "jiffies", "ncpus", "cpid", "probetype", "username", "usermode");

    /** The builtin's type in this probe, null for a name that is no builtin (bpftrace's errors for misuse). */
    static Type typeOf(Expr.Ident id, ProbeTarget target, CompileOptions options) {
        if (UserProbeBuiltins.applies(target)) {
            Type user = UserProbeBuiltins.typeOf(id, target);
            if (user != null) return user;
        }
        if (target instanceof ProbeTarget.Kernel k) {
            Type kernel = KernelProbeBuiltins.typeOf(id, k);
            if (kernel != null) return kernel;
        }
        return switch (id.name()) {
            case "pid", "tid", "uid", "gid", "cpu", "rand", "numaid" -> Type.Int.UINT32;
            case "nsecs", "elapsed", "cgroup", "jiffies", "ncpus" -> Type.Int.UINT64;
            case "curtask" -> Type.Int.UINT64;
            case "cpid" -> {
                if (options.childPid().isEmpty()) throw new CompileError(id.span(), "cpid cannot be used without child command");
                yield Type.Int.UINT32;
            }
            case "comm" -> new Type.Str(16);
            case "username" -> new Type.Username();
            case "usermode" -> new Type.Int(1, false);
            case "probe" -> new Type.Str(Types.utf8Length(target.name()) + 1);
            case "probetype" -> new Type.Str(probeType(target).length() + 1);
            case "args" -> {
                if (target instanceof ProbeTarget.Tracepoint tp) yield new Type.Args(argsStructName(tp));
                throw new CompileError(id.span(), "The args builtin can only be used with tracepoint probes ("
                        + kindOf(target) + " used here)");
            }
            default -> {
                Type stack = SymbolFunctions.stackBuiltin(id, options);
                if (stack != null) yield stack;
                if (id.name().matches("arg[0-9]+") || id.name().equals("retval") || id.name().equals("func")) {
                    throw new CompileError(id.span(), "The " + id.name() + " builtin can not be used with "
                            + kindOf(target) + " probes");
                }
                yield null;
            }
        };
    }

    /** bpftrace's error for a name that is neither a builtin nor anything else the program knows. */
    static CompileError unknownIdentifier(Expr.Ident id) {
        return new CompileError(id.span(), "Unknown identifier: '" + id.name() + "'");
    }

    /** The probetype builtin: the provider's full name; begin and end are "special", as in bpftrace. */
    public static String probeType(ProbeTarget t) {
        return switch (t) {
            case ProbeTarget.Begin b -> "special";
            case ProbeTarget.End e -> "special";
            case ProbeTarget.SelfSignal s -> "special";
            default -> kindOf(t);
        };
    }

    static String argsStructName(ProbeTarget.Tracepoint tp) {
        return "_tracepoint_" + tp.category() + "_" + tp.event();
    }

    static String kindOf(ProbeTarget t) {
        return switch (t) {
            case ProbeTarget.Begin b -> "begin";
            case ProbeTarget.End e -> "end";
            case ProbeTarget.SelfSignal s -> "self";
            case ProbeTarget.Tracepoint tp -> "tracepoint";
            case ProbeTarget.Interval i -> "interval";
            case ProbeTarget.Profile p -> "profile";
            case ProbeTarget.Software s -> "software";
            case ProbeTarget.Hardware h -> "hardware";
            case ProbeTarget.RawTracepoint r -> "rawtracepoint";
            case ProbeTarget.Uprobe u -> u.ret() ? "uretprobe" : "uprobe";
            case ProbeTarget.Usdt u -> "usdt";
            case ProbeTarget.Kernel k -> KernelProbeBuiltins.kindOf(k);
        };
    }
}
