package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Reg;
import jtrace.asm.Size;
import jtrace.ast.Expr;
import jtrace.sema.ProbeTarget;
import jtrace.sema.TracepointField;
import jtrace.types.StructLayout;
import jtrace.types.Type;

/**
 * Writes {@code args} as a whole (see {@link jtrace.sema.WholeArgs}): the struct is zeroed, then
 * each member is read from the probe's context as {@code args.NAME} is and stored at its offset.
 * Tracepoint members come from the record (arrays copied with bpf_probe_read_kernel, which
 * takes any alignment); raw tracepoint members from the u64 argument array; uprobe members from
 * their argument registers; fentry and iterator members from the context's u64 words.
 */
final class WholeArgsWriter {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    WholeArgsWriter(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    void write(Expr.Ident args, Type.Struct s, Reg base, int off) {
        e.clear(base, off, s.size());
        for (StructLayout.Field f : s.layout().fields()) {
            int at = off + (int) f.byteOffset();
            switch (gen.target()) {
                case ProbeTarget.Tracepoint tp -> tracepointMember(tp, f, args, base, at);
                case ProbeTarget.RawTracepoint rt -> {
                    int index = 0;
                    while (!rt.args().get(index).name().equals(f.name())) index++;
                    Reg r = gen.regs().take(args.span());
                    e.load(Size.DW, r, ProbeCodegen.CTX, index * 8);
                    storeScalar(r, f.type(), base, at);
                }
                case ProbeTarget.Uprobe u -> {
                    Reg r = new UserProbeArgs(gen, e, frame).field(new Expr.FieldAccess(args, f.name(), false, args.span()));
                    storeScalar(r, f.type(), base, at);
                }
                case ProbeTarget.Kernel k -> {
                    // fentry args and iterator ctx: one u64 word of the context per member.
                    Reg r = new KernelProbeArgs(gen, e).field(new Expr.FieldAccess(args, f.name(), false, args.span()));
                    storeScalar(r, f.type(), base, at);
                }
                default -> throw new IllegalStateException("args of " + gen.target().name() + " is no whole value");
            }
        }
    }

    private void tracepointMember(ProbeTarget.Tracepoint tp, StructLayout.Field member, Expr.Ident args, Reg base, int at) {
        TracepointField f = tp.fields().stream().filter(x -> x.name().equals(member.name())).findFirst().orElseThrow();
        if (f.dataLoc()) {
            // The address of the data: the u32's low half is its offset in the record.
            Reg r = gen.regs().take(args.span());
            e.load(Size.W, r, ProbeCodegen.CTX, f.offset());
            e.aluImm(AluOp.AND, r, 0xffff);
            e.alu(AluOp.ADD, r, ProbeCodegen.CTX);
            e.store(Size.DW, base, at, r);
            gen.regs().release(r);
            return;
        }
        int size = member.type().size();
        boolean scalar = size == 1 || size == 2 || size == 4 || size == 8;
        if (scalar && !(member.type() instanceof Type.Str) && !(member.type() instanceof Type.Array)
                && f.size() == size && f.offset() % size == 0) {
            Reg r = gen.regs().take(args.span());
            e.load(Size.ofBytes(size), r, ProbeCodegen.CTX, f.offset());
            e.store(Size.ofBytes(size), base, at, r);
            gen.regs().release(r);
            return;
        }
        e.addr(Reg.R1, base, at);
        e.movImm(Reg.R2, Math.min(size, f.size()));
        e.addr(Reg.R3, ProbeCodegen.CTX, f.offset());
        e.call(BpfHelper.PROBE_READ_KERNEL);
    }

    /** Stores the low bytes of a register at the member's width (little-endian), and releases it. */
    private void storeScalar(Reg r, Type t, Reg base, int at) {
        int size = t.size();
        e.store(size == 1 || size == 2 || size == 4 ? Size.ofBytes(size) : Size.DW, base, at, r);
        gen.regs().release(r);
    }
}
