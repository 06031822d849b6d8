package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.sema.ProbeTarget;


/**
 * join() and errorf()/warnf(): ring buffer records like printf's. join reads the array's strings
 * straight into its record, up to bpftrace's limits (16 strings of 1024 bytes), stopping at the
 * first NULL pointer; the record carries how many it read.
 */
final class OutputOps {
    /** bpftrace's join_argnum and join_argsize. */
    static final int JOIN_ARGS = 16;
    static final int JOIN_ARG_BYTES = 1024;

    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;
    private final ProgramContext program;

    OutputOps(ProbeCodegen gen, Emitter e, Frame frame, ProgramContext program) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
        this.program = program;
    }

    void handle(Expr.Call c) {
        switch (c.name()) {
            case "join" -> join(c);
            case "errorf" -> message(c, EventSpec.Message.Level.ERROR);
            case "warnf" -> message(c, EventSpec.Message.Level.WARNING);
            default -> throw new IllegalStateException(c.name());
        }
    }

    private void join(Expr.Call c) {
        String sep = c.args().size() > 1 ? ((Expr.StrLit) c.args().get(1)).value() : " ";
        EventSpec.Join spec = new EventSpec.Join(sep, JOIN_ARGS, JOIN_ARG_BYTES);
        int id = program.addEvent(spec);
        boolean user = userSpace();
        Reg arr = gen.scalar(c.args().getFirst());
        int mark = frame.mark();
        int ptrSlot = frame.alloc(8);
        new EventOps(gen, e, frame, program).emit(id, spec.size(), c, rec -> {
            Label done = e.label("join_done");
            e.storeImm(Size.DW, rec, 8, 0);
            for (int i = 0; i < JOIN_ARGS; i++) {
                // The i-th pointer of the array; a failed read or NULL ends the list.
                e.stackAddr(Reg.R1, ptrSlot);
                e.movImm(Reg.R2, 8);
                e.mov(Reg.R3, arr);
                if (i > 0) e.aluImm(AluOp.ADD, Reg.R3, 8 * i);
                e.call(user ? BpfHelper.PROBE_READ_USER : BpfHelper.PROBE_READ_KERNEL);
                e.jumpImm(JumpOp.JNE, Reg.R0, 0, done);
                e.load(Size.DW, Reg.R3, Reg.R10, ptrSlot);
                e.jumpImm(JumpOp.JEQ, Reg.R3, 0, done);
                e.addr(Reg.R1, rec, EventSpec.Join.HEADER + i * JOIN_ARG_BYTES);
                e.movImm(Reg.R2, JOIN_ARG_BYTES);
                // On failure the helper zeroes the slot: an unreadable string joins as "".
                e.call(user ? BpfHelper.PROBE_READ_USER_STR : BpfHelper.PROBE_READ_KERNEL_STR);
                e.storeImm(Size.DW, rec, 8, i + 1);
            }
            e.mark(done);
        });
        frame.release(mark);
        gen.regs().release(arr);
    }

    /** As str(): pointers are user-space ones except in tracepoints whose fields point into the kernel. */
    private boolean userSpace() {
        return !(gen.target() instanceof ProbeTarget.Tracepoint tp) || tp.userPointers();
    }

    private void message(Expr.Call c, EventSpec.Message.Level level) {
        new EventOps(gen, e, frame, program).formatted(c, (format, layout, size) ->
                new EventSpec.Message(level, format, layout, size, program.checked().source(), c.span()));
    }
}
