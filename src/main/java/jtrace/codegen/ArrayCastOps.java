package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

/**
 * Casts between integers and integer arrays, which share their bytes (little-endian):
 * {@code (int8[8])12345} stores the integer's low bytes as the array, {@code (uint64)$a} loads
 * the array's bytes as one integer, {@code (int8[])"str"} is the string's bytes.
 */
final class ArrayCastOps {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    ArrayCastOps(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    /** Writes the array a cast makes at base+off, its slot's padding zeroed. */
    void write(Expr.Cast c, Type.Array to, Reg base, int off) {
        Type from = gen.typeOf(c.operand());
        if (from instanceof Type.Str) {
            gen.write(c.operand(), base, off);
            return;
        }
        Reg r = gen.scalar(c.operand());
        // An integer fills at most 8 bytes; the bytes past the array's size stay zero in the slot.
        if (to.size() < 8) e.extend(r, to.size(), false);
        e.store(Size.DW, base, off, r);
        gen.regs().release(r);
    }

    /** The integer an array's bytes make, as the cast's type (same size, checked by sema). */
    Reg toInt(Expr.Cast c, Type.Int to) {
        Expr operand = c.operand();
        int slot;
        if (operand instanceof Expr.Variable v) {
            slot = gen.variableSlot(v);
        } else {
            slot = frame.alloc(TupleLayout.slotSize(gen.typeOf(operand)));
            gen.write(operand, Reg.R10, slot);
        }
        Reg r = gen.regs().take(c.span());
        e.load(Size.ofBytes(to.bytes()), r, Reg.R10, slot);
        if (to.signed() && to.bytes() < 8) e.extend(r, to.bytes(), true);
        return r;
    }
}
