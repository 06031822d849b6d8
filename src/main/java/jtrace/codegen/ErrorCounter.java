package jtrace.codegen;

import jtrace.asm.Reg;

/**
 * Code that adds one to a slot of the error counter map (lost events, full maps): one array
 * element shared by every CPU, reached by its address, so no lookup call and no key on the stack.
 * The add is atomic; it runs only when something was dropped.
 */
final class ErrorCounter {
    private ErrorCounter() {}

    /** Emits counter[slot] += 1; clobbers R1 and R2. */
    static void bump(Emitter e, int slot) {
        e.mapValue(Reg.R1, CompiledProgram.LOST_COUNTER, slot * 8);
        e.movImm(Reg.R2, 1);
        e.atomicAdd(Reg.R1, 0, Reg.R2);
    }
}
