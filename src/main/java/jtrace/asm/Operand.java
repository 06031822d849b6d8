package jtrace.asm;

/** The source operand of an ALU or jump instruction: a register (BPF_X) or a 32-bit immediate (BPF_K). */
public sealed interface Operand {
    record R(Reg reg) implements Operand {}

    record Imm(int value) implements Operand {}

    static Operand of(Reg r) { return new R(r); }

    static Operand of(int imm) { return new Imm(imm); }
}
