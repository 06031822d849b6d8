package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;

/** Integer and pointer arithmetic, comparisons as 0/1 values, and the unary operators. */
final class Arithmetic {
    private final ProbeCodegen gen;
    private final Emitter e;

    Arithmetic(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    Reg binary(Expr.Binary b) {
        BinaryOp op = b.op();
        if (op.isLogical() || op.isComparison()) {
            Label no = e.label("false");
            if (op.isComparison() && gen.typeOf(b.left()) instanceof Type.Str) {
                gen.strings().compare(b, no);
            } else {
                gen.condition(b, no);
            }
            Reg out = gen.regs().take(b.span());
            e.joinBool(out, no, false);
            return out;
        }
        boolean signed = ProbeCodegen.isSigned(gen.typeOf(b));
        if (gen.typeOf(b) instanceof Type.Pointer) return pointerArithmetic(b);
        if (b.right() instanceof Expr.IntLit lit && lit.value() == (int) lit.value() && immediateOk(op, lit.value())) {
            Reg l = gen.scalar(b.left());
            arithImm(op, l, (int) lit.value(), signed);
            return l;
        }
        Reg[] lr = gen.scalarPair(b.left(), b.right());
        arith(op, lr[0], lr[1], signed);
        gen.regs().release(lr[1]);
        return lr[0];
    }

    /** {@code p + n}, {@code n + p}, {@code p - n}: n is scaled by the size of p's element. */
    private Reg pointerArithmetic(Expr.Binary b) {
        boolean pointerLeft = gen.typeOf(b.left()) instanceof Type.Pointer;
        int step = elementSize(gen.typeOf(b));
        Expr n = pointerLeft ? b.right() : b.left();
        if (n instanceof Expr.IntLit lit && lit.value() * step == (int) (lit.value() * step)) {
            Reg p = gen.scalar(pointerLeft ? b.left() : b.right());
            e.aluImm(b.op() == BinaryOp.SUB ? AluOp.SUB : AluOp.ADD, p, (int) (lit.value() * step));
            return p;
        }
        Reg[] lr = gen.scalarPair(b.left(), b.right());
        Reg p = pointerLeft ? lr[0] : lr[1];
        Reg i = pointerLeft ? lr[1] : lr[0];
        if (step != 1) e.aluImm(AluOp.MUL, i, step);
        if (p == ProbeCodegen.PAIR_SPARE) {
            // n + p with the pointer in the spare register: the sum goes to n's pool register.
            e.alu(AluOp.ADD, i, p);
            return i;
        }
        e.alu(b.op() == BinaryOp.SUB ? AluOp.SUB : AluOp.ADD, p, i);
        gen.regs().release(i);
        return p;
    }

    /** Bytes one step of a pointer moves: its element's size (1 for void and unknown elements). */
    static int elementSize(Type t) {
        if (!(t instanceof Type.Pointer p) || p.pointee() == null) return 1;
        return Math.max(1, p.pointee().size());
    }

    /** {@code $p += n} / {@code $p -= n} on a pointer variable moves it by n elements. */
    void scaleByElement(Reg n, Type variable, BinaryOp op) {
        int step = elementSize(variable);
        if (step != 1 && (op == BinaryOp.ADD || op == BinaryOp.SUB)) e.aluImm(AluOp.MUL, n, step);
    }

    private static boolean immediateOk(BinaryOp op, long v) {
        return switch (op) {
            case DIV, MOD -> v != 0;
            case SHL, SHR -> v >= 0 && v < 64;
            default -> true;
        };
    }

    void arith(BinaryOp op, Reg l, Reg r, boolean signed) {
        switch (op) {
            case DIV, MOD -> {
                // BPF division by zero yields 0 (and x % 0 yields x); bpftrace gives the same.
                e.alu(aluOp(op, signed), l, r);
            }
            default -> e.alu(aluOp(op, signed), l, r);
        }
    }

    private void arithImm(BinaryOp op, Reg l, int imm, boolean signed) { e.aluImm(aluOp(op, signed), l, imm); }

    private static AluOp aluOp(BinaryOp op, boolean signed) {
        return switch (op) {
            case ADD -> AluOp.ADD;
            case SUB -> AluOp.SUB;
            case MUL -> AluOp.MUL;
            case DIV -> signed ? AluOp.SDIV : AluOp.DIV;
            case MOD -> signed ? AluOp.SMOD : AluOp.MOD;
            case BAND -> AluOp.AND;
            case BOR -> AluOp.OR;
            case BXOR -> AluOp.XOR;
            case SHL -> AluOp.LSH;
            case SHR -> signed ? AluOp.ARSH : AluOp.RSH;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    Reg unary(Expr.Unary u) {
        switch (u.op()) {
            case NEG -> {
                Reg r = gen.scalar(u.operand());
                e.neg(r);
                return r;
            }
            case BNOT -> {
                Reg r = gen.scalar(u.operand());
                e.aluImm(AluOp.XOR, r, -1);
                return r;
            }
            case LNOT -> {
                Reg r = gen.scalar(u.operand());
                Label zero = e.label("lnot0");
                e.jumpImm(JumpOp.JEQ, r, 0, zero);
                e.joinBool(r, zero, true);
                return r;
            }
            default -> throw new CompileError(u.span(), "the " + u.op().symbol + " operator is not supported by jtrace yet");
        }
    }
}
