package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.BinaryOp;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.Type;
import jtrace.types.TupleLayout;

import java.util.List;

/** Map reads, writes and aggregations: key buffers on the stack, then the map helpers. */
final class MapOps {
    /** BPF_ANY from linux/bpf.h: create or update. */
    private static final int BPF_ANY = 0;
    /** E2BIG (errno.h): bpf_map_update_elem's answer when a hash map has max_entries keys already. */
    private static final int E2BIG = 7;

    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final ProgramContext program;

    MapOps(ProbeCodegen gen, Emitter e, Frame frame, ProgramContext program) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.program = program;
    }

    /** Builds the key of {@code m} in a new stack slot and returns its offset from R10. */
    int key(Expr.MapAccess m, MapDef def) { return keyOf(m.keys(), def); }

    /** Several keys may also come as one tuple, as in {@code delete(@m, (1, "a"))}. */
    private int keyOf(List<Expr> keys, MapDef def) {
        KeyLayout layout = def.keyLayout();
        int slot = frame.alloc(layout.size());
        if (layout.isScalar()) {
            e.storeImm(Size.DW, Reg.R10, slot, 0);
            return slot;
        }
        if (keys.size() == 1 && keys.getFirst() instanceof Expr.Tuple t && layout.elements().size() > 1) {
            keys = t.elements();
        }
        if (!layout.denselyWritten()) zeroPartlyWritten(keys, layout, slot);
        for (int i = 0; i < keys.size(); i++) gen.write(keys.get(i), Reg.R10, slot + layout.offsets().get(i));
        return slot;
    }

    /**
     * Zeroes the key buffer except the elements their write fills completely: bpf_get_current_comm
     * pads comm with zeros to the 16 bytes it is given.
     */
    private void zeroPartlyWritten(List<Expr> keys, KeyLayout layout, int slot) {
        if (keys.size() != layout.elements().size()) {
            e.clear(Reg.R10, slot, layout.size());
            return;
        }
        for (int i = 0; i < keys.size(); i++) {
            Type t = layout.elements().get(i);
            int size = TupleLayout.slotSize(t);
            boolean fullComm = keys.get(i) instanceof Expr.Ident id && id.name().equals("comm") && size == 16;
            boolean scalar = !(t instanceof Type.Str) && !(t instanceof Type.Tuple);
            if (!fullComm && !scalar) e.clear(Reg.R10, slot + layout.offsets().get(i), size);
        }
        // hist/lhist write their bucket after the key; the peephole pass drops this when they do
        if (layout.bucketOffset() >= 0) e.zero(Reg.R10, slot + layout.bucketOffset(), 8);
    }

    private void lookup(MapDef def, int keySlot) {
        e.mapFd(Reg.R1, def.name());
        e.stackAddr(Reg.R2, keySlot);
        e.call(BpfHelper.MAP_LOOKUP_ELEM);
    }

    private void update(MapDef def, int keySlot, int valueSlot) {
        update(def, keySlot, () -> e.stackAddr(Reg.R3, valueSlot));
    }

    /** bpf_map_update_elem with the value address {@code valueToR3} puts in R3. */
    private void update(MapDef def, int keySlot, Runnable valueToR3) {
        callUpdate(def, keySlot, valueToR3);
        // A full map drops the update: count it, the runtime warns as bpftrace does.
        Label stored = e.label("stored");
        e.jumpImm(JumpOp.JNE, Reg.R0, -E2BIG, stored);
        ErrorCounter.bump(e, CompiledProgram.MAP_FULL);
        e.mark(stored);
    }

    private void callUpdate(MapDef def, int keySlot, Runnable valueToR3) {
        e.mapFd(Reg.R1, def.name());
        e.stackAddr(Reg.R2, keySlot);
        valueToR3.run();
        e.movImm(Reg.R4, BPF_ANY);
        e.call(BpfHelper.MAP_UPDATE_ELEM);
    }

    /**
     * count() and hist buckets: one more in a u64 element. A new key is inserted with the constant
     * 1 of the counter map (no stack store); when the map is full, R0 becomes the address of the
     * map-full counter and the same add counts the drop, so the two paths share one tail. The add
     * is atomic, which the error counter (one for all CPUs) needs.
     */
    private void addOne(MapDef def, int keySlot) {
        lookup(def, keySlot);
        Label add = e.label("add_one");
        Label done = e.label("agg_done");
        e.jumpImm(JumpOp.JNE, Reg.R0, 0, add);
        callUpdate(def, keySlot, () -> e.mapValue(Reg.R3, CompiledProgram.LOST_COUNTER, CompiledProgram.ONE * 8));
        e.jumpImm(JumpOp.JNE, Reg.R0, -E2BIG, done);
        e.mapValue(Reg.R0, CompiledProgram.LOST_COUNTER, CompiledProgram.MAP_FULL * 8);
        e.mark(add);
        e.movImm(Reg.R1, 1);
        e.atomicAdd(Reg.R0, 0, Reg.R1);
        e.mark(done);
    }

    /** The value of an integer map element, 0 when absent. */
    Reg read(Expr.MapAccess m) {
        MapDef def = program.map(m.name());
        if (def.kind().perCpu()) return readAggregation(m, def);
        int keySlot = key(m, def);
        lookup(def, keySlot);
        Reg r = gen.regs().take(m.span());
        Label absent = e.label("absent");
        Label done = e.label("read_done");
        e.movImm(r, 0);
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        e.load(Size.DW, r, Reg.R0, 0);
        e.mark(absent);
        e.mark(done);
        return r;
    }

    /**
     * The value of a count/sum/avg/min/max map element combined over every CPU's slot
     * (bpf_map_lookup_percpu_elem, one lookup per possible CPU), 0 when absent.
     */
    private Reg readAggregation(Expr.MapAccess m, MapDef def) {
        Type agg = def.info().value();
        boolean avg = agg instanceof Type.Avg;
        boolean min = agg instanceof Type.Min;
        boolean extreme = min || agg instanceof Type.Max;
        if (!(agg instanceof Type.Count || agg instanceof Type.Sum || avg || extreme)) {
            throw new CompileError(m.span(), "Map value of type " + agg.display() + " can not be read in an expression");
        }
        return readAggregation(def, key(m, def), m.span(), ProbeCodegen.isSigned(gen.typeOf(m)));
    }

    /** As above, for a key already built at keySlot (below R10). */
    Reg readAggregation(MapDef def, int keySlot, jtrace.diag.Span span, boolean signed) {
        Type agg = def.info().value();
        boolean avg = agg instanceof Type.Avg;
        boolean min = agg instanceof Type.Min;
        boolean extreme = min || agg instanceof Type.Max;
        Reg acc = gen.regs().take(span);
        Reg count = avg || extreme ? gen.regs().take(span) : null;
        e.movImm(acc, 0);
        if (count != null) e.movImm(count, 0);
        for (int cpu = 0; cpu < program.cpuCount(); cpu++) {
            Label next = e.label("next_cpu");
            e.mapFd(Reg.R1, def.name());
            e.stackAddr(Reg.R2, keySlot);
            e.movImm(Reg.R3, cpu);
            e.call(BpfHelper.MAP_LOOKUP_PERCPU_ELEM);
            e.jumpImm(JumpOp.JEQ, Reg.R0, 0, next);
            if (extreme) {
                // count here says whether acc holds a value yet; a slot counts only once set.
                e.load(Size.DW, Reg.R1, Reg.R0, 8);
                e.jumpImm(JumpOp.JEQ, Reg.R1, 0, next);
                e.load(Size.DW, Reg.R1, Reg.R0, 0);
                Label take = e.label("take");
                e.jumpImm(JumpOp.JEQ, count, 0, take);
                JumpOp keep = min ? (signed ? JumpOp.JSGE : JumpOp.JGE) : (signed ? JumpOp.JSLE : JumpOp.JLE);
                e.jump(keep, Reg.R1, acc, next);
                e.mark(take);
                e.mov(acc, Reg.R1);
                e.movImm(count, 1);
            } else {
                e.load(Size.DW, Reg.R1, Reg.R0, 0);
                e.alu(AluOp.ADD, acc, Reg.R1);
                if (avg) {
                    e.load(Size.DW, Reg.R1, Reg.R0, 8);
                    e.alu(AluOp.ADD, count, Reg.R1);
                }
            }
            e.mark(next);
        }
        if (avg) {
            Label empty = e.label("empty");
            e.jumpImm(JumpOp.JEQ, count, 0, empty);
            e.alu(signed ? AluOp.SDIV : AluOp.DIV, acc, count);
            e.mark(empty);
        }
        if (count != null) gen.regs().release(count);
        return acc;
    }

    /** Copies a string or tuple map value to base+off, zeroes when absent. */
    void readInto(Expr.MapAccess m, Reg base, int off, int size) {
        MapDef def = program.map(m.name());
        int keySlot = key(m, def);
        lookup(def, keySlot);
        Label absent = e.label("absent");
        Label done = e.label("copied");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        e.copyAny(base, off, Reg.R0, 0, Math.min(size, def.valueSize()), Reg.R1);
        e.jumpTo(done);
        e.mark(absent);
        e.clear(base, off, size);
        e.mark(done);
    }

    /** {@code @m[k] = value}. */
    void store(Expr.MapAccess m, Expr value) {
        MapDef def = program.map(m.name());
        int valueSlot = frame.alloc(def.valueSize());
        Type declared = def.info().value();
        if (ProbeCodegen.isMemoryType(declared)
                && TupleLayout.slotSize(gen.typeOf(value)) < def.valueSize()) {
            e.clear(Reg.R10, valueSlot, def.valueSize());
        }
        gen.write(value, Reg.R10, valueSlot);
        int keySlot = key(m, def);
        update(def, keySlot, valueSlot);
    }

    /** {@code @m[k] op= value}: in place when the element exists, else inserted as {@code 0 op value}. */
    void compound(Expr.MapAccess m, BinaryOp op, Expr value) {
        MapDef def = program.map(m.name());
        Reg rhs = gen.scalar(value);
        int keySlot = key(m, def);
        lookup(def, keySlot);
        boolean signed = ProbeCodegen.isSigned(def.info().value());
        Label absent = e.label("absent");
        Label done = e.label("assigned");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        if (op == BinaryOp.ADD) {
            e.atomicAdd(Reg.R0, 0, rhs);
        } else {
            Reg cur = gen.regs().take(m.span());
            e.load(Size.DW, cur, Reg.R0, 0);
            e.mov(Reg.R1, Reg.R0);
            gen.arith(op, cur, rhs, signed);
            e.store(Size.DW, Reg.R1, 0, cur);
            gen.regs().release(cur);
        }
        e.jumpTo(done);
        e.mark(absent);
        Reg init = gen.regs().take(m.span());
        e.movImm(init, 0);
        gen.arith(op, init, rhs, signed);
        int valueSlot = frame.alloc(8);
        e.store(Size.DW, Reg.R10, valueSlot, init);
        gen.regs().release(init);
        update(def, keySlot, valueSlot);
        e.mark(done);
        gen.regs().release(rhs);
    }

    /** {@code @m[k]++} and friends; yields the value before or after, as C does. */
    Reg incDec(Expr.MapAccess m, int delta, boolean prefix) {
        MapDef def = program.map(m.name());
        int keySlot = key(m, def);
        lookup(def, keySlot);
        Reg r = gen.regs().take(m.span());
        Label absent = e.label("absent");
        Label done = e.label("incdec_done");
        int valueSlot = frame.alloc(8);
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        e.load(Size.DW, r, Reg.R0, 0);
        e.aluImm(AluOp.ADD, r, delta);
        e.store(Size.DW, Reg.R0, 0, r);
        e.jumpTo(done);
        e.mark(absent);
        e.movImm(r, delta);
        e.store(Size.DW, Reg.R10, valueSlot, r);
        update(def, keySlot, valueSlot);
        e.mark(done);
        if (!prefix) e.aluImm(AluOp.SUB, r, delta);
        return r;
    }

    /** {@code @m[k] = count()} and the other aggregations, on per-CPU maps. */
    void aggregate(Expr.MapAccess m, Expr.Call call, Type agg) {
        MapDef def = program.map(m.name());
        Reg v = call.args().isEmpty() ? null : gen.scalar(call.args().getFirst());
        int keySlot = key(m, def);
        switch (agg) {
            case Type.Count c -> addToSlot(def, keySlot, null, m);
            case Type.Sum s -> addToSlot(def, keySlot, v, m);
            case Type.Hist h -> {
                bucketLog2(v, h.k(), m);
                e.store(Size.DW, Reg.R10, keySlot + def.keyLayout().bucketOffset(), v);
                addToSlot(def, keySlot, null, m);
            }
            case Type.Lhist l -> {
                bucketLinear(v, l, m);
                e.store(Size.DW, Reg.R10, keySlot + def.keyLayout().bucketOffset(), v);
                addToSlot(def, keySlot, null, m);
            }
            case Type.Avg a -> totalAndCount(def, keySlot, v, m);
            case Type.Stats s -> totalAndCount(def, keySlot, v, m);
            case Type.Min mn -> extreme(def, keySlot, v, mn.of().signed(), true, m);
            case Type.Max mx -> extreme(def, keySlot, v, mx.of().signed(), false, m);
            default -> throw new IllegalStateException(agg.display());
        }
        if (v != null) gen.regs().release(v);
    }

    /** value += amount (1 when amount is null); inserts amount when the key is new. */
    private void addToSlot(MapDef def, int keySlot, Reg amount, Expr.MapAccess m) {
        if (amount == null && def.valueSize() == 8) {
            addOne(def, keySlot);
            return;
        }
        lookup(def, keySlot);
        Label absent = e.label("absent");
        Label done = e.label("agg_done");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        if (def.kind().perCpu()) {
            // This CPU's own value, and a program is not preempted: a plain add, no lock prefix.
            e.load(Size.DW, Reg.R1, Reg.R0, 0);
            if (amount == null) e.aluImm(AluOp.ADD, Reg.R1, 1);
            else e.alu(AluOp.ADD, Reg.R1, amount);
            e.store(Size.DW, Reg.R0, 0, Reg.R1);
        } else if (amount == null) {
            e.movImm(Reg.R1, 1);
            e.atomicAdd(Reg.R0, 0, Reg.R1);
        } else {
            e.atomicAdd(Reg.R0, 0, amount);
        }
        e.jumpTo(done);
        e.mark(absent);
        int valueSlot = frame.alloc(8);
        if (amount == null) e.storeImm(Size.DW, Reg.R10, valueSlot, 1);
        else e.store(Size.DW, Reg.R10, valueSlot, amount);
        update(def, keySlot, valueSlot);
        e.mark(done);
    }

    /** avg/stats: {total, count}. */
    private void totalAndCount(MapDef def, int keySlot, Reg v, Expr.MapAccess m) {
        lookup(def, keySlot);
        Label absent = e.label("absent");
        Label done = e.label("agg_done");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        e.atomicAdd(Reg.R0, 0, v);
        e.movImm(Reg.R1, 1);
        e.atomicAdd(Reg.R0, 8, Reg.R1);
        e.jumpTo(done);
        e.mark(absent);
        insertPair(def, keySlot, v);
        e.mark(done);
    }

    /** Inserts the first {v, 1}: avg/stats start at total v, count 1; min/max at value v, set. */
    private void insertPair(MapDef def, int keySlot, Reg v) {
        int valueSlot = frame.alloc(16);
        e.store(Size.DW, Reg.R10, valueSlot, v);
        e.storeImm(Size.DW, Reg.R10, valueSlot + 8, 1);
        update(def, keySlot, valueSlot);
    }

    /** min/max: {value, set}; set is 0 only after zero(). */
    private void extreme(MapDef def, int keySlot, Reg v, boolean signed, boolean min, Expr.MapAccess m) {
        lookup(def, keySlot);
        Label absent = e.label("absent");
        Label replace = e.label("replace");
        Label done = e.label("agg_done");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, absent);
        e.load(Size.DW, Reg.R1, Reg.R0, 8);
        e.jumpImm(JumpOp.JEQ, Reg.R1, 0, replace);
        e.load(Size.DW, Reg.R1, Reg.R0, 0);
        // Keep the current value unless v is beyond it.
        JumpOp keep = min ? (signed ? JumpOp.JSGE : JumpOp.JGE) : (signed ? JumpOp.JSLE : JumpOp.JLE);
        e.jump(keep, v, Reg.R1, done);
        e.mark(replace);
        e.store(Size.DW, Reg.R0, 0, v);
        e.storeImm(Size.DW, Reg.R0, 8, 1);
        e.jumpTo(done);
        e.mark(absent);
        insertPair(def, keySlot, v);
        e.mark(done);
    }

    /**
     * Replaces v with its log2 bucket, numbered as bpftrace does: 0 for negatives, v + 1 for
     * 0 <= v < 2^(k+1), then for v in [2^p, 2^(p+1)) the 2^k sub-buckets
     * ((p - k + 1) << k) + ((v >> (p - k)) & (2^k - 1)) + 1.
     */
    private void bucketLog2(Reg v, int k, Expr.MapAccess m) {
        if (k == 0) {
            bucketLog2Plain(v);
            return;
        }
        int n = 1 << k;
        Label negative = e.label("neg");
        Label small = e.label("small");
        Label done = e.label("bucket_done");
        e.jumpImm(JumpOp.JSLT, v, 0, negative);
        e.jumpImm(JumpOp.JLT, v, 2 * n, small);
        // p = floor(log2(v)) by halving the search range: R1 holds p, R2 the shifted value.
        // The 32-bit step compares through a register (2^32 is no imm32); the others against an
        // immediate, three instructions each; the last needs no shift.
        e.movImm(Reg.R1, 0);
        e.mov(Reg.R2, v);
        Label below32 = e.label("log2");
        e.mov(Reg.R3, Reg.R2);
        e.aluImm(AluOp.RSH, Reg.R3, 32);
        e.jumpImm(JumpOp.JEQ, Reg.R3, 0, below32);
        e.mov(Reg.R2, Reg.R3);
        e.movImm(Reg.R1, 32);
        e.mark(below32);
        for (int shift = 16; shift >= 1; shift /= 2) {
            Label skip = e.label("log2");
            e.jumpImm(JumpOp.JLT, Reg.R2, 1 << shift, skip);
            if (shift > 1) e.aluImm(AluOp.RSH, Reg.R2, shift);
            e.aluImm(AluOp.ADD, Reg.R1, shift);
            e.mark(skip);
        }
        if (k == 0) {
            e.mov(v, Reg.R1);
            e.aluImm(AluOp.ADD, v, 2);
        } else {
            e.aluImm(AluOp.SUB, Reg.R1, k);
            e.alu(AluOp.RSH, v, Reg.R1);
            e.aluImm(AluOp.AND, v, n - 1);
            e.aluImm(AluOp.ADD, Reg.R1, 1);
            e.aluImm(AluOp.LSH, Reg.R1, k);
            e.alu(AluOp.ADD, v, Reg.R1);
            e.aluImm(AluOp.ADD, v, 1);
        }
        e.jumpTo(done);
        e.mark(small);
        e.aluImm(AluOp.ADD, v, 1);
        e.jumpTo(done);
        e.mark(negative);
        e.movImm(v, 0);
        e.mark(done);
    }

    /**
     * The k = 0 case: 0 for negatives, v + 1 below 2, else floor(log2(v)) + 2. Only the power is
     * needed, so v itself accumulates it while R1 is halved: no copies before or after.
     */
    private void bucketLog2Plain(Reg v) {
        Label negative = e.label("neg");
        Label done = e.label("bucket_done");
        e.jumpImm(JumpOp.JSLT, v, 0, negative);
        e.mov(Reg.R1, v);
        e.aluImm(AluOp.ADD, v, 1);
        e.jumpImm(JumpOp.JLT, Reg.R1, 2, done);
        e.movImm(v, 2);
        // 2^32 is no imm32: that step tests the shifted value through R2.
        Label below32 = e.label("log2");
        e.mov(Reg.R2, Reg.R1);
        e.aluImm(AluOp.RSH, Reg.R2, 32);
        e.jumpImm(JumpOp.JEQ, Reg.R2, 0, below32);
        e.mov(Reg.R1, Reg.R2);
        e.aluImm(AluOp.ADD, v, 32);
        e.mark(below32);
        for (int shift = 16; shift >= 1; shift /= 2) {
            Label skip = e.label("log2");
            e.jumpImm(JumpOp.JLT, Reg.R1, 1 << shift, skip);
            if (shift > 1) e.aluImm(AluOp.RSH, Reg.R1, shift);
            e.aluImm(AluOp.ADD, v, shift);
            e.mark(skip);
        }
        e.jumpTo(done);
        e.mark(negative);
        e.movImm(v, 0);
        e.mark(done);
    }

    /** lhist bucket: 0 below min, 1 + (v - min) / step inside, n + 1 at or above max. */
    private void bucketLinear(Reg v, Type.Lhist l, Expr.MapAccess m) {
        long buckets = (l.max() - l.min()) / l.step();
        Label below = e.label("below");
        Label above = e.label("above");
        Label done = e.label("bucket_done");
        e.movImm(Reg.R1, l.min());
        e.jump(JumpOp.JSLT, v, Reg.R1, below);
        e.movImm(Reg.R1, l.max());
        e.jump(JumpOp.JSGE, v, Reg.R1, above);
        e.movImm(Reg.R1, l.min());
        e.alu(AluOp.SUB, v, Reg.R1);
        e.movImm(Reg.R1, l.step());
        e.alu(AluOp.DIV, v, Reg.R1);
        e.aluImm(AluOp.ADD, v, 1);
        e.jumpTo(done);
        e.mark(below);
        e.movImm(v, 0);
        e.jumpTo(done);
        e.mark(above);
        e.movImm(v, buckets + 1);
        e.mark(done);
    }

    /** delete(@m[k]) or delete(@m, k). */
    /** {@code has_key(@m, key)}: 1 when a lookup finds the element, else 0. */
    Reg hasKey(Expr.Call c) {
        Expr.MapAccess m = (Expr.MapAccess) c.args().getFirst();
        MapDef def = program.map(m.name());
        if (def.keyLayout().bucketOffset() >= 0) {
            throw new CompileError(c.span(), "has_key() of a histogram map is not supported by jtrace yet");
        }
        int keySlot = keyOf(List.of(c.args().get(1)), def);
        lookup(def, keySlot);
        Reg r = gen.regs().take(c.span());
        e.setBool(r, JumpOp.JEQ, Reg.R0, 0, false);
        return r;
    }

    void delete(Expr.Call c) {
        Expr.MapAccess m = (Expr.MapAccess) c.args().getFirst();
        MapDef def = program.map(m.name());
        if (def.keyLayout().bucketOffset() >= 0) {
            throw new CompileError(c.span(), "delete() of a histogram element is not supported by jtrace yet");
        }
        int keySlot = keyOf(c.args().size() == 2 ? List.of(c.args().get(1)) : m.keys(), def);
        e.mapFd(Reg.R1, def.name());
        e.stackAddr(Reg.R2, keySlot);
        e.call(BpfHelper.MAP_DELETE_ELEM);
    }
}
