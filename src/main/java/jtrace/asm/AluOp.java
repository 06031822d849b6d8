package jtrace.asm;

/**
 * ALU operations with their BPF_OP codes (linux/bpf_common.h; BPF_MOV, BPF_ARSH in bpf.h).
 * The signed variants (kernel 6.6+, "cpu v4") share an op code and are told apart by the
 * instruction's {@code off} field: 1 for SDIV/SMOD, the source width in bits for MOVSX.
 */
public enum AluOp {
    ADD(0x00), SUB(0x10), MUL(0x20), DIV(0x30), OR(0x40), AND(0x50), LSH(0x60), RSH(0x70),
    NEG(0x80), MOD(0x90), XOR(0xa0), MOV(0xb0), ARSH(0xc0),
    /** Signed division ({@code s/=}). */
    SDIV(0x30, 1),
    /** Signed modulo ({@code s%=}). */
    SMOD(0x90, 1),
    /** {@code dst = (s8)src}: move with sign extension from 8 bits; register source only. */
    MOVSX8(0xb0, 8),
    /** {@code dst = (s16)src}; register source only. */
    MOVSX16(0xb0, 16),
    /** {@code dst = (s32)src}; register source only, 64-bit (BPF_ALU64) only. */
    MOVSX32(0xb0, 32);

    public final int code;
    /** Value of the instruction's off field that selects this variant (0 for the plain ops). */
    public final int off;

    AluOp(int code) { this(code, 0); }

    AluOp(int code, int off) {
        this.code = code;
        this.off = off;
    }
}
