package jtrace.codegen;

import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Events for user space (printf, exit, print, clear, time): each a ring buffer record reserved,
 * filled in place and submitted. A full ring buffer bumps the lost-event counter instead.
 */
final class EventOps {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final ProgramContext program;

    EventOps(ProbeCodegen gen, Emitter e, Frame frame, ProgramContext program) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.program = program;
    }

    void printf(Expr.Call c) {
        formatted(c, EventSpec.Printf::new);
    }

    /** What a formatted record's event is, given its format, its arguments' layout and its size. */
    interface FormattedEvent {
        EventSpec of(String format, List<EventSpec.Arg> layout, int size);
    }

    /** A record of a printf-style call (format, then arguments): its arguments written in place after the id. */
    void formatted(Expr.Call c, FormattedEvent event) {
        String format = ((Expr.StrLit) c.args().getFirst()).value();
        List<Expr> args = c.args().subList(1, c.args().size());
        List<EventSpec.Arg> layout = new ArrayList<>();
        int off = 8;
        for (Expr a : args) {
            Type t = gen.typeOf(a);
            layout.add(new EventSpec.Arg(off, t));
            off += TupleLayout.slotSize(t);
        }
        int size = off;
        int id = program.addEvent(event.of(format, layout, size));
        emit(id, size, c, rec -> {
            for (int i = 0; i < args.size(); i++) gen.write(args.get(i), rec, layout.get(i).offset());
        });
    }

    void exit(Expr.Call c) {
        int id = program.addEvent(new EventSpec.Exit());
        emit(id, 16, c, rec -> {
            if (c.args().isEmpty()) {
                e.storeImm(Size.DW, rec, 8, 0);
            } else {
                gen.write(c.args().getFirst(), rec, 8);
            }
        });
    }

    void print(Expr.Call c) {
        Expr first = c.args().getFirst();
        if (first instanceof Expr.MapAccess m && m.keys().isEmpty()) {
            long top = c.args().size() > 1 ? literal(c.args().get(1)) : 0;
            long div = c.args().size() > 2 ? literal(c.args().get(2)) : 0;
            int id = program.addEvent(new EventSpec.PrintMap(m.name(), top, div));
            emit(id, 8, c, rec -> { });
            return;
        }
        if (c.args().size() > 1) throw new CompileError(c.span(), "print() of a value takes one argument");
        Type t = gen.typeOf(first);
        int id = program.addEvent(new EventSpec.PrintValue(t));
        emit(id, 8 + TupleLayout.slotSize(t), c, rec -> gen.write(first, rec, 8));
    }

    void clear(Expr.Call c, boolean zero) {
        Expr.MapAccess m = (Expr.MapAccess) c.args().getFirst();
        int id = program.addEvent(new EventSpec.ClearMap(m.name(), zero));
        emit(id, 8, c, rec -> { });
    }

    void time(Expr.Call c) {
        String fmt = c.args().isEmpty() ? "%H:%M:%S\n" : ((Expr.StrLit) c.args().getFirst()).value();
        int id = program.addEvent(new EventSpec.Time(fmt));
        emit(id, 8, c, rec -> { });
    }

    private static long literal(Expr x) {
        if (x instanceof Expr.IntLit i) return i.value();
        throw new CompileError(x.span(), "print() arguments after the map must be integer literals");
    }

    /** Reserves {@code size} bytes, writes the event id, lets {@code fill} write the payload, submits. */
    void emit(int id, int size, Expr.Call c, Consumer<Reg> fill) {
        e.mapFd(Reg.R1, CompiledProgram.RINGBUF);
        e.movImm(Reg.R2, size);
        e.movImm(Reg.R3, 0);
        e.call(BpfHelper.RINGBUF_RESERVE);
        Label lost = e.label("lost");
        Label done = e.label("sent");
        e.jumpImm(JumpOp.JEQ, Reg.R0, 0, lost);
        Reg rec = gen.regs().take(c.span());
        e.mov(rec, Reg.R0);
        e.storeImm(Size.DW, rec, 0, id);
        fill.accept(rec);
        e.mov(Reg.R1, rec);
        e.movImm(Reg.R2, 0);
        e.call(BpfHelper.RINGBUF_SUBMIT);
        gen.regs().release(rec);
        e.jumpTo(done);
        e.mark(lost);
        ErrorCounter.bump(e, CompiledProgram.LOST_EVENTS);
        e.mark(done);
    }

}
