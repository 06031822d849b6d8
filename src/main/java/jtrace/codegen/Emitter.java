package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Insn;
import jtrace.asm.JumpOp;
import jtrace.asm.Label;
import jtrace.asm.Operand;
import jtrace.asm.Reg;
import jtrace.asm.Size;

import java.util.ArrayList;
import java.util.List;

/** Appends instructions; short names for the forms code generation uses most. */
final class Emitter {
    private final List<Insn> insns = new ArrayList<>();
    private int labels;

    List<Insn> insns() { return insns; }

    Label label(String hint) { return new Label(hint + "_" + labels++); }

    void mark(Label l) { insns.add(new Insn.Mark(l)); }

    void mov(Reg dst, Reg src) {
        if (dst != src) insns.add(new Insn.Alu(AluOp.MOV, true, dst, Operand.of(src)));
    }

    void movImm(Reg dst, long value) {
        if (value == (int) value) insns.add(new Insn.Alu(AluOp.MOV, true, dst, Operand.of((int) value)));
        else insns.add(new Insn.LoadImm64(dst, value));
    }

    void alu(AluOp op, Reg dst, Reg src) { insns.add(new Insn.Alu(op, true, dst, Operand.of(src))); }

    void neg(Reg dst) { insns.add(new Insn.Alu(AluOp.NEG, true, dst, Operand.of(0))); }

    void aluImm(AluOp op, Reg dst, int imm) { insns.add(new Insn.Alu(op, true, dst, Operand.of(imm))); }

    /** Truncates to {@code bytes} and sign- or zero-extends back to 64 bits. */
    void extend(Reg r, int bytes, boolean signed) {
        if (bytes >= 8) return;
        int shift = 64 - bytes * 8;
        aluImm(AluOp.LSH, r, shift);
        aluImm(signed ? AluOp.ARSH : AluOp.RSH, r, shift);
    }

    /** {@code r = r != 0}. */
    void normalizeBool(Reg r) {
        Label zero = label("bool0");
        jumpImm(JumpOp.JEQ, r, 0, zero);
        movImm(r, 1);
        mark(zero);
    }

    /** Reverses the low {@code bits} (16, 32, 64) bytes of dst, zero-extending: BPF_END to big endian on a little-endian CPU. */
    void byteSwap(Reg dst, int bits) { insns.add(new Insn.Endian(dst, bits, true)); }

    /** {@code dst = (u32) dst}: a 32-bit move zero-extends. */
    void zeroExtend32(Reg dst) { insns.add(new Insn.Alu(AluOp.MOV, false, dst, Operand.of(dst))); }

    void load(Size size, Reg dst, Reg base, int off) { insns.add(new Insn.Load(size, dst, base, (short) off)); }

    void store(Size size, Reg base, int off, Reg src) { insns.add(new Insn.Store(size, base, (short) off, src)); }

    void storeImm(Size size, Reg base, int off, int imm) { insns.add(new Insn.StoreImm(size, base, (short) off, imm)); }

    void atomicAdd(Reg base, int off, Reg src) { insns.add(new Insn.AtomicAdd(Size.DW, base, (short) off, src)); }

    void jump(JumpOp op, Reg dst, Reg src, Label target) {
        insns.add(new Insn.Jump(op, true, dst, Operand.of(src), target));
    }

    void jumpImm(JumpOp op, Reg dst, int imm, Label target) {
        insns.add(new Insn.Jump(op, true, dst, Operand.of(imm), target));
    }

    void jumpTo(Label target) { insns.add(new Insn.Goto(target)); }

    /**
     * Ends a two-way branch with a 0/1 value: {@code out} is {@code whenJumped} on the path that
     * jumped to {@code jumped}, the other value on the path falling through to here.
     */
    void joinBool(Reg out, Label jumped, boolean whenJumped) {
        Label done = label("bool_done");
        movImm(out, whenJumped ? 0 : 1);
        jumpTo(done);
        mark(jumped);
        movImm(out, whenJumped ? 1 : 0);
        mark(done);
    }

    /** {@code out = (x op imm) ? whenTaken : !whenTaken} as 0/1, in three instructions; out must not be x. */
    void setBool(Reg out, JumpOp op, Reg x, int imm, boolean whenTaken) {
        Label taken = label("bool_set");
        movImm(out, whenTaken ? 1 : 0);
        jumpImm(op, x, imm, taken);
        movImm(out, whenTaken ? 0 : 1);
        mark(taken);
    }

    void call(BpfHelper helper) { insns.add(new Insn.Call(helper.id())); }

    void mapFd(Reg dst, String map) { insns.add(new Insn.LoadMapFd(dst, map)); }

    /** {@code dst = &value[offset]} of a one-element array map, without a lookup. */
    void mapValue(Reg dst, String map, int offset) { insns.add(new Insn.LoadMapValue(dst, map, offset)); }

    /** {@code dst = r10 + off}: the address of a stack slot. */
    void stackAddr(Reg dst, int off) {
        mov(dst, Reg.R10);
        aluImm(AluOp.ADD, dst, off);
    }

    /** {@code dst = base + off}. */
    void addr(Reg dst, Reg base, int off) {
        mov(dst, base);
        if (off != 0) aluImm(AluOp.ADD, dst, off);
    }

    void exitWith(int code) {
        movImm(Reg.R0, code);
        insns.add(new Insn.Exit());
    }

    /** Stores {@code size} zero bytes (a multiple of 8) at base+off. */
    void zero(Reg base, int off, int size) {
        for (int i = 0; i < size; i += 8) storeImm(Size.DW, base, off + i, 0);
    }

    /** From this size on, {@link #clear} zeroes with one helper call instead of a store per word. */
    static final int CLEAR_BY_HELPER = 256;

    /**
     * Zeroes {@code size} bytes (a multiple of 8) at base+off, clobbering R0-R5. A large buffer (a
     * 1024-byte string key) is zeroed by bpf_probe_read_kernel from address 0: the read is refused
     * without a fault (it is below the kernel's range) and the helper then zeroes its destination.
     */
    void clear(Reg base, int off, int size) {
        if (size < CLEAR_BY_HELPER) {
            zero(base, off, size);
            return;
        }
        addr(Reg.R1, base, off);
        movImm(Reg.R2, size);
        movImm(Reg.R3, 0);
        call(BpfHelper.PROBE_READ_KERNEL);
    }

    /**
     * Copies like {@link #copy}, but a large buffer with one bpf_probe_read_kernel call (clobbering
     * R0-R5; {@code src} may be R0, {@code dst} not R1-R3).
     */
    void copyAny(Reg dst, int dstOff, Reg src, int srcOff, int size, Reg tmp) {
        if (size < CLEAR_BY_HELPER) {
            copy(dst, dstOff, src, srcOff, size, tmp);
            return;
        }
        addr(Reg.R3, src, srcOff);
        addr(Reg.R1, dst, dstOff);
        movImm(Reg.R2, size);
        call(BpfHelper.PROBE_READ_KERNEL);
    }

    /** Copies {@code size} bytes (a multiple of 8) between two 8-aligned buffers through {@code tmp}. */
    void copy(Reg dst, int dstOff, Reg src, int srcOff, int size, Reg tmp) {
        for (int i = 0; i < size; i += 8) {
            load(Size.DW, tmp, src, srcOff + i);
            store(Size.DW, dst, dstOff + i, tmp);
        }
    }
}
