package jtrace.asm;

/** ALU operations with their BPF_OP codes (linux/bpf_common.h; BPF_MOV, BPF_ARSH in bpf.h). */
public enum AluOp {
    ADD(0x00), SUB(0x10), MUL(0x20), DIV(0x30), OR(0x40), AND(0x50), LSH(0x60), RSH(0x70),
    NEG(0x80), MOD(0x90), XOR(0xa0), MOV(0xb0), ARSH(0xc0);

    public final int code;

    AluOp(int code) { this.code = code; }
}
