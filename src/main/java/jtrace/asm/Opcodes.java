package jtrace.asm;

/**
 * Instruction encoding constants, named and valued as in linux/bpf_common.h and linux/bpf.h.
 * The field masks mirror the header's BPF_CLASS / BPF_SIZE / BPF_MODE / BPF_OP / BPF_SRC macros.
 */
final class Opcodes {
    private Opcodes() {}

    // Instruction classes (bpf_common.h; BPF_JMP32 and BPF_ALU64 from bpf.h).
    static final int BPF_LD = 0x00;
    static final int BPF_LDX = 0x01;
    static final int BPF_ST = 0x02;
    static final int BPF_STX = 0x03;
    static final int BPF_ALU = 0x04;
    static final int BPF_JMP = 0x05;
    static final int BPF_JMP32 = 0x06;
    static final int BPF_ALU64 = 0x07;

    // ld/ldx sizes.
    static final int BPF_W = 0x00;
    static final int BPF_H = 0x08;
    static final int BPF_B = 0x10;
    static final int BPF_DW = 0x18;

    // ld/ldx/st/stx modes.
    static final int BPF_IMM = 0x00;
    static final int BPF_ABS = 0x20;
    static final int BPF_IND = 0x40;
    static final int BPF_MEM = 0x60;
    static final int BPF_MEMSX = 0x80; // sign-extending load, bpf.h of kernel 6.6+
    static final int BPF_ATOMIC = 0xc0;

    // alu ops (the rest are AluOp codes).
    static final int BPF_ADD = 0x00;
    static final int BPF_DIV = 0x30;
    static final int BPF_AND = 0x50;
    static final int BPF_OR = 0x40;
    static final int BPF_NEG = 0x80;
    static final int BPF_MOD = 0x90;
    static final int BPF_XOR = 0xa0;
    static final int BPF_MOV = 0xb0;
    static final int BPF_END = 0xd0;
    static final int BPF_TO_LE = 0x00;
    static final int BPF_TO_BE = 0x08;

    // atomic op modifiers (imm of BPF_STX | BPF_ATOMIC).
    static final int BPF_FETCH = 0x01;
    static final int BPF_XCHG = 0xe0 | BPF_FETCH;
    static final int BPF_CMPXCHG = 0xf0 | BPF_FETCH;

    // jmp ops (conditional ones are JumpOp codes).
    static final int BPF_JA = 0x00;
    static final int BPF_CALL = 0x80;
    static final int BPF_EXIT = 0x90;

    // source operand.
    static final int BPF_K = 0x00;
    static final int BPF_X = 0x08;

    // src_reg markers of ld_imm64 and call.
    static final int BPF_PSEUDO_MAP_FD = 1;
    static final int BPF_PSEUDO_MAP_VALUE = 2;
    static final int BPF_PSEUDO_MAP_IDX = 5;
    static final int BPF_PSEUDO_FUNC = 4;
    static final int BPF_PSEUDO_CALL = 1;
    static final int BPF_PSEUDO_KFUNC_CALL = 2;

    /** Size of one {@code struct bpf_insn}: an instruction slot. */
    static final int INSN_SIZE = 8;

    static int bpfClass(int code) { return code & 0x07; }

    static int bpfSize(int code) { return code & 0x18; }

    static int bpfMode(int code) { return code & 0xe0; }

    static int bpfOp(int code) { return code & 0xf0; }

    static int bpfSrc(int code) { return code & 0x08; }
}
