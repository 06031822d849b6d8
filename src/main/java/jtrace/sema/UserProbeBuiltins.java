package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.dwarf.DebugInfo;
import jtrace.dwarf.DwarfFormatException;
import jtrace.dwarf.DwarfFunction;
import jtrace.dwarf.DwarfParameter;
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
                if (name.equals("args")) yield args(id, u);
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

    /**
     * {@code args} of a uprobe: the function's parameters from the binary's DWARF, as bpftrace
     * has them ({@code struct PROBE_args}); only at a function's entry, only in registers.
     */
    private static Type args(Expr.Ident id, ProbeTarget.Uprobe u) {
        if (u.ret()) throw new CompileError(id.span(), "Could not parse arguments of \"" + u.name()
                + "\": args builtin is not supported for probe type \"uretprobe\"");
        if (!u.dwarf()) throw argsError(id, u, "no debuginfo found for " + u.binary());
        if (!u.signature().available()) throw argsError(id, u, "args are only available at the entry of a function");
        DwarfFunction f = signature(id, u);
        if (f != null) {
            for (DwarfParameter p : f.parameters()) {
                if (p.register() >= DebugInfo.ARGUMENT_REGISTERS) {
                    throw argsError(id, u, "'args' builtin is not supported for probes with stack-passed arguments.");
                }
            }
        }
        return new Type.Args(argsStructName(u));
    }

    /** The type of {@code args.NAME} of a uprobe. */
    static Type field(Expr.FieldAccess f, ProbeTarget.Uprobe u) {
        DwarfFunction fn = signature(f, u);
        DwarfParameter p = fn == null ? null : fn.parameter(f.field());
        if (p == null) throw new CompileError(f.span(), "Struct/union of type 'struct " + argsStructName(u)
                + "' does not contain a field named '" + f.field() + "'");
        if (!p.readable()) throw new CompileError(f.span(), "Can not read args." + f.field() + " (" + p.typeName() + "): "
                + p.unreadable());
        return p.type();
    }

    /** The function's DWARF description, or null when DWARF does not describe it. */
    static DwarfFunction signature(Expr at, ProbeTarget.Uprobe u) {
        try {
            return u.signature().function();
        } catch (DwarfFormatException e) {
            throw argsError(at, u, "cannot read the DWARF debug info of " + u.binary() + ": " + e.getMessage());
        }
    }

    private static CompileError argsError(Expr at, ProbeTarget.Uprobe u, String detail) {
        return new CompileError(at.span(), "Could not parse arguments of \"" + u.name() + "\": " + detail);
    }

    static String argsStructName(ProbeTarget.Uprobe u) {
        return u.name() + "_args";
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
