package jtrace.codegen;

import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

import java.util.List;

/** Writes values into memory (a stack slot, a map key or value, a ring buffer record) in their slot form. */
final class ValueWriter {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    ValueWriter(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    /** Writes the value of {@code x} at base+off in its slot form (integers as 8 bytes). */
    void write(Expr x, Reg base, int off) {
        Type t = gen.typeOf(x);
        if (!ProbeCodegen.isMemoryType(t)) {
            Reg r = gen.scalar(x);
            e.store(Size.DW, base, off, r);
            gen.regs().release(r);
            return;
        }
        switch (x) {
            case Expr.Tuple tuple -> writeElements(tuple.elements(), (Type.Tuple) t, base, off);
            case Expr.Record record -> writeElements(record.values(), (Type.Tuple) t, base, off);
            case Expr.Variable v -> {
                Reg tmp = gen.regs().take(x.span());
                e.copyAny(base, off, Reg.R10, gen.variableSlot(v), TupleLayout.slotSize(t), tmp);
                gen.regs().release(tmp);
            }
            case Expr.FieldAccess f when gen.typeOf(f.base()) instanceof Type.Tuple -> gen.tuples().copyElement(f, base, off);
            case Expr.Index i when gen.typeOf(i.base()) instanceof Type.Tuple -> gen.tuples().copyElement(i, base, off);
            case Expr.FieldAccess f when ProbeCodegen.isCData(t) && gen.structs().isMemory(f) -> gen.structs().copy(f, base, off);
            case Expr.Index i when ProbeCodegen.isCData(t) && gen.structs().isMemory(i) -> gen.structs().copy(i, base, off);
            case Expr.Unary u when ProbeCodegen.isCData(t) && gen.structs().isMemory(u) -> gen.structs().copy(u, base, off);
            case Expr.MapAccess m when t instanceof Type.Tuple || t instanceof Type.Buffer || ProbeCodegen.isCData(t) ->
                    gen.maps().readInto(m, base, off, TupleLayout.slotSize(t));
            case Expr.Call c when c.name().equals("buf") -> new BufferOps(gen, e).write(c, (Type.Buffer) t, base, off);
            case Expr.Call c when c.name().equals("pton") -> gen.manual().pton(c, base, off);
            case Expr.Cast c when t instanceof Type.Array a -> new ArrayCastOps(gen, e, frame).write(c, a, base, off);
            case Expr.Ternary tern when t instanceof Type.Tuple || ProbeCodegen.isCData(t) -> gen.strings().ternary(tern, TupleLayout.slotSize(t), base, off);
            case Expr.Call c when SymbolOps.inMemory(t) -> gen.symbols().write(c, base, off);
            case Expr.Ident id when jtrace.sema.WholeArgs.is(id, t) -> new WholeArgsWriter(gen, e, frame).write(id, (Type.Struct) t, base, off);
            default -> gen.strings().write(x, (Type.Str) t, base, off);
        }
    }

    /** A tuple's or record's elements, each at its offset in the layout. */
    private void writeElements(List<Expr> elements, Type.Tuple t, Reg base, int off) {
        TupleLayout layout = TupleLayout.of(t);
        for (int i = 0; i < elements.size(); i++) {
            Expr el = elements.get(i);
            Type elemSlot = t.elements().get(i);
            int at = off + layout.offsets().get(i);
            // An element narrower than its slot (a short string literal) leaves no stale bytes.
            if (ProbeCodegen.isMemoryType(elemSlot) && TupleLayout.slotSize(gen.typeOf(el)) < TupleLayout.slotSize(elemSlot)) {
                e.clear(base, at, TupleLayout.slotSize(elemSlot));
            }
            write(el, base, at);
        }
    }

    /** The stack slot holding a string expression's value, materialising it when it is not a variable. */
    int stringSlot(Expr x) {
        if (x instanceof Expr.Variable v) return gen.variableSlot(v);
        int slot = frame.alloc(TupleLayout.slotSize(gen.typeOf(x)));
        write(x, Reg.R10, slot);
        return slot;
    }
}
