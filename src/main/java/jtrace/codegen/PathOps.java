package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

/**
 * {@code path(p [, size])}: {@code bpf_d_path(p, buf, size)} into the zeroed string slot, as
 * bpftrace. The verifier wants {@code p} as the kernel typed it (a BTF pointer, e.g. an iterator's
 * {@code ctx.file}, plus the member's offset), never a copy read through probe_read, and non-null:
 * a null pointer leaves the empty string.
 */
final class PathOps {
    private final ProbeCodegen gen;
    private final Emitter e;

    PathOps(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    void write(Expr.Call c, Type.Str t, Reg base, int off) {
        int slot = (t.capacity() + 7) / 8 * 8;
        e.clear(base, off, slot);
        int size = Math.min(t.capacity(), gen.program().checked().options().maxStrlen());
        Expr arg = c.args().getFirst();
        Label skip = e.label("path_null");
        Reg p = pathPointer(arg, skip);
        e.mov(Reg.R1, p);
        gen.regs().release(p);
        e.addr(Reg.R2, base, off);
        e.movImm(Reg.R3, size);
        e.call(BpfHelper.D_PATH);
        e.mark(skip);
    }

    /** The struct path's address, null-checked (jumping to {@code skip}) before any offset is added. */
    private Reg pathPointer(Expr arg, Label skip) {
        Type t = gen.typeOf(arg);
        if (t instanceof Type.Pointer) {
            Reg p = gen.scalar(arg);
            e.jumpImm(JumpOp.JEQ, p, 0, skip);
            return p;
        }
        // A struct path member of a pointed-to struct: ctx.file.f_path.
        if (arg instanceof Expr.FieldAccess f && gen.typeOf(f.base()) instanceof Type.Pointer ptr
                && ptr.pointee() instanceof Type.Struct s) {
            long offset = s.layout().find(f.field()).orElseThrow().byteOffset();
            Reg p = gen.scalar(f.base());
            e.jumpImm(JumpOp.JEQ, p, 0, skip);
            if (offset != 0) e.aluImm(AluOp.ADD, p, (int) offset);
            return p;
        }
        throw new CompileError(arg.span(), "path() needs a pointer to a struct path or a member of a pointed-to struct"
                + " (e.g. path(ctx.file.f_path)): bpf_d_path takes the kernel's own pointer, not a copy");
    }
}
