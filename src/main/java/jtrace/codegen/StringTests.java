package jtrace.codegen;

import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.types.Type;

/**
 * {@code strncmp(a, b, n)} (0 when the first n bytes agree, else 1) and {@code strcontains(h, n)}
 * (a bool), unrolled over the strings' capacities so the verifier sees only forward jumps.
 */
final class StringTests {
    private final ProbeCodegen gen;
    private final Emitter e;

    StringTests(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    /** The test's result, 0 or 1 (strlen: the length, strstr: the index or -1), in a pool register. */
    Reg evaluate(Expr.Call c) {
        if (c.name().equals("strlen")) return strlen(c);
        if (c.name().equals("strstr")) return strstr(c);
        Expr a = c.args().get(0), b = c.args().get(1);
        int capA = capacity(a), capB = capacity(b);
        int sa = gen.stringSlot(a);
        int sb = gen.stringSlot(b);
        Reg r = gen.regs().take(c.span());
        Label zero = e.label("strtest_0");
        Label one = e.label("strtest_1");
        if (c.name().equals("strncmp")) {
            strncmp(sa, capA, sb, capB, ((Expr.IntLit) c.args().get(2)).value(), zero, one);
        } else {
            search(sa, capA, sb, capB, zero, one, null);
        }
        e.mark(zero);
        e.joinBool(r, one, true);
        return r;
    }

    /** Jumps to {@code differ} when the first {@code limit} bytes differ; falls through when they agree. */
    private void strncmp(int sa, int capA, int sb, int capB, long limit, Label equal, Label differ) {
        int n = (int) Math.min(limit, Math.max(capA, capB));
        for (int i = 0; i < n; i++) {
            // Past a buffer's end its string has ended: compare with the terminator.
            if (i < capA) e.load(Size.B, Reg.R1, Reg.R10, sa + i);
            else e.movImm(Reg.R1, 0);
            if (i < capB) e.load(Size.B, Reg.R2, Reg.R10, sb + i);
            else e.movImm(Reg.R2, 0);
            e.jump(JumpOp.JNE, Reg.R1, Reg.R2, differ);
            e.jumpImm(JumpOp.JEQ, Reg.R1, 0, equal);
        }
    }

    /**
     * Jumps to {@code found} when the needle occurs in the haystack, else to {@code missing}; with a
     * {@code start} register, that holds the offset of the occurrence found.
     */
    private void search(int sh, int capH, int sn, int capN, Label missing, Label found, Reg start) {
        for (int i = 0; i < capH; i++) {
            Label next = e.label("sc_next");
            if (start != null) e.movImm(start, i);
            for (int j = 0; j < capN; j++) {
                e.load(Size.B, Reg.R2, Reg.R10, sn + j);
                e.jumpImm(JumpOp.JEQ, Reg.R2, 0, found);
                if (i + j >= capH) {
                    e.jumpTo(missing);
                    break;
                }
                e.load(Size.B, Reg.R1, Reg.R10, sh + i + j);
                // The haystack ended before the needle did: no later start can match either.
                e.jumpImm(JumpOp.JEQ, Reg.R1, 0, missing);
                e.jump(JumpOp.JNE, Reg.R1, Reg.R2, next);
                if (j == capN - 1) e.jumpTo(found);
            }
            e.mark(next);
        }
    }

    /** strlen(s): the offset of the first NUL, or the capacity when the buffer holds none. */
    private Reg strlen(Expr.Call c) {
        Expr a = c.args().getFirst();
        int cap = capacity(a);
        int slot = gen.stringSlot(a);
        Reg r = gen.regs().take(c.span());
        Label done = e.label("strlen_done");
        for (int i = 0; i < cap; i++) {
            e.movImm(r, i);
            e.load(Size.B, Reg.R1, Reg.R10, slot + i);
            e.jumpImm(JumpOp.JEQ, Reg.R1, 0, done);
        }
        e.movImm(r, cap);
        e.mark(done);
        return r;
    }

    /** strstr(haystack, needle): the index of the needle's first occurrence, or -1. */
    private Reg strstr(Expr.Call c) {
        Expr h = c.args().get(0), n = c.args().get(1);
        int capH = capacity(h), capN = capacity(n);
        int sh = gen.stringSlot(h), sn = gen.stringSlot(n);
        Reg r = gen.regs().take(c.span());
        Label missing = e.label("strstr_none");
        Label done = e.label("strstr_done");
        search(sh, capH, sn, capN, missing, done, r);
        e.mark(missing);
        e.movImm(r, -1);
        e.mark(done);
        return r;
    }

    private int capacity(Expr x) { return ((Type.Str) gen.typeOf(x)).capacity(); }
}
