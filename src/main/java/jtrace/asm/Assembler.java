package jtrace.asm;

import static jtrace.asm.Opcodes.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link Insn}s into kernel {@code struct bpf_insn}s: code u8, dst_reg in the low and
 * src_reg in the high nibble of the next byte, off s16, imm s32, all little-endian. Jump offsets
 * count 8-byte slots from the instruction after the jump; ld_imm64 takes two slots.
 * Bad label use is a code generator bug and fails with an {@link IllegalStateException};
 * an instruction that cannot be encoded fails with an {@link IllegalArgumentException}.
 */
public final class Assembler {
    private Assembler() {}

    public static Assembled assemble(List<Insn> insns) {
        Map<Label, Integer> labels = placeLabels(insns);
        int slots = slotsOf(insns);
        ByteBuffer out = ByteBuffer.allocate(slots * INSN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        List<MapRelocation> relocations = new ArrayList<>();
        int slot = 0;
        for (int i = 0; i < insns.size(); i++) {
            Insn insn = insns.get(i);
            try {
                if (insn instanceof Insn.LoadMapFd m) relocations.add(new MapRelocation(slot, m.mapName()));
                if (insn instanceof Insn.LoadMapValue m) relocations.add(new MapRelocation(slot, m.mapName()));
                encode(insn, slot, labels, slots, out);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("instruction " + i + " (" + insn + "): " + e.getMessage(), e);
            }
            slot += slotsOf(insn);
        }
        return new Assembled(out.array(), relocations);
    }

    private static int slotsOf(Insn insn) {
        return switch (insn) {
            case Insn.LoadImm64 _, Insn.LoadMapFd _, Insn.LoadMapValue _, Insn.LoadFunc _ -> 2;
            case Insn.Mark _ -> 0;
            default -> 1;
        };
    }

    private static int slotsOf(List<Insn> insns) {
        int n = 0;
        for (Insn i : insns) n += slotsOf(i);
        return n;
    }

    /** Slot of each label; a label may be placed only once. */
    private static Map<Label, Integer> placeLabels(List<Insn> insns) {
        Map<Label, Integer> at = new IdentityHashMap<>();
        int slot = 0;
        for (Insn insn : insns) {
            if (insn instanceof Insn.Mark(Label l) && at.put(l, slot) != null) {
                throw new IllegalStateException("label '" + l.name() + "' is placed more than once");
            }
            slot += slotsOf(insn);
        }
        return at;
    }

    private static void encode(Insn insn, int slot, Map<Label, Integer> labels, int slots, ByteBuffer out) {
        switch (insn) {
            case Insn.Alu(AluOp op, boolean wide, Reg dst, Operand src) -> encodeAlu(op, wide, dst, src, out);
            case Insn.Endian(Reg dst, int bits, boolean toBigEndian) -> {
                if (bits != 16 && bits != 32 && bits != 64) {
                    throw new IllegalArgumentException("byte swap of " + bits + " bits (must be 16, 32 or 64)");
                }
                put(out, BPF_ALU | BPF_END | (toBigEndian ? BPF_TO_BE : BPF_TO_LE), dst, 0, 0, bits);
            }
            case Insn.LoadImm64(Reg dst, long imm) -> {
                put(out, BPF_LD | BPF_IMM | BPF_DW, dst, 0, 0, (int) imm);
                put(out, 0, 0, 0, 0, (int) (imm >>> 32));
            }
            case Insn.LoadMapFd(Reg dst, String mapName) -> {
                // imm stays 0 until Assembled.withMapFds knows the fd.
                put(out, BPF_LD | BPF_IMM | BPF_DW, dst.number(), BPF_PSEUDO_MAP_FD, 0, 0);
                put(out, 0, 0, 0, 0, 0);
            }
            case Insn.LoadMapValue(Reg dst, String mapName, int offset) -> {
                if (offset < 0) throw new IllegalArgumentException("negative map value offset " + offset);
                // imm (the fd) stays 0 until Assembled.withMapFds knows it; the offset is final.
                put(out, BPF_LD | BPF_IMM | BPF_DW, dst.number(), BPF_PSEUDO_MAP_VALUE, 0, 0);
                put(out, 0, 0, 0, 0, offset);
            }
            case Insn.Load(Size size, Reg dst, Reg src, short off) ->
                    put(out, BPF_LDX | size.code | BPF_MEM, dst.number(), src.number(), off, 0);
            case Insn.Store(Size size, Reg dst, short off, Reg src) ->
                    put(out, BPF_STX | size.code | BPF_MEM, dst.number(), src.number(), off, 0);
            case Insn.StoreImm(Size size, Reg dst, short off, int imm) ->
                    put(out, BPF_ST | size.code | BPF_MEM, dst.number(), 0, off, imm);
            case Insn.AtomicAdd(Size size, Reg dst, short off, Reg src) -> {
                if (size != Size.W && size != Size.DW) {
                    throw new IllegalArgumentException("atomic add needs size W or DW, not " + size);
                }
                put(out, BPF_STX | size.code | BPF_ATOMIC, dst.number(), src.number(), off, BPF_ADD);
            }
            case Insn.Jump(JumpOp op, boolean wide, Reg dst, Operand src, Label target) -> {
                int off = offsetTo(target, slot, labels, slots);
                int cls = wide ? BPF_JMP : BPF_JMP32;
                switch (src) {
                    case Operand.R(Reg r) -> put(out, cls | op.code | BPF_X, dst.number(), r.number(), off, 0);
                    case Operand.Imm(int v) -> put(out, cls | op.code | BPF_K, dst.number(), 0, off, v);
                }
            }
            case Insn.Goto(Label target) ->
                    put(out, BPF_JMP | BPF_JA, 0, 0, offsetTo(target, slot, labels, slots), 0);
            case Insn.Call(int helper) -> put(out, BPF_JMP | BPF_CALL, 0, 0, 0, helper);
            case Insn.Exit() -> put(out, BPF_JMP | BPF_EXIT, 0, 0, 0, 0);
            case Insn.CallLocal(Label target) ->
                    put(out, BPF_JMP | BPF_CALL, 0, BPF_PSEUDO_CALL, 0, offsetTo(target, slot, labels, slots));
            case Insn.LoadFunc(Reg dst, Label target) -> {
                put(out, BPF_LD | BPF_IMM | BPF_DW, dst.number(), BPF_PSEUDO_FUNC, 0, offsetTo(target, slot, labels, slots));
                put(out, 0, 0, 0, 0, 0);
            }
            case Insn.Mark _ -> { }
        }
    }

    private static void encodeAlu(AluOp op, boolean wide, Reg dst, Operand src, ByteBuffer out) {
        int cls = wide ? BPF_ALU64 : BPF_ALU;
        if (op == AluOp.NEG) {
            // The verifier wants NEG as BPF_K with src_reg, off and imm all zero.
            put(out, cls | op.code | BPF_K, dst.number(), 0, 0, 0);
            return;
        }
        boolean movsx = op == AluOp.MOVSX8 || op == AluOp.MOVSX16 || op == AluOp.MOVSX32;
        if (movsx && !(src instanceof Operand.R)) {
            throw new IllegalArgumentException(op + " needs a register source");
        }
        if (op == AluOp.MOVSX32 && !wide) throw new IllegalArgumentException("MOVSX32 exists only as 64-bit ALU");
        switch (src) {
            case Operand.R(Reg r) -> put(out, cls | op.code | BPF_X, dst.number(), r.number(), op.off, 0);
            case Operand.Imm(int v) -> put(out, cls | op.code | BPF_K, dst.number(), 0, op.off, v);
        }
    }

    /** Jump offset from the slot after {@code slot} to {@code target}, checked to fit an s16. */
    private static int offsetTo(Label target, int slot, Map<Label, Integer> labels, int slots) {
        Integer to = labels.get(target);
        if (to == null) throw new IllegalStateException("jump to label '" + target.name() + "' which is never placed");
        if (to >= slots) {
            throw new IllegalStateException("jump to label '" + target.name()
                    + "' which is placed after the last instruction");
        }
        int off = to - (slot + 1);
        if (off < Short.MIN_VALUE || off > Short.MAX_VALUE) {
            throw new IllegalStateException("jump from slot " + slot + " to label '" + target.name() + "' spans "
                    + off + " slots, beyond the 16-bit offset range");
        }
        return off;
    }

    private static void put(ByteBuffer out, int code, Reg dst, int src, int off, int imm) {
        put(out, code, dst.number(), src, off, imm);
    }

    private static void put(ByteBuffer out, int code, int dst, int src, int off, int imm) {
        out.put((byte) code);
        out.put((byte) ((src << 4) | dst));
        out.putShort((short) off);
        out.putInt(imm);
    }
}
