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
import jtrace.sema.ProbeTarget;
import jtrace.sema.TracepointField;
import jtrace.types.TupleLayout;
import jtrace.types.Type;

/** Strings: written into their destination by the helper that produces them, and compared byte by byte. */
final class StringOps {
    private final ProbeCodegen gen;
    private final Emitter e;
    private final Frame frame;

    StringOps(ProbeCodegen gen, Emitter e, Frame frame) {
        this.gen = gen;
        this.e = e;
        this.frame = frame;
    }

    void write(Expr x, Type.Str t, Reg base, int off) {
        switch (x) {
            case Expr.StrLit s -> literal(ProbeCodegen.utf8(s.value()), t.capacity(), base, off);
            case Expr.Positional p -> literal(ProbeCodegen.utf8(gen.program().positionalString(p.index())), t.capacity(), base, off);
            case Expr.Ident id when id.name().equals("comm") -> {
                e.addr(Reg.R1, base, off);
                e.movImm(Reg.R2, 16);
                e.call(BpfHelper.GET_CURRENT_COMM);
            }
            case Expr.Ident id when id.name().equals("probe") ->
                    literal(ProbeCodegen.utf8(gen.target().name()), t.capacity(), base, off);
            case Expr.Ident id when id.name().equals("probetype") ->
                    literal(ProbeCodegen.utf8(jtrace.sema.Builtins.probeType(gen.target())), t.capacity(), base, off);
            case Expr.Ident id when id.name().equals("func") && gen.target() instanceof ProbeTarget.Uprobe u ->
                    literal(ProbeCodegen.utf8(u.function()), t.capacity(), base, off);
            case Expr.Ident id when id.name().equals("func") && gen.target() instanceof ProbeTarget.Kernel k ->
                    literal(ProbeCodegen.utf8(KernelProbeArgs.functionName(k)), t.capacity(), base, off);
            case Expr.Call c when c.name().equals("str") -> str(c, t, base, off);
            case Expr.Call c when c.name().equals("path") -> new PathOps(gen, e).write(c, t, base, off);
            case Expr.Call c when c.name().equals("getopt") ->
                    write(jtrace.sema.NamedParams.value(c, gen.program().checked().options()), t, base, off);
            case Expr.FieldAccess f when gen.structs().isMemory(f) -> gen.structs().readString(f, t, base, off);
            case Expr.Index i when gen.structs().isMemory(i) -> gen.structs().readString(i, t, base, off);
            case Expr.FieldAccess f -> argsString(f, t, base, off);
            case Expr.MapAccess m -> gen.maps().readInto(m, base, off, TupleLayout.slotSize(t));
            case Expr.Ternary tern -> ternary(tern, TupleLayout.slotSize(t), base, off);
            default -> throw new CompileError(x.span(), "jtrace cannot produce this string value yet");
        }
    }

    /** A ternary of in-memory values (strings, tuples): the chosen one written into the zeroed slot. */
    void ternary(Expr.Ternary tern, int slotSize, Reg base, int off) {
        Label otherwise = e.label("tern_else");
        Label done = e.label("tern_done");
        gen.condition(tern.cond(), otherwise);
        e.clear(base, off, slotSize);
        gen.write(tern.then(), base, off);
        e.jumpTo(done);
        e.mark(otherwise);
        e.clear(base, off, slotSize);
        gen.write(tern.otherwise(), base, off);
        e.mark(done);
    }

    /** Stores the bytes and a terminator, zero-padded to the slot, four bytes per store. */
    private void literal(byte[] bytes, int capacity, Reg base, int off) {
        int slot = (capacity + 7) / 8 * 8;
        byte[] padded = new byte[slot];
        System.arraycopy(bytes, 0, padded, 0, Math.min(bytes.length, capacity - 1));
        int stored = slot;
        if (slot >= Emitter.CLEAR_BY_HELPER) {
            // A short literal in a large slot (str($1) of max_strlen bytes): clear it, then store the text only.
            e.clear(base, off, slot);
            stored = Math.min(slot, (Math.min(bytes.length, capacity - 1) + 1 + 7) / 8 * 8);
        }
        for (int i = 0; i < stored; i += 4) {
            int word = (padded[i] & 0xff) | (padded[i + 1] & 0xff) << 8 | (padded[i + 2] & 0xff) << 16 | (padded[i + 3] & 0xff) << 24;
            e.storeImm(Size.W, base, off + i, word);
        }
    }

    private void str(Expr.Call c, Type.Str t, Reg base, int off) {
        Expr src = c.args().getFirst();
        if (src instanceof Expr.Positional p) {
            literal(ProbeCodegen.utf8(gen.program().positionalString(p.index())), t.capacity(), base, off);
            return;
        }
        jtrace.sema.PositionalOffset po = jtrace.sema.PositionalOffset.of(src);
        if (po != null) {
            byte[] text = ProbeCodegen.utf8(gen.program().positionalString(po.param().index()));
            literal(java.util.Arrays.copyOfRange(text, (int) po.offset().value(), text.length), t.capacity(), base, off);
            return;
        }
        if (gen.typeOf(src) instanceof Type.Str) {
            gen.write(src, base, off);
            return;
        }
        Reg ptr;
        Reg len = null;
        if (c.args().size() == 2 && !(c.args().get(1) instanceof Expr.IntLit)) {
            // A run-time length: clamp to the buffer so the verifier sees a bounded size.
            Reg[] pl = gen.scalarPair(src, c.args().get(1));
            ptr = pl[0];
            len = pl[1];
            Label ok = e.label("len_ok");
            e.aluImm(AluOp.ADD, len, 1);
            e.jumpImm(JumpOp.JLE, len, t.capacity(), ok);
            e.movImm(len, t.capacity());
            e.mark(ok);
        } else {
            ptr = gen.scalar(src);
        }
        e.addr(Reg.R1, base, off);
        if (len != null) e.mov(Reg.R2, len);
        else e.movImm(Reg.R2, t.capacity());
        e.mov(Reg.R3, ptr);
        e.call(userSpace() ? BpfHelper.PROBE_READ_USER_STR : BpfHelper.PROBE_READ_KERNEL_STR);
        if (len != null) gen.regs().release(len);
        gen.regs().release(ptr);
    }

    /** Pointers in syscall tracepoints (and in begin/end, interval...) are user-space ones. */
    private boolean userSpace() {
        // kprobe, fentry and iter pointers point into the kernel, as in bpftrace; watchpoints may be user ones.
        if (gen.target() instanceof ProbeTarget.Kernel k && !(k instanceof jtrace.sema.WatchpointTarget)) return false;
        return !(gen.target() instanceof ProbeTarget.Tracepoint tp) || tp.userPointers();
    }

    private void argsString(Expr.FieldAccess f, Type.Str t, Reg base, int off) {
        TracepointField field = gen.argsField(f);
        if (field.dataLoc()) {
            // __data_loc: the u32 holds the data's offset in the record (low half) and length (high half).
            e.load(Size.W, Reg.R3, ProbeCodegen.CTX, field.offset());
            e.aluImm(AluOp.AND, Reg.R3, 0xffff);
            e.alu(AluOp.ADD, Reg.R3, ProbeCodegen.CTX);
            e.addr(Reg.R1, base, off);
            e.movImm(Reg.R2, t.capacity());
            e.call(BpfHelper.PROBE_READ_KERNEL_STR);
            return;
        }
        e.addr(Reg.R1, base, off);
        e.movImm(Reg.R2, Math.min(field.arrayLen(), t.capacity()));
        e.addr(Reg.R3, ProbeCodegen.CTX, field.offset());
        e.call(BpfHelper.PROBE_READ_KERNEL);
    }

    /** Jumps to {@code no} when an {@code ==} or {@code !=} of strings is false. */
    void compare(Expr.Binary b, Label no) {
        boolean eq = b.op() == BinaryOp.EQ;
        Label differ = eq ? no : e.label("str_differ");
        Label equal = eq ? e.label("str_equal") : no;
        Expr left = b.left(), right = b.right();
        if (left instanceof Expr.StrLit) {
            Expr tmp = left;
            left = right;
            right = tmp;
        }
        int leftCap = ((Type.Str) gen.typeOf(left)).capacity();
        int a = gen.stringSlot(left);
        if (right instanceof Expr.StrLit lit) {
            byte[] bytes = ProbeCodegen.utf8(lit.value());
            int n = Math.min(bytes.length + 1, leftCap);
            for (int i = 0; i < n; i++) {
                int expected = i < bytes.length ? bytes[i] & 0xff : 0;
                e.load(Size.B, Reg.R1, Reg.R10, a + i);
                e.jumpImm(JumpOp.JNE, Reg.R1, expected, differ);
            }
        } else {
            int rightCap = ((Type.Str) gen.typeOf(right)).capacity();
            int c = gen.stringSlot(right);
            int n = Math.min(leftCap, rightCap);
            for (int i = 0; i < n; i++) {
                e.load(Size.B, Reg.R1, Reg.R10, a + i);
                e.load(Size.B, Reg.R2, Reg.R10, c + i);
                e.jump(JumpOp.JNE, Reg.R1, Reg.R2, differ);
                e.jumpImm(JumpOp.JEQ, Reg.R1, 0, equal);
            }
        }
        if (eq) {
            e.mark(equal);
        } else {
            e.jumpTo(no);
            e.mark(differ);
        }
    }

}
