package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.sema.ProbeTarget;
import jtrace.types.Type;

/**
 * {@code buf(p, n)} written into its destination: a u64 length, then the bytes read (the unused
 * tail zeroed, so equal buffers make equal map keys).
 */
final class BufferOps {
    private final ProbeCodegen gen;
    private final Emitter e;

    BufferOps(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    void write(Expr.Call c, Type.Buffer t, Reg base, int off) {
        e.zero(base, off + 8, t.size() - 8);
        Expr data = c.args().getFirst();
        boolean string = gen.typeOf(data) instanceof Type.Str;
        Expr lengthArg = c.args().size() > 1 ? c.args().get(1) : null;
        Reg ptr;
        Reg len;
        if (string && (lengthArg == null || lengthArg instanceof Expr.IntLit)) {
            // A string's bytes: materialised on the stack, then copied like any kernel memory.
            int slot = gen.stringSlot(data);
            ptr = gen.regs().take(c.span());
            e.stackAddr(ptr, slot);
            len = gen.regs().take(c.span());
            e.movImm(len, t.capacity());
        } else if (lengthArg instanceof Expr.IntLit) {
            ptr = gen.scalar(data);
            len = gen.regs().take(c.span());
            e.movImm(len, t.capacity());
        } else {
            Reg[] pl = gen.scalarPair(c.args().getFirst(), lengthArg);
            ptr = pl[0];
            len = pl[1];
            // Clamp (unsigned, so negative lengths become the limit) for a size the verifier can bound.
            Label ok = e.label("buf_len_ok");
            e.jumpImm(JumpOp.JLE, len, t.capacity(), ok);
            e.movImm(len, t.capacity());
            e.mark(ok);
        }
        e.store(Size.DW, base, off, len);
        e.addr(Reg.R1, base, off + 8);
        e.mov(Reg.R2, len);
        e.mov(Reg.R3, ptr);
        e.call(userSpace() && !string ? BpfHelper.PROBE_READ_USER : BpfHelper.PROBE_READ_KERNEL);
        gen.regs().release(len);
        gen.regs().release(ptr);
    }

    /** Pointers in syscall tracepoints (and in begin/end, interval...) are user-space ones, as for str(). */
    private boolean userSpace() {
        return !(gen.target() instanceof ProbeTarget.Tracepoint tp) || tp.userPointers();
    }
}
