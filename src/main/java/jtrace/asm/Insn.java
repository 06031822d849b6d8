package jtrace.asm;

/**
 * The instruction model code generation emits and the {@code Assembler} encodes. Jumps name
 * {@link Label}s, placed with {@link Mark}; map references name maps, resolved to file
 * descriptors when the program is loaded.
 */
public sealed interface Insn {

    /** {@code dst op= src}; {@code wide} selects BPF_ALU64 (true) or 32-bit BPF_ALU. NEG ignores src. */
    record Alu(AluOp op, boolean wide, Reg dst, Operand src) implements Insn {}

    /** Byte swap: BPF_END, to big ({@code toBigEndian}) or little endian, of 16, 32 or 64 bits. */
    record Endian(Reg dst, int bits, boolean toBigEndian) implements Insn {}

    /** {@code dst = imm64} (two-slot BPF_LD | BPF_IMM | BPF_DW). */
    record LoadImm64(Reg dst, long imm) implements Insn {}

    /** {@code dst = map fd of mapName} (ld_imm64 with src_reg BPF_PSEUDO_MAP_FD), patched at load time. */
    record LoadMapFd(Reg dst, String mapName) implements Insn {}

    /**
     * {@code dst = &value[offset]} of the single element of an array map (ld_imm64 with src_reg
     * BPF_PSEUDO_MAP_VALUE, imm = map fd patched at load time, second imm = offset): direct access
     * without a lookup call.
     */
    record LoadMapValue(Reg dst, String mapName, int offset) implements Insn {}

    /** {@code dst = *(size *)(src + off)} (BPF_LDX | BPF_MEM). */
    record Load(Size size, Reg dst, Reg src, short off) implements Insn {}

    /** {@code *(size *)(dst + off) = src} (BPF_STX | BPF_MEM). */
    record Store(Size size, Reg dst, short off, Reg src) implements Insn {}

    /** {@code *(size *)(dst + off) = imm} (BPF_ST | BPF_MEM). */
    record StoreImm(Size size, Reg dst, short off, int imm) implements Insn {}

    /** {@code lock *(size *)(dst + off) += src} (BPF_STX | BPF_ATOMIC, imm BPF_ADD); size W or DW. */
    record AtomicAdd(Size size, Reg dst, short off, Reg src) implements Insn {}

    /** {@code if dst op src goto target}; {@code wide} false for BPF_JMP32. */
    record Jump(JumpOp op, boolean wide, Reg dst, Operand src, Label target) implements Insn {}

    /** {@code goto target} (BPF_JA). */
    record Goto(Label target) implements Insn {}

    /** {@code call helper} by its BPF_FUNC_* number. */
    record Call(int helper) implements Insn {}

    /** {@code exit}: return R0. */
    record Exit() implements Insn {}

    /** {@code call target}: a BPF-to-BPF call of the subprogram at a label (src_reg BPF_PSEUDO_CALL, imm = relative slot offset). */
    record CallLocal(Label target) implements Insn {}

    /**
     * {@code dst = address of the subprogram at target} (ld_imm64 with src_reg BPF_PSEUDO_FUNC, imm =
     * relative slot offset), e.g. the callback argument of bpf_for_each_map_elem.
     */
    record LoadFunc(Reg dst, Label target) implements Insn {}

    /** Places a label at the next instruction; encodes to nothing. */
    record Mark(Label label) implements Insn {}
}
