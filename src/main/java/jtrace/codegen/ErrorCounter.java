package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;

/** Code that adds one to a slot of the per-CPU error counter map (lost events, full maps). */
final class ErrorCounter {
    private ErrorCounter() {}

    /** Emits counter[slot] += 1 on this CPU; clobbers R0-R5 as a helper call does. */
    static void bump(Emitter e, Frame frame, int slot) {
        int mark = frame.mark();
        int key = frame.alloc(8);
        e.storeImm(Size.W, Reg.R10, key, slot);
        e.mapFd(Reg.R1, CompiledProgram.LOST_COUNTER);
        e.stackAddr(Reg.R2, key);
        e.call(BpfHelper.MAP_LOOKUP_ELEM);
        Label none = e.label("nocounter");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, none);
        e.movImm(Reg.R1, 1);
        e.atomicAdd(Reg.R0, 0, Reg.R1);
        e.mark(none);
        frame.release(mark);
    }
}
