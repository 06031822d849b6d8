package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.sema.KprobeTarget;
import jtrace.sema.ProbeTarget;
import jtrace.types.PtRegs;
import jtrace.types.Type;

/**
 * Code for the builtins and functions of the current manual that need a little code of their own:
 * {@code usermode}, {@code pton()}'s bytes, {@code memcmp()}. (username, syscall_name and
 * cgroup_path only carry a number; fail/static_assert and kfunc_* are settled at compile time.)
 */
final class ManualFunctionOps {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    ManualFunctionOps(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    /**
     * usermode: 1 when the probe interrupted user code (the saved CS selector's privilege level is
     * 3). Probes without saved registers have no such context: begin/end run for jtrace itself
     * (1), the others in the kernel (0), as bpftrace folds them.
     */
    Reg usermode(Expr x) {
        Reg r = gen.regs().take(x.span());
        ProbeTarget t = gen.target();
        if (!hasRegisters(t)) {
            e.movImm(r, t instanceof ProbeTarget.Begin || t instanceof ProbeTarget.End || t instanceof ProbeTarget.SelfSignal ? 1 : 0);
            return r;
        }
        e.load(Size.DW, r, ProbeCodegen.CTX, PtRegs.offset("cs"));
        e.aluImm(AluOp.AND, r, 3);
        Label kernel = e.label("kmode");
        e.jumpImm(JumpOp.JNE, r, 3, kernel);
        e.joinBool(r, kernel, false);
        return r;
    }

    /** Contexts that are (or start with) the interrupted task's struct pt_regs. */
    private static boolean hasRegisters(ProbeTarget t) {
        return switch (t) {
            case ProbeTarget.Uprobe u -> true;
            case ProbeTarget.Usdt u -> true;
            case ProbeTarget.Profile p -> true;
            case ProbeTarget.Interval i -> true;
            case ProbeTarget.Software s -> true;
            case ProbeTarget.Hardware h -> true;
            case KprobeTarget k -> true;
            default -> false;
        };
    }

    /** pton(): the address bytes, known at compile time, stored at base+off. */
    void pton(Expr.Call c, Reg base, int off) {
        byte[] bytes = jtrace.sema.Addresses.pton(c);
        for (int i = 0; i < bytes.length; i += 4) {
            int word = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16 | (bytes[i + 3] & 0xff) << 24;
            e.storeImm(Size.W, base, off + i, word);
        }
    }

    /** memcmp(l, r, n): both sides in stack slots, then one compare per byte; the first difference wins. */
    Reg memcmp(Expr.Call c) {
        int n = (int) ((Expr.IntLit) c.args().get(2)).value();
        int mark = frame.mark();
        int left = bytesSlot(c.args().get(0), n);
        int right = bytesSlot(c.args().get(1), n);
        Reg out = gen.regs().take(c.span());
        Reg tmp = gen.regs().take(c.span());
        Label done = e.label("memcmp_done");
        e.movImm(out, 0);
        for (int i = 0; i < n; i++) {
            e.load(Size.B, out, Reg.R10, left + i);
            e.load(Size.B, tmp, Reg.R10, right + i);
            e.alu(AluOp.SUB, out, tmp);
            e.jumpImm(JumpOp.JNE, out, 0, done);
        }
        e.mark(done);
        gen.regs().release(tmp);
        frame.release(mark);
        return out;
    }

    /** A slot holding at least {@code n} bytes of the argument: its value, or memory read through a pointer. */
    private int bytesSlot(Expr x, int n) {
        Type t = gen.typeOf(x);
        if (!(t instanceof Type.Pointer p)) return gen.stringSlot(x);
        int slot = frame.alloc(Math.max(8, (n + 7) / 8 * 8));
        Reg ptr = gen.scalar(x);
        e.addr(Reg.R1, Reg.R10, slot);
        e.movImm(Reg.R2, n);
        e.mov(Reg.R3, ptr);
        gen.regs().release(ptr);
        e.call(p.user() ? BpfHelper.PROBE_READ_USER : BpfHelper.PROBE_READ_KERNEL);
        return slot;
    }
}
