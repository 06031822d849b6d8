package jtrace.codegen;

import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.types.Type;

/** Conditions (if, while, predicates, ternaries, &&/||/!) compiled to jumps, without materialising a 0/1 value. */
final class Conditions {
    private final ProbeCodegen gen;
    private final Emitter e;

    Conditions(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    /** Jumps to {@code otherwise} when the condition is false; falls through when true. */
    void jumpUnless(Expr c, Label otherwise) {
        if (c instanceof Expr.Binary b && b.op().isComparison() && !(gen.typeOf(b.left()) instanceof Type.Str)) {
            boolean signed = signedCompare(b.left(), b.right());
            JumpOp inverse = inverseJump(b.op(), signed);
            if (b.right() instanceof Expr.IntLit lit && lit.value() == (int) lit.value()) {
                Reg l = gen.scalar(b.left());
                e.jumpImm(inverse, l, (int) lit.value(), otherwise);
                gen.regs().release(l);
            } else {
                Reg[] lr = gen.scalarPair(b.left(), b.right());
                e.jump(inverse, lr[0], lr[1], otherwise);
                gen.regs().release(lr[1]);
                gen.regs().release(lr[0]);
            }
            return;
        }
        if (c instanceof Expr.Binary b && b.op() == BinaryOp.LAND) {
            jumpUnless(b.left(), otherwise);
            jumpUnless(b.right(), otherwise);
            return;
        }
        if (c instanceof Expr.Binary b && b.op() == BinaryOp.LOR) {
            Label taken = e.label("or_true");
            Label tryRight = e.label("or_right");
            jumpUnless(b.left(), tryRight);
            e.jumpTo(taken);
            e.mark(tryRight);
            jumpUnless(b.right(), otherwise);
            e.mark(taken);
            return;
        }
        if (c instanceof Expr.Unary u && u.op() == jtrace.ast.UnaryOp.LNOT) {
            Label wasTrue = e.label("not");
            Label done = e.label("not_done");
            jumpUnless(u.operand(), wasTrue);
            e.jumpTo(otherwise);
            e.mark(wasTrue);
            e.mark(done);
            return;
        }
        Reg v = gen.scalar(c);
        e.jumpImm(JumpOp.JEQ, v, 0, otherwise);
        gen.regs().release(v);
    }

    private boolean signedCompare(Expr l, Expr r) {
        return ProbeCodegen.isSigned(gen.typeOf(l)) && ProbeCodegen.isSigned(gen.typeOf(r))
                || ProbeCodegen.isSigned(gen.typeOf(l)) && r instanceof Expr.IntLit
                || l instanceof Expr.IntLit && ProbeCodegen.isSigned(gen.typeOf(r));
    }

    private static JumpOp inverseJump(BinaryOp op, boolean signed) {
        return switch (op) {
            case EQ -> JumpOp.JNE;
            case NE -> JumpOp.JEQ;
            case LT -> signed ? JumpOp.JSGE : JumpOp.JGE;
            case LE -> signed ? JumpOp.JSGT : JumpOp.JGT;
            case GT -> signed ? JumpOp.JSLE : JumpOp.JLE;
            case GE -> signed ? JumpOp.JSLT : JumpOp.JLT;
            default -> throw new IllegalArgumentException(op.name());
        };
    }
}
