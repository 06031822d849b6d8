package jtrace.codegen;

import java.util.Map;

/**
 * Offsets of the registers in x86-64 {@code struct pt_regs} (arch/x86/include/uapi/asm/ptrace.h),
 * the context of uprobe programs (BPF_PROG_TYPE_KPROBE).
 */
final class PtRegs {
    private PtRegs() {}

    static final Map<String, Integer> OFFSETS = Map.ofEntries(
            Map.entry("r15", 0), Map.entry("r14", 8), Map.entry("r13", 16), Map.entry("r12", 24),
            Map.entry("rbp", 32), Map.entry("rbx", 40), Map.entry("r11", 48), Map.entry("r10", 56),
            Map.entry("r9", 64), Map.entry("r8", 72), Map.entry("rax", 80), Map.entry("rcx", 88),
            Map.entry("rdx", 96), Map.entry("rsi", 104), Map.entry("rdi", 112), Map.entry("orig_rax", 120),
            Map.entry("rip", 128), Map.entry("cs", 136), Map.entry("eflags", 144), Map.entry("rsp", 152),
            Map.entry("ss", 160));

    /** The System V x86-64 calling convention's integer argument registers, in order. */
    static final String[] ARGUMENT_REGISTERS = {"rdi", "rsi", "rdx", "rcx", "r8", "r9"};

    static int offset(String register) {
        Integer off = OFFSETS.get(register);
        if (off == null) throw new IllegalArgumentException("no pt_regs slot for " + register);
        return off;
    }
}
