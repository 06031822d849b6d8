package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.diag.Span;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

/**
 * Reading tuple elements ({@code $t.0}, {@code $t[1]}): the tuple sits in a stack slot (a
 * variable's own, or one it is materialised into) and the element is loaded or copied from its
 * offset in the {@link TupleLayout}.
 */
final class TupleOps {
    private final ProbeCodegen gen;
    private final Emitter e;

    TupleOps(ProbeCodegen gen, Emitter e) {
        this.gen = gen;
        this.e = e;
    }

    /** The element index of {@code $t.N} or {@code $t[N]} (checked by semantic analysis). */
    static int index(Expr access) {
        return switch (access) {
            case Expr.FieldAccess f -> Integer.parseInt(f.field());
            case Expr.Index i -> (int) ((Expr.IntLit) i.index()).value();
            default -> throw new IllegalArgumentException(access.toString());
        };
    }

    static Expr base(Expr access) {
        return switch (access) {
            case Expr.FieldAccess f -> f.base();
            case Expr.Index i -> i.base();
            default -> throw new IllegalArgumentException(access.toString());
        };
    }

    /** An integer element into a pool register. */
    Reg readScalar(Expr access, Span span) {
        int at = elementSlot(access);
        Reg r = gen.regs().take(span);
        e.load(Size.DW, r, Reg.R10, at);
        return r;
    }

    /** A string or tuple element copied to base+off. */
    void copyElement(Expr access, Reg base, int off) {
        int at = elementSlot(access);
        Type elem = gen.typeOf(access);
        Reg tmp = gen.regs().take(access.span());
        e.copy(base, off, Reg.R10, at, TupleLayout.slotSize(elem), tmp);
        gen.regs().release(tmp);
    }

    private int elementSlot(Expr access) {
        Expr tuple = base(access);
        Type.Tuple t = (Type.Tuple) gen.typeOf(tuple);
        int slot = gen.stringSlot(tuple);
        // A record's field by name ({@code $r.a}); tuples and records by position.
        int index = access instanceof Expr.FieldAccess f && t.isRecord() && t.names().contains(f.field())
                ? t.names().indexOf(f.field()) : index(access);
        return slot + TupleLayout.of(t).offsets().get(index);
    }
}
