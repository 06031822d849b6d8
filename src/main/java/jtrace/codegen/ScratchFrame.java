package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Insn;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;

import java.util.ArrayList;
import java.util.List;

/**
 * A probe's frame in scratch memory, for probes whose strings do not fit the 512-byte BPF stack
 * (bpftrace's default max_strlen is 1024). The frame is the value of a one-entry per-CPU array
 * map, looked up once at the start of the run; the probe's code, generated against R10 as usual,
 * is moved onto {@link #BASE}, which points just past the value's end so the negative slot offsets
 * land inside it. The kernel accepts map value memory wherever helpers take stack memory (map keys
 * and values, strings read by probe_read_str), except a map loop's callback context.
 */
final class ScratchFrame {
    /** The frame register: taken out of the temporaries' pool while the frame is in scratch memory. */
    static final Reg BASE = Reg.R9;
    /** The lookup key's slot on the real stack, the only stack the probe then uses. */
    private static final int KEY_SLOT = -8;

    private ScratchFrame() {}

    /**
     * The probe's code with its frame in {@code map}: {@code code[0]} (the context copy) first,
     * then the lookup of this CPU's value (returning through {@code end} if it were missing), then
     * the rest of the code on {@link #BASE}.
     */
    static List<Insn> place(List<Insn> code, String map, int size, Label end) {
        Emitter p = new Emitter();
        p.storeImm(Size.W, Reg.R10, KEY_SLOT, 0);
        p.mapFd(Reg.R1, map);
        p.stackAddr(Reg.R2, KEY_SLOT);
        p.call(BpfHelper.MAP_LOOKUP_ELEM);
        p.jumpImm(JumpOp.JEQ, Reg.R0, 0, end);
        p.mov(BASE, Reg.R0);
        p.aluImm(AluOp.ADD, BASE, size);
        List<Insn> out = new ArrayList<>(code.size() + p.insns().size());
        out.add(code.getFirst());
        out.addAll(p.insns());
        out.addAll(FrameRebase.rebase(code.subList(1, code.size()), Reg.R10, BASE));
        return out;
    }
}
