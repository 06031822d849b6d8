package jtrace.codegen;

import jtrace.diag.CompileError;
import jtrace.diag.Span;

/**
 * Stack slots below R10, handed out like a stack: what a statement allocates is released when the
 * statement ends. The high-water mark is what the verifier sees, and must stay within 512 bytes.
 * A probe whose slots do not fit is generated again with its whole frame in scratch memory (see
 * {@link ScratchFrame}): the same R10-relative code, moved onto a register pointing past the end of a
 * per-CPU map value, where up to {@link #SCRATCH_LIMIT} bytes fit.
 */
final class Frame {
    static final int BPF_STACK_LIMIT = 512;
    /** PCPU_MIN_UNIT_SIZE: the largest value a per-CPU map may have (and the reach of a 16-bit offset). */
    static final int SCRATCH_LIMIT = 32768;
    private final Span probeSpan;
    private final boolean scratch;
    private int used;
    private int highWater;

    Frame(Span probeSpan) { this(probeSpan, false); }

    Frame(Span probeSpan, boolean scratch) {
        this.probeSpan = probeSpan;
        this.scratch = scratch;
    }

    /** A slot of {@code size} bytes rounded up to 8; returns its offset from R10 (negative). */
    int alloc(int size) {
        used += (size + 7) / 8 * 8;
        if (!scratch && used > BPF_STACK_LIMIT) throw new Overflow();
        if (used > SCRATCH_LIMIT) {
            throw new CompileError(probeSpan, "probe needs more than the " + SCRATCH_LIMIT
                    + " bytes of scratch memory eBPF allows per CPU (" + used + " bytes); shorten strings with str(x, len) or max_strlen");
        }
        highWater = Math.max(highWater, used);
        return -used;
    }

    int mark() { return used; }

    void release(int mark) { used = mark; }

    /** True when slots live in the scratch map value rather than on the BPF stack. */
    boolean scratch() { return scratch; }

    /** The most bytes in use at any point: the size the frame needs. */
    int highWater() { return highWater; }

    /** The slots do not fit the 512-byte BPF stack: the probe must be generated again in scratch memory. */
    static final class Overflow extends RuntimeException {
        Overflow() { super("frame overflow", null, false, false); }
    }
}
