package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.sema.FentryTarget;
import jtrace.sema.IterTarget;
import jtrace.sema.KernelFunction;
import jtrace.sema.KprobeTarget;
import jtrace.sema.ProbeTarget;
import jtrace.types.PtRegs;
import jtrace.types.Type;

import java.util.List;

/**
 * Reads the arguments of kernel probes from their context: {@code arg0..arg5} and {@code retval}
 * of kprobes from {@code struct pt_regs}; {@code args.NAME}, {@code retval} of fentry/fexit and
 * {@code ctx.NAME} of iterators from the u64 array a tracing program gets (one word per argument,
 * the return value after them).
 */
final class KernelProbeArgs {
    private final ProbeCodegen gen;
    private final Emitter e;

    KernelProbeArgs(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    /** Whether this builtin of this target is read here (the type checker has accepted it). */
    static boolean handles(ProbeTarget target, String name) {
        return switch (target) {
            case KprobeTarget k -> name.matches("arg[0-9]+") || name.equals("retval");
            case FentryTarget f -> name.equals("retval");
            default -> false;
        };
    }

    /** Whether {@code args.NAME} / {@code ctx.NAME} of this target is read here. */
    static boolean handlesField(ProbeTarget target) {
        return target instanceof FentryTarget || target instanceof IterTarget;
    }

    /** The value of {@code func}: the probed function's name. */
    static String functionName(ProbeTarget.Kernel target) {
        return switch (target) {
            case KprobeTarget k -> k.function();
            case FentryTarget f -> f.function().name();
            default -> throw new IllegalArgumentException("no func in " + target.name());
        };
    }

    /**
     * An iterator program is called once more after the last object, with a NULL object (the
     * kernel's in_stop call); as in bpftrace, the body runs for real objects only.
     */
    void skipFinalIteration(jtrace.asm.Label end, Iterable<Expr> typed) {
        java.util.SortedSet<Integer> offsets = new java.util.TreeSet<>();
        offsets.add(8); // the first field after meta
        // As bpftrace, the program returns early when a context pointer it reads through is NULL.
        IterTarget it = (IterTarget) gen.target();
        for (Expr x : typed) {
            if (x instanceof Expr.FieldAccess f && gen.typeOf(x) instanceof Type.Pointer
                    && gen.typeOf(f.base()) instanceof Type.Args && it.fieldOffset(f.field()) >= 0) {
                offsets.add(it.fieldOffset(f.field()));
            }
        }
        for (int off : offsets) {
            e.load(Size.DW, Reg.R0, ProbeCodegen.CTX, off);
            e.jumpImm(jtrace.asm.JumpOp.JEQ, Reg.R0, 0, end);
        }
    }

    Reg read(Expr.Ident id) {
        Reg r = gen.regs().take(id.span());
        switch (gen.target()) {
            case KprobeTarget k -> {
                int off = id.name().equals("retval") ? PtRegs.returnValueOffset()
                        : PtRegs.argumentOffset(Integer.parseInt(id.name().substring(3)));
                e.load(Size.DW, r, ProbeCodegen.CTX, off);
            }
            case FentryTarget f -> word(r, f.function().params().size(), f.function().returnType());
            default -> throw new IllegalStateException(id.name() + " in " + gen.target().name());
        }
        return r;
    }

    Reg field(Expr.FieldAccess f) {
        List<KernelFunction.Param> params = switch (gen.target()) {
            case FentryTarget ft -> ft.function().params();
            case IterTarget it -> it.fields();
            default -> throw new IllegalStateException("no args in " + gen.target().name());
        };
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(f.field())) {
                Reg r = gen.regs().take(f.span());
                word(r, i, params.get(i).type());
                if (params.get(i).type() instanceof Type.Pointer) trustedNonNull(r);
                return r;
            }
        }
        throw new IllegalStateException("no field " + f.field() + " in " + gen.target().name());
    }

    /**
     * The verifier types a context pointer as PTR_TO_BTF_ID_OR_NULL at each load and refuses
     * arithmetic on it (member addresses) before a NULL check. The prologue has already returned
     * when it is NULL; this check only splits the value into a trusted pointer and a scalar 0.
     */
    private void trustedNonNull(Reg r) {
        jtrace.asm.Label ok = e.label("ptr_ok");
        e.jumpImm(jtrace.asm.JumpOp.JNE, r, 0, ok);
        e.movImm(r, 0);
        e.mark(ok);
    }

    /** Context word {@code index}, truncated and extended to an integer type narrower than 64 bits. */
    private void word(Reg r, int index, Type type) {
        // The verifier allows only whole, aligned u64 reads of a tracing program's context.
        e.load(Size.DW, r, ProbeCodegen.CTX, 8 * index);
        if (Type.intOf(type) instanceof Type.Int i && i.bytes() < 8) e.extend(r, i.bytes(), i.signed());
    }
}
