package jtrace.codegen;

import jtrace.diag.CompileError;
import jtrace.diag.Span;

/**
 * Stack slots below R10, handed out like a stack: what a statement allocates is released when the
 * statement ends. The high-water mark is what the verifier sees, and must stay within 512 bytes.
 */
final class Frame {
    static final int BPF_STACK_LIMIT = 512;
    private final Span probeSpan;
    private int used;

    Frame(Span probeSpan) { this.probeSpan = probeSpan; }

    /** A slot of {@code size} bytes rounded up to 8; returns its offset from R10 (negative). */
    int alloc(int size) {
        used += (size + 7) / 8 * 8;
        if (used > BPF_STACK_LIMIT) {
            throw new CompileError(probeSpan, "probe needs more than the " + BPF_STACK_LIMIT
                    + " bytes of stack eBPF allows (" + used + " bytes); shorten strings with str(x, len) or BPFTRACE_MAX_STRLEN");
        }
        return -used;
    }

    int mark() { return used; }

    void release(int mark) { used = mark; }
}
