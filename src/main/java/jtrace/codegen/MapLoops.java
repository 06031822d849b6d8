package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.Insn;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code for ($kv : @map) { body }} through the bpf_for_each_map_elem helper, as bpftrace does.
 * The body becomes a static callback subprogram {@code long cb(map, key, value, ctx)} appended after
 * the probe's code. Its ctx is the probe's own frame pointer, so the body keeps using the probe's
 * stack slots (variables, temporaries) through R6 instead of R10 (see {@link FrameRebase}); the
 * callback itself needs no stack. It returns 0 to go on (end of body, continue) and 1 to stop
 * (break); return and exit() also set a flag slot the caller tests after the helper returns.
 * Aggregation maps are per-CPU: the helper visits each key once with this CPU's value, so the
 * value is read again combined over all CPUs, as reading {@code @m[k]} does.
 */
final class MapLoops {
    /** The callback's frame register: the probe's R10, passed as ctx (R4). */
    private static final Reg FRAME = Reg.R6;

    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final ProgramContext program;
    private final List<List<Insn>> callbacks = new ArrayList<>();

    MapLoops(ProbeCodegen gen, Emitter e, Frame frame, ProgramContext program) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.program = program;
    }

    void generate(Stmt.ForMap f) {
        requireStack(f.span());
        gen.enterScope(f);
        MapDef def = program.map(f.map().name());
        int returned = frame.alloc(8);
        e.storeImm(Size.DW, Reg.R10, returned, 0);
        Label callback = e.label("for_each");
        forEach(def, callback, 0);
        Label ret = e.label("fe_return");
        List<Insn> body = callback(f, def, callback, ret, returned);
        callbacks.add(body);
        if (jumpsTo(body, ret)) {
            e.load(Size.DW, Reg.R1, Reg.R10, returned);
            e.jumpImm(JumpOp.JNE, Reg.R1, 0, gen.endLabel());
        }
    }

    private static boolean jumpsTo(List<Insn> insns, Label l) {
        for (Insn i : insns) {
            if (i instanceof Insn.Goto(Label t) && t == l || i instanceof Insn.Jump j && j.target() == l) return true;
        }
        return false;
    }

    private List<Insn> callback(Stmt.ForMap f, MapDef def, Label entry, Label ret, int returned) {
        Label next = e.label("fe_next");
        Label stop = e.label("fe_break");
        int start = e.insns().size();
        elementInto(f, def);
        boolean leaves = gen.loopBody(f.body(), next, stop, ret);
        List<Insn> generated = new ArrayList<>(e.insns().subList(start, e.insns().size()));
        e.insns().subList(start, e.insns().size()).clear();
        for (Insn i : generated) {
            if (FrameRebase.uses(i, ProbeCodegen.CTX)) {
                throw new CompileError(f.span(), "jtrace cannot use the probe's context (args, ...) inside a for loop"
                        + " over a map yet: copy what you need into a variable before the loop");
            }
        }
        List<Insn> out = new ArrayList<>();
        out.add(new Insn.Mark(entry));
        out.add(new Insn.Alu(jtrace.asm.AluOp.MOV, true, FRAME, jtrace.asm.Operand.of(Reg.R4)));
        out.addAll(FrameRebase.rebase(generated, Reg.R10, FRAME));
        // Only exits something reaches: the verifier rejects unreachable instructions.
        if (!leaves || jumpsTo(generated, next)) {
            out.add(new Insn.Mark(next));
            returnWith(out, 0);
        }
        boolean returns = jumpsTo(generated, ret);
        if (returns) {
            out.add(new Insn.Mark(ret));
            out.add(new Insn.StoreImm(Size.DW, FRAME, (short) returned, 1));
        }
        if (returns || jumpsTo(generated, stop)) {
            out.add(new Insn.Mark(stop));
            returnWith(out, 1);
        }
        return out;
    }

    private static void returnWith(List<Insn> out, int code) {
        out.add(new Insn.Alu(jtrace.asm.AluOp.MOV, true, Reg.R0, jtrace.asm.Operand.of(code)));
        out.add(new Insn.Exit());
    }

    /** $kv = (key, value): R2 points at the key, R3 at this CPU's value. */
    private void elementInto(Stmt.ForMap f, MapDef def) {
        Type.Tuple kv = (Type.Tuple) gen.typeOf(f.variable());
        TupleLayout layout = TupleLayout.of(kv);
        int slot = gen.variableSlot(f.variable());
        int keySize = Math.min(def.keyLayout().size(), TupleLayout.slotSize(kv.elements().get(0)));
        int valueAt = slot + layout.offsets().get(1);
        e.copy(Reg.R10, slot, Reg.R2, 0, keySize, Reg.R1);
        if (def.info().value() instanceof Type.Aggregation) {
            // The key just copied into $kv is the lookup key for every CPU's value.
            Reg v = gen.maps().readAggregation(def, slot, f.span(), ProbeCodegen.isSigned(kv.elements().get(1)));
            e.store(Size.DW, Reg.R10, valueAt, v);
            gen.regs().release(v);
        } else {
            int size = Math.min(def.valueSize(), TupleLayout.slotSize(kv.elements().get(1)));
            e.copy(Reg.R10, valueAt, Reg.R3, 0, size, Reg.R1);
        }
    }

    /**
     * {@code len(@m)}: the number of elements, counted in the kernel by a callback that adds one to
     * a counter slot passed as its ctx (bpf_for_each_map_elem visits a per-CPU map's keys once).
     */
    Reg count(jtrace.ast.Expr.MapAccess m, jtrace.diag.Span span) {
        requireStack(span);
        MapDef def = program.map(m.name());
        int counter = frame.alloc(8);
        e.storeImm(Size.DW, Reg.R10, counter, 0);
        Label callback = e.label("count_cb");
        forEach(def, callback, counter);
        Reg r = gen.regs().take(span);
        e.load(Size.DW, r, Reg.R10, counter);
        List<Insn> cb = new ArrayList<>();
        cb.add(new Insn.Mark(callback));
        cb.add(new Insn.Load(Size.DW, Reg.R1, Reg.R4, (short) 0));
        cb.add(new Insn.Alu(jtrace.asm.AluOp.ADD, true, Reg.R1, jtrace.asm.Operand.of(1)));
        cb.add(new Insn.Store(Size.DW, Reg.R4, (short) 0, Reg.R1));
        returnWith(cb, 0);
        callbacks.add(cb);
        return r;
    }

    /** The helper takes its callback's context on the stack only, which a scratch frame is not. */
    private void requireStack(jtrace.diag.Span span) {
        if (frame.scratch()) {
            throw new CompileError(span, "map iteration needs the probe's strings on the 512-byte BPF stack;"
                    + " lower max_strlen (e.g. config = { max_strlen = 64 }) or shorten strings with str(x, len)");
        }
    }

    /** Appends every callback after the probe's last instruction (subprograms follow the main program). */
    void appendCallbacks() {
        for (List<Insn> c : callbacks) e.insns().addAll(c);
        callbacks.clear();
    }

    /** {@code bpf_for_each_map_elem(map, callback, r10 + ctx, 0)}: the callback gets the frame at {@code ctx} as its context. */
    private void forEach(MapDef def, Label callback, int ctx) {
        e.mapFd(Reg.R1, def.name());
        e.insns().add(new Insn.LoadFunc(Reg.R2, callback));
        e.addr(Reg.R3, Reg.R10, ctx);
        e.movImm(Reg.R4, 0);
        e.call(BpfHelper.FOR_EACH_MAP_ELEM);
    }
}
