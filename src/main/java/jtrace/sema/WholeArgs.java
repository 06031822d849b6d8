package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.dwarf.DwarfFunction;
import jtrace.dwarf.DwarfParameter;
import jtrace.types.StructLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code args} used as a whole value ({@code print(args)}, {@code $a = args}, {@code @m = args}) of
 * a tracepoint, raw tracepoint or uprobe: a struct with one member per argument, printed as
 * bpftrace prints a struct ({@code { .fd = 3, .buf = 0x7ffd..., .count = 10 }}). Code generation
 * fills it member by member from the probe's context. A tracepoint's common fields
 * ({@code common_type}...) are left out: the kernel refuses reads of the record's first 8 bytes,
 * and bpftrace (issue 2688) excludes them from the args record. A {@code __data_loc} field
 * is the address of its data, a u64 as in bpftrace. fentry's {@code args} and an iterator's
 * {@code ctx} are structs of the context's words (pointers print as addresses).
 */
public final class WholeArgs {
    private WholeArgs() {}

    /** Whether {@code args} of this target can be a whole value. */
    static boolean applies(ProbeTarget t) {
        return t instanceof ProbeTarget.Tracepoint || t instanceof ProbeTarget.RawTracepoint
                || t instanceof ProbeTarget.Uprobe u && !u.ret() || t instanceof FentryTarget;
    }

    /** Whether {@code ctx} of this target is a whole value: an iterator's context struct. */
    static boolean appliesToCtx(ProbeTarget t) {
        return t instanceof IterTarget;
    }

    /** Whether {@code x} is {@code args} as a whole, typed {@code t} by the type checker. */
    public static boolean is(Expr x, Type t) {
        return x instanceof Expr.Ident id && t instanceof Type.Struct s
                && (id.name().equals("args") || id.name().equals("ctx") && s.display().startsWith("struct bpf_iter__"));
    }

    /** The struct of all the arguments of {@code target}; {@code args} has been checked to be usable there. */
    static Type.Struct of(Expr.Ident id, ProbeTarget target, CompileOptions options) {
        List<Member> members = new ArrayList<>();
        String name = switch (target) {
            case ProbeTarget.Tracepoint tp -> {
                for (TracepointField f : tp.fields()) {
                    if (f.name().startsWith("common_")) continue;
                    members.add(new Member(f.name(), tracepointType(f, options)));
                }
                yield "struct " + Builtins.argsStructName(tp);
            }
            case ProbeTarget.RawTracepoint rt -> {
                for (ProbeTarget.RawArg a : rt.args()) members.add(new Member(a.name(), a.type()));
                yield "struct rawtracepoint_" + rt.event() + "_args";
            }
            case ProbeTarget.Uprobe u -> {
                DwarfFunction fn = UserProbeBuiltins.signature(id, u);
                if (fn != null) {
                    for (DwarfParameter p : fn.parameters()) {
                        if (!p.readable()) throw new CompileError(id.span(), "Can not read args as a whole: args."
                                + p.name() + " (" + p.typeName() + "): " + p.unreadable());
                        members.add(new Member(p.name(), p.type()));
                    }
                }
                yield "struct " + UserProbeBuiltins.argsStructName(u);
            }
            case FentryTarget f -> {
                for (KernelFunction.Param p : f.function().params()) members.add(kernelMember(id, p));
                yield "struct " + KernelProbeBuiltins.argsStructName(f);
            }
            case IterTarget it -> {
                for (KernelFunction.Param p : it.fields()) members.add(kernelMember(id, p));
                yield "struct " + KernelProbeBuiltins.argsStructName(it);
            }
            default -> throw new IllegalStateException("args of " + target.name() + " is no whole value");
        };
        if (members.isEmpty()) throw new CompileError(id.span(), "Cannot read function parameters");
        return layOut(name, members);
    }

    /** A word of a tracing program's context: only scalars and pointers fit one. */
    private static Member kernelMember(Expr.Ident id, KernelFunction.Param p) {
        Type t = p.type();
        int size = t.size();
        if (t instanceof Type.Struct || t instanceof Type.Array || t instanceof Type.Str || !(size == 1 || size == 2 || size == 4 || size == 8)) {
            throw new CompileError(id.span(), "Can not read " + id.name() + " as a whole: " + id.name() + "." + p.name()
                    + " (" + t.display() + ") is not a scalar");
        }
        return new Member(p.name(), t);
    }

    /** A member's type in the struct: as {@code args.NAME} reads it, but char and other arrays whole. */
    private static Type tracepointType(TracepointField f, CompileOptions options) {
        if (f.dataLoc()) return Type.Int.UINT64;
        if (f.arrayLen() > 0 && !f.isCharArray() && f.size() % f.arrayLen() == 0) {
            int elem = f.size() / f.arrayLen();
            if (elem == 1 || elem == 2 || elem == 4 || elem == 8) return new Type.Array(new Type.Int(elem, f.signed()), f.arrayLen());
        }
        return Types.ofField(f, options);
    }

    private record Member(String name, Type type) {}

    /** Members at their natural alignment, as a C compiler lays out a struct. */
    private static Type.Struct layOut(String name, List<Member> members) {
        List<StructLayout.Field> fields = new ArrayList<>();
        int at = 0;
        for (Member m : members) {
            int align = alignment(m.type());
            at = (at + align - 1) / align * align;
            fields.add(new StructLayout.Field(m.name(), m.type(), at * 8L, 0));
            at += m.type().size();
        }
        int size = Math.max(8, (at + 7) / 8 * 8);
        List<StructLayout.Field> fixed = List.copyOf(fields);
        return new Type.Struct(name, size, () -> fixed);
    }

    private static int alignment(Type t) {
        return switch (t) {
            case Type.Str s -> 1;
            case Type.Array a -> alignment(a.element());
            case Type.Struct s -> 8;
            default -> Math.min(8, Math.max(1, t.size()));
        };
    }
}
