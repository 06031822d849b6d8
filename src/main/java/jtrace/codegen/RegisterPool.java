package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Temporaries live in the callee-saved registers R7-R9, so helper calls (which clobber R1-R5)
 * never disturb them; R6 holds the probe's context. Deeper expressions spill to the stack.
 */
final class RegisterPool {
    private final Deque<Reg> free = new ArrayDeque<>();

    RegisterPool() { this(true); }

    /** Without R9 when R9 holds the frame in scratch memory ({@link ScratchFrame}). */
    RegisterPool(boolean withR9) {
        free.add(Reg.R7);
        free.add(Reg.R8);
        if (withR9) free.add(Reg.R9);
    }

    Reg take(Span span) {
        Reg r = free.pollFirst();
        if (r == null) throw new CompileError(span, "expression too complex: out of registers");
        return r;
    }

    void release(Reg r) {
        if (r == Reg.R7 || r == Reg.R8 || r == Reg.R9) {
            if (free.contains(r)) throw new IllegalStateException("double release of " + r);
            free.addFirst(r);
        }
    }

    int available() { return free.size(); }
}
