package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.elf.UsdtArgument;
import jtrace.types.Type;

/**
 * The builtins of uprobe, uretprobe and usdt probes: {@code arg0..argN} (registers and stack by
 * the x86-64 calling convention, or the USDT note's typed arguments), {@code retval}, {@code func}.
 */
final class UserProbeBuiltins {
    private UserProbeBuiltins() {}

    /** Registers carry six arguments; more come from the caller's stack, up to this index. */
    static final int MAX_UPROBE_ARG = 31;

    static boolean applies(ProbeTarget t) {
        return t instanceof ProbeTarget.Uprobe || t instanceof ProbeTarget.Usdt;
    }

    /** The type of a builtin in a user probe, or null when the name is not one of these (the caller types it). */
    static Type typeOf(Expr.Ident id, ProbeTarget target) {
        String name = id.name();
        int argIndex = argIndex(name);
        return switch (target) {
            case ProbeTarget.Uprobe u -> {
                if (argIndex >= 0) {
                    if (u.ret()) throw new CompileError(id.span(), "The " + name + " builtin can only be used with 'kprobe', 'uprobe' and 'usdt' probes (uretprobe used here)");
                    if (argIndex > MAX_UPROBE_ARG) throw new CompileError(id.span(), name + " is out of range: uprobes read arg0 to arg" + MAX_UPROBE_ARG);
                    yield Type.Int.UINT64;
                }
                if (name.equals("retval")) {
                    if (!u.ret()) throw new CompileError(id.span(), "The retval builtin can only be used with 'kretprobe' and 'uretprobe' probes (uprobe used here)");
                    yield Type.Int.UINT64;
                }
                if (name.equals("func")) yield new Type.Str(Types.utf8Length(u.function()) + 1);
                if (name.equals("args")) {
                    throw new CompileError(id.span(), "The args builtin needs DWARF debug info, and "
                            + (u.dwarf() ? "jtrace does not read DWARF yet" : "there is no DWARF debug info in " + u.binary())
                            + ": use arg0, arg1, ... instead");
                }
                yield null;
            }
            case ProbeTarget.Usdt s -> {
                if (argIndex >= 0) {
                    if (s.probe().argumentError() != null) {
                        throw new CompileError(id.span(), "cannot read the arguments of " + s.name() + ": " + s.probe().argumentError());
                    }
                    int n = s.probe().arguments().size();
                    if (argIndex >= n) {
                        throw new CompileError(id.span(), name + " is out of range: " + s.name() + " has " + n
                                + (n == 1 ? " argument" : " arguments"));
                    }
                    UsdtArgument a = s.probe().arguments().get(argIndex);
                    yield new Type.Int(8, a.signed());
                }
                if (name.equals("retval")) throw new CompileError(id.span(), "The retval builtin can not be used with usdt probes");
                if (name.equals("args")) throw new CompileError(id.span(), "The args builtin can not be used with usdt probes: use arg0, arg1, ...");
                yield null;
            }
            default -> null;
        };
    }

    /** N of {@code argN}, or -1. */
    static int argIndex(String name) {
        if (!name.matches("arg[0-9]+")) return -1;
        try {
            return Integer.parseInt(name.substring(3));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
