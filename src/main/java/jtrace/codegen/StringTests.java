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

    Reg evaluate(Expr.Call c) {
        return c.name().equals("strncmp") ? strncmp(c) : strcontains(c);
    }

    private Reg strncmp(Expr.Call c) {
        Expr a = c.args().get(0), b = c.args().get(1);
        long limit = ((Expr.IntLit) c.args().get(2)).value();
        int capA = capacity(a), capB = capacity(b);
        int sa = gen.stringSlot(a);
        int sb = gen.stringSlot(b);
        Reg r = gen.regs().take(c.span());
        Label equal = e.label("ncmp_equal");
        Label differ = e.label("ncmp_differ");
        Label done = e.label("ncmp_done");
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
        e.mark(equal);
        e.movImm(r, 0);
        e.jumpTo(done);
        e.mark(differ);
        e.movImm(r, 1);
        e.mark(done);
        return r;
    }

    private Reg strcontains(Expr.Call c) {
        Expr h = c.args().get(0), n = c.args().get(1);
        int capH = capacity(h), capN = capacity(n);
        int sh = gen.stringSlot(h);
        int sn = gen.stringSlot(n);
        Reg r = gen.regs().take(c.span());
        Label found = e.label("sc_found");
        Label missing = e.label("sc_missing");
        Label done = e.label("sc_done");
        for (int i = 0; i < capH; i++) {
            Label next = e.label("sc_next");
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
        e.mark(missing);
        e.movImm(r, 0);
        e.jumpTo(done);
        e.mark(found);
        e.movImm(r, 1);
        e.mark(done);
        return r;
    }

    private int capacity(Expr x) { return ((Type.Str) gen.typeOf(x)).capacity(); }
}
