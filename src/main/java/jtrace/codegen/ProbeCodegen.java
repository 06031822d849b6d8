package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Insn;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.BinaryOp;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.sema.CheckedProbe;
import jtrace.sema.ProbeTarget;
import jtrace.sema.TracepointField;
import jtrace.types.Type;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;

/**
 * Generates one probe's program. Scalars are computed into pool registers (R7-R9); strings and
 * tuples are written straight into their destination (a stack slot, a map key buffer, or a ring
 * buffer record) so nothing is copied twice. R6 holds the context for the whole program.
 */
final class ProbeCodegen {
    static final Reg CTX = Reg.R6;

    private final CheckedProbe probe;
    private final ProgramContext program;
    private final Emitter e = new Emitter();
    private final RegisterPool regs;
    private final Frame frame;
    private VariableSlots variables;
    /** Where the probe's code ends: the predicate's false branch, return and exit() outside map loops. */
    private final Label end;
    private final StatementCodegen statements;
    private final MapOps maps;
    private final StructOps structs;
    private final MapLoops mapLoops;

    ProbeCodegen(CheckedProbe probe, ProgramContext program) { this(probe, program, false); }

    /** @param scratch the frame lives in scratch memory ({@link ScratchFrame}), not on the BPF stack */
    ProbeCodegen(CheckedProbe probe, ProgramContext program, boolean scratch) {
        this.probe = probe;
        this.program = program;
        this.frame = new Frame(probe.ast().span(), scratch);
        this.regs = new RegisterPool(!scratch);
        this.end = e.label("end");
        this.maps = new MapOps(this, e, frame, program);
        this.structs = new StructOps(this, e, frame);
        this.mapLoops = new MapLoops(this, e, frame, program);
        this.statements = new StatementCodegen(this, e, frame, end);
    }

    CompiledProbe generate() {
        e.mov(CTX, Reg.R1);
        pidFilter();
        if (probe.target() instanceof jtrace.sema.IterTarget) new KernelProbeArgs(this, e).skipFinalIteration(end, probe.types().keySet());
        variables = new VariableSlots(probe, e, frame);
        if (probe.ast().predicate() != null) condition(probe.ast().predicate(), end);
        statements.block(probe.ast().body());
        e.mark(end);
        e.exitWith(0);
        // The peephole pass sees only the probe's own code: map-loop callbacks address the probe's
        // frame through a pointer, which its local rules do not track.
        int bodyEnd = e.insns().size();
        List<Insn> code = e.insns();
        if (frame.scratch()) {
            int size = (frame.highWater() + 7) / 8 * 8;
            code = ScratchFrame.place(code, program.scratchMap(size), size, end);
        }
        List<Insn> body = Peephole.optimize(code);
        mapLoops.appendCallbacks();
        List<Insn> all = new java.util.ArrayList<>(body);
        all.addAll(e.insns().subList(bodyEnd, e.insns().size()));
        return new CompiledProbe(probe.target(), all);
    }

    /**
     * -p PID: tracepoints see every process, so, as bpftrace does, each such program first returns
     * unless the current process is PID (begin/end are never filtered).
     */
    private void pidFilter() {
        OptionalLong pid = program.checked().options().filterPid();
        if (pid.isEmpty() || !(probe.target() instanceof ProbeTarget.Tracepoint
                || probe.target() instanceof jtrace.sema.KprobeTarget || probe.target() instanceof jtrace.sema.FentryTarget)) return;
        e.call(BpfHelper.GET_CURRENT_PID_TGID);
        e.aluImm(AluOp.RSH, Reg.R0, 32);
        e.jumpImm(JumpOp.JNE, Reg.R0, (int) pid.getAsLong(), end);
    }

    RegisterPool regs() { return regs; }

    MapOps maps() { return maps; }

    StructOps structs() { return structs; }

    Type typeOf(Expr x) { return probe.typeOf(x); }

    ProbeTarget target() { return probe.target(); }

    CheckedProbe probe() { return probe; }

    VariableSlots variables() { return variables; }

    // ---- statements, variables, conditions (see StatementCodegen, VariableSlots, Conditions) ----

    /** The R10 offset of the slot of the variable {@code $name} refers to here. */
    int variableSlot(Expr.Variable v) { return variables.slot(v); }

    /** Zeroes the slots of the scope's variables that share storage with an earlier scope's. */
    void enterScope(Object owner) { variables.enterScope(owner); }

    /** A map loop's body, generated with break/continue/return (and exit) jumping to the callback's own exits. */
    boolean loopBody(Block body, Label next, Label exit, Label ret) { return statements.loopBody(body, next, exit, ret); }

    /** Where return and exit() jump from the code being generated. */
    Label endLabel() { return statements.endLabel(); }

    /** Jumps to {@code otherwise} when the condition is false; falls through when true. */
    void condition(Expr c, Label otherwise) { new Conditions(this, e).jumpUnless(c, otherwise); }

    // ---- kinds of values ----

    static boolean isAggregation(Type t) { return t instanceof Type.Aggregation; }

    static boolean isMemoryType(Type t) {
        return t instanceof Type.Str || t instanceof Type.Tuple || t instanceof Type.Buffer || SymbolOps.inMemory(t)
                || isCData(t);
    }

    /** Whole C structs, unions and arrays: copied as bytes, never held in a register. */
    static boolean isCData(Type t) {
        return t instanceof Type.Struct || t instanceof Type.Array;
    }

    static boolean isSigned(Type t) { return t instanceof Type.Int i && i.signed(); }

    // ---- scalar expressions ----

    /** Evaluates an integer-valued expression into a pool register the caller must release. */
    Reg scalar(Expr x) {
        return switch (x) {
            case Expr.IntLit i -> constant(i.value(), x);
            case Expr.BoolLit b -> constant(b.value() ? 1 : 0, x);
            case Expr.Positional p -> constant(program.positionalNumber(p.index()), x);
            case Expr.PositionalCount c -> constant(program.positionalCount(), x);
            case Expr.Ident id when probe.constant(id) != null -> constant(probe.constant(id), x);
            case Expr.Ident id when structs.isRawArg(id) -> structs.rawArg(id);
            case Expr.Ident id when SymbolOps.handles(x, typeOf(x)) -> symbols().scalar(x);
            case Expr.Ident id when UserProbeArgs.handles(probe.target(), id.name()) -> new UserProbeArgs(this, e, frame).read(id);
            case Expr.Ident id when KernelProbeArgs.handles(probe.target(), id.name()) -> new KernelProbeArgs(this, e).read(id);
            case Expr.Ident id -> builtin(id);
            case Expr.Variable v -> {
                Reg r = regs.take(x.span());
                e.load(Size.DW, r, Reg.R10, variableSlot(v));
                yield r;
            }
            case Expr.MapAccess m -> maps.read(m);
            case Expr.FieldAccess f when structs.isRawArg(f) -> structs.rawArg(f);
            case Expr.FieldAccess f when structs.isMemory(f) -> structs.read(f);
            case Expr.Index i when structs.isMemory(i) -> structs.read(i);
            case Expr.Unary u when structs.isMemory(u) -> structs.read(u);
            case Expr.Call c when probe.constant(c) != null -> constant(probe.constant(c), x);
            case Expr.SizeOf s when probe.constant(s) != null -> constant(probe.constant(s), x);
            case Expr.FieldAccess f -> field(f);
            case Expr.Binary b -> arithmetic().binary(b);
            case Expr.Unary u -> arithmetic().unary(u);
            case Expr.IncDec d -> incDec(d);
            case Expr.Ternary t -> {
                // Both arms store to one slot, so each may use whatever registers it needs.
                int slot = frame.alloc(8);
                Label otherwise = e.label("tern_else");
                Label done = e.label("tern_done");
                condition(t.cond(), otherwise);
                Reg a = scalar(t.then());
                e.store(Size.DW, Reg.R10, slot, a);
                regs.release(a);
                e.jumpTo(done);
                e.mark(otherwise);
                Reg b = scalar(t.otherwise());
                e.store(Size.DW, Reg.R10, slot, b);
                regs.release(b);
                e.mark(done);
                Reg r = regs.take(x.span());
                e.load(Size.DW, r, Reg.R10, slot);
                yield r;
            }
            case Expr.Cast c when typeOf(c.operand()) instanceof Type.Array && typeOf(c) instanceof Type.Int to ->
                    new ArrayCastOps(this, e, frame).toInt(c, to);
            case Expr.Cast c -> {
                Reg r = scalar(c.operand());
                Type to = typeOf(c);
                if (Type.intOf(to) instanceof Type.Int i) e.extend(r, i.bytes(), i.signed());
                else if (to instanceof Type.Bool) e.normalizeBool(r);
                yield r;
            }
            case Expr.Index i when typeOf(i.base()) instanceof Type.Tuple -> tuples().readScalar(i, i.span());
            case Expr.Call c -> new CallCodegen(this, e).scalar(c);
            case Expr.SizeOf s -> constant(s.operand() != null ? typeOf(s.operand()).size()
                    : jtrace.sema.TypeNames.parse(s.type(), s.span(), program.checked().options()).size(), x);
            default -> throw new CompileError(x.span(), "jtrace cannot generate code for this expression yet");
        };
    }

    Reg constant(long v, Expr x) {
        Reg r = regs.take(x.span());
        e.movImm(r, v);
        return r;
    }

    /**
     * Evaluates two operands into registers {@code [left, right]}. When registers run short the
     * left value waits in a stack slot while the right one is computed, and comes back in
     * whichever register is free then.
     */
    Reg[] scalarPair(Expr left, Expr right) {
        Reg l = scalar(left);
        if (regs.available() >= 2 || isLeaf(right) && regs.available() >= 1) return new Reg[]{l, scalar(right)};
        int slot = frame.alloc(8);
        e.store(Size.DW, Reg.R10, slot, l);
        regs.release(l);
        Reg r = scalar(right);
        if (regs.available() == 0) {
            // A single free register (the frame in scratch memory takes R9, an event record R7): the
            // right operand moves to PAIR_SPARE, which nothing clobbers before the caller uses it.
            e.mov(PAIR_SPARE, r);
            e.load(Size.DW, r, Reg.R10, slot);
            return new Reg[]{r, PAIR_SPARE};
        }
        Reg back = regs.take(right.span());
        e.load(Size.DW, back, Reg.R10, slot);
        return new Reg[]{back, r};
    }

    /**
     * The right operand of {@link #scalarPair} when the pool runs dry: a caller-saved register, good
     * only until the next helper call; releasing it is a no-op. The left one is always from the pool.
     */
    static final Reg PAIR_SPARE = Reg.R5;

    private static boolean isLeaf(Expr x) {
        return x instanceof Expr.IntLit || x instanceof Expr.Ident || x instanceof Expr.Variable
                || x instanceof Expr.BoolLit || x instanceof Expr.FieldAccess || x instanceof Expr.Positional;
    }

    private Reg builtin(Expr.Ident id) {
        Reg r = regs.take(id.span());
        switch (id.name()) {
            case "elapsed" -> {
                HelperBuiltins.emit(e, "nsecs", r);
                e.movImm(Reg.R1, program.startNanos());
                e.alu(AluOp.SUB, r, Reg.R1);
            }
            case "ncpus" -> e.movImm(r, program.cpuCount());
            case "cpid" -> e.movImm(r, program.checked().options().childPid().orElse(0));
            case "username" -> HelperBuiltins.emit(e, "uid", r);
            case "usermode" -> {
                regs.release(r);
                return manual().usermode(id);
            }
            default -> {
                if (!HelperBuiltins.emit(e, id.name(), r)) {
                    throw new CompileError(id.span(), "builtin '" + id.name() + "' has no integer value here");
                }
            }
        }
        return r;
    }

    private Reg field(Expr.FieldAccess f) {
        if (typeOf(f.base()) instanceof Type.Args && KernelProbeArgs.handlesField(probe.target())) {
            return new KernelProbeArgs(this, e).field(f);
        }
        if (typeOf(f.base()) instanceof Type.Args && UserProbeArgs.handlesField(probe.target())) {
            return new UserProbeArgs(this, e, frame).field(f);
        }
        if (typeOf(f.base()) instanceof Type.Args) {
            TracepointField field = argsField(f);
            Reg r = regs.take(f.span());
            int size = field.size() == 1 || field.size() == 2 || field.size() == 4 ? field.size() : 8;
            e.load(Size.ofBytes(size), r, CTX, field.offset());
            if (size < 8 && field.signed()) e.extend(r, size, true);
            return r;
        }
        if (typeOf(f.base()) instanceof Type.Tuple) return tuples().readScalar(f, f.span());
        throw new CompileError(f.span(), "jtrace cannot read this field yet");
    }

    TracepointField argsField(Expr.FieldAccess f) {
        ProbeTarget.Tracepoint tp = (ProbeTarget.Tracepoint) probe.target();
        return tp.fields().stream().filter(x -> x.name().equals(f.field())).findFirst().orElseThrow();
    }

    private Reg incDec(Expr.IncDec d) {
        int delta = d.increment() ? 1 : -1;
        switch (d.target()) {
            case Expr.MapAccess m -> {
                return maps.incDec(m, delta, d.prefix());
            }
            case Expr.Variable v -> {
                delta *= Arithmetic.elementSize(variables.type(v));
                int slot = variableSlot(v);
                Reg r = regs.take(d.span());
                e.load(Size.DW, r, Reg.R10, slot);
                e.aluImm(AluOp.ADD, r, delta);
                e.store(Size.DW, Reg.R10, slot, r);
                if (!d.prefix()) e.aluImm(AluOp.SUB, r, delta);
                return r;
            }
            default -> throw new IllegalStateException();
        }
    }

    // ---- the generators of each family of values and code ----

    StringOps strings() { return new StringOps(this, e, frame); }

    TupleOps tuples() { return new TupleOps(this, e); }

    ManualFunctionOps manual() { return new ManualFunctionOps(this, e, frame); }

    Arithmetic arithmetic() { return new Arithmetic(this, e); }

    MapLoops mapLoops() { return mapLoops; }

    SymbolOps symbols() { return new SymbolOps(this, e, frame, program); }

    /** Writes the value of {@code x} at base+off in its slot form (integers as 8 bytes). */
    void write(Expr x, Reg base, int off) { new ValueWriter(this, e, frame).write(x, base, off); }

    /** The stack slot holding a string expression's value, materialising it when it is not a variable. */
    int stringSlot(Expr x) { return new ValueWriter(this, e, frame).stringSlot(x); }

    void arith(BinaryOp op, Reg l, Reg r, boolean signed) { arithmetic().arith(op, l, r, signed); }

    ProgramContext program() { return program; }

    /** Parsed strings hold one char per byte (see the lexer), so this recovers the exact bytes. */
    static byte[] utf8(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    static List<Expr> none() { return List.of(); }
}
