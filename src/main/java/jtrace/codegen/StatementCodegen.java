package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Block;
import jtrace.ast.Expr;
import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

import java.util.ArrayDeque;
import java.util.Deque;

/** Statements: blocks, assignments, if/while/unroll/for, break/continue/return, and calls done for their effect. */
final class StatementCodegen {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final EventOps events;
    /** Where continue and break jump in a loop. */
    private record Loop(Label next, Label exit) {}

    private final Deque<Loop> loops = new ArrayDeque<>();
    /** Where return and exit() go: the probe's end, or inside a map loop's callback its own return. */
    private Label end;

    StatementCodegen(ProbeCodegen gen, Emitter e, Frame frame, Label end) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.events = new EventOps(gen, e, frame, gen.program());
        this.end = end;
    }

    /**
     * Generates a block; returns true when it always jumps away (exit, return, break, continue),
     * in which case the statements after that point are not generated: the verifier rejects
     * unreachable instructions.
     */
    boolean block(Block b) {
        gen.enterScope(b);
        for (Stmt s : b.stmts()) {
            int mark = frame.mark();
            boolean leaves = stmt(s);
            frame.release(mark);
            if (leaves) return true;
        }
        return false;
    }

    private boolean stmt(Stmt s) {
        switch (s) {
            case Stmt.ExprStmt x -> { return exprStatement(x.expr()); }
            case Stmt.Assign a -> assign(a);
            case Stmt.Let l -> {
                if (l.value() != null) assignVariable(l.variable(), l.value());
                else e.clear(Reg.R10, gen.variableSlot(l.variable()), TupleLayout.slotSize(gen.variables().type(l.variable())));
            }
            case Stmt.If i -> { return ifStatement(i); }
            case Stmt.While w -> {
                Label top = e.label("while");
                Label exit = e.label("wend");
                e.mark(top);
                gen.condition(w.cond(), exit);
                loops.push(new Loop(top, exit));
                boolean leaves = block(w.body());
                loops.pop();
                if (!leaves) e.jumpTo(top);
                e.mark(exit);
            }
            case Stmt.Unroll u -> {
                long n = gen.probe().constant(u.count());
                for (long i = 0; i < n; i++) {
                    if (block(u.body())) return true;
                }
            }
            case Stmt.ForRange f -> forRange(f);
            case Stmt.ForMap f -> gen.mapLoops().generate(f);
            case Stmt.Break b -> { e.jumpTo(loops.peek().exit()); return true; }
            case Stmt.Continue c -> { e.jumpTo(loops.peek().next()); return true; }
            case Stmt.Return r -> { e.jumpTo(end); return true; }
            case Stmt.Nested n -> { return block(n.block()); }
        }
        return false;
    }

    /** A map loop's body, generated with break/continue/return (and exit) jumping to the callback's own exits. */
    boolean loopBody(Block body, Label next, Label exit, Label ret) {
        Label outerEnd = end;
        end = ret;
        loops.push(new Loop(next, exit));
        boolean leaves = block(body);
        loops.pop();
        end = outerEnd;
        return leaves;
    }

    /** Where return and exit() jump from the code being generated. */
    Label endLabel() { return end; }

    private boolean ifStatement(Stmt.If i) {
        Label otherwise = e.label("else");
        gen.condition(i.cond(), otherwise);
        boolean thenLeaves = block(i.then());
        if (i.otherwise() == null) {
            e.mark(otherwise);
            return false;
        }
        Label done = e.label("endif");
        if (!thenLeaves) e.jumpTo(done);
        e.mark(otherwise);
        boolean elseLeaves = block(i.otherwise());
        e.mark(done);
        return thenLeaves && elseLeaves;
    }

    private void forRange(Stmt.ForRange f) {
        gen.enterScope(f);
        int slot = gen.variableSlot(f.variable());
        int limitSlot = frame.alloc(8);
        Reg from = gen.scalar(f.from());
        e.store(Size.DW, Reg.R10, slot, from);
        gen.regs().release(from);
        Reg to = gen.scalar(f.to());
        e.store(Size.DW, Reg.R10, limitSlot, to);
        gen.regs().release(to);
        Label top = e.label("for");
        Label next = e.label("fnext");
        Label exit = e.label("fend");
        e.mark(top);
        Reg i = gen.regs().take(f.span());
        Reg lim = gen.regs().take(f.span());
        e.load(Size.DW, i, Reg.R10, slot);
        e.load(Size.DW, lim, Reg.R10, limitSlot);
        e.jump(JumpOp.JSGE, i, lim, exit);
        gen.regs().release(lim);
        gen.regs().release(i);
        loops.push(new Loop(next, exit));
        block(f.body());
        loops.pop();
        e.mark(next);
        Reg j = gen.regs().take(f.span());
        e.load(Size.DW, j, Reg.R10, slot);
        e.aluImm(AluOp.ADD, j, 1);
        e.store(Size.DW, Reg.R10, slot, j);
        gen.regs().release(j);
        e.jumpTo(top);
        e.mark(exit);
    }

    /** Returns true for exit(), which ends the probe. */
    private boolean exprStatement(Expr x) {
        if (x instanceof Expr.Call c) {
            switch (c.name()) {
                case "printf" -> { events.printf(c); return false; }
                case "exit" -> { events.exit(c); e.jumpTo(end); return true; }
                case "print" -> { events.print(c); return false; }
                case "clear", "zero" -> { events.clear(c, c.name().equals("zero")); return false; }
                case "time" -> { events.time(c); return false; }
                case "delete" -> { gen.maps().delete(c); return false; }
                case "system", "cat", "signal", "override" -> { gen.symbols().action(c); return false; }
                case "join", "errorf", "warnf" -> { new OutputOps(gen, e, frame, gen.program()).handle(c); return false; }
                // Settled at compile time: nothing runs.
                case "fail", "static_assert" -> { return false; }
                default -> { }
            }
        }
        // c ? print("a") : print("b"); as a statement is an if/else of its two actions.
        if (x instanceof Expr.Ternary t && gen.typeOf(x) instanceof Type.Void) {
            Label otherwise = e.label("tern_else");
            Label done = e.label("tern_done");
            gen.condition(t.cond(), otherwise);
            boolean thenLeaves = exprStatement(t.then());
            if (!thenLeaves) e.jumpTo(done);
            e.mark(otherwise);
            boolean elseLeaves = exprStatement(t.otherwise());
            e.mark(done);
            return thenLeaves && elseLeaves;
        }
        if (gen.typeOf(x) instanceof Type.Void) {
            throw new CompileError(x.span(), "jtrace cannot generate code for this statement yet");
        }
        if (ProbeCodegen.isMemoryType(gen.typeOf(x))) {
            int mark = frame.mark();
            int slot = frame.alloc(TupleLayout.slotSize(gen.typeOf(x)));
            gen.write(x, Reg.R10, slot);
            frame.release(mark);
            return false;
        }
        gen.regs().release(gen.scalar(x));
        return false;
    }

    private void assign(Stmt.Assign a) {
        switch (a.target()) {
            case Expr.MapAccess m -> {
                if (a.op() == null && a.value() instanceof Expr.Call c && ProbeCodegen.isAggregation(gen.typeOf(a.value()))) {
                    gen.maps().aggregate(m, c, gen.typeOf(a.value()));
                } else if (a.op() == null) {
                    gen.maps().store(m, a.value());
                } else {
                    gen.maps().compound(m, a.op(), a.value());
                }
            }
            case Expr.Variable v -> {
                if (a.op() == null) {
                    assignVariable(v, a.value());
                } else {
                    int slot = gen.variableSlot(v);
                    Reg rhs = gen.scalar(a.value());
                    gen.arithmetic().scaleByElement(rhs, gen.variables().type(v), a.op());
                    Reg cur = gen.regs().take(a.span());
                    e.load(Size.DW, cur, Reg.R10, slot);
                    gen.arithmetic().arith(a.op(), cur, rhs, signedVar(v));
                    gen.regs().release(rhs);
                    e.store(Size.DW, Reg.R10, slot, cur);
                    gen.regs().release(cur);
                }
            }
            default -> throw new IllegalStateException("assignment target " + a.target());
        }
    }

    private boolean signedVar(Expr.Variable v) {
        return gen.variables().type(v) instanceof Type.Int i && i.signed();
    }

    private void assignVariable(Expr.Variable v, Expr value) {
        int slot = gen.variableSlot(v);
        Type varType = gen.variables().type(v);
        if (varType instanceof Type.Str s) {
            // A shorter string assigned into a longer slot must not leave the old tail behind.
            int valueSize = TupleLayout.slotSize(gen.typeOf(value));
            if (valueSize < TupleLayout.slotSize(s)) e.clear(Reg.R10, slot, TupleLayout.slotSize(s));
        }
        if (varType instanceof Type.Int i && i.bytes() < 8) {
            // A variable declared narrower (let $x: uint8) keeps only its own bits.
            Reg r = gen.scalar(value);
            e.extend(r, i.bytes(), i.signed());
            e.store(Size.DW, Reg.R10, slot, r);
            gen.regs().release(r);
            return;
        }
        gen.write(value, Reg.R10, slot);
    }
}
