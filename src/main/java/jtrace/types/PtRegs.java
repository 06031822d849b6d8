package jtrace.types;

import java.util.Map;

/**
 * The x86-64 {@code struct pt_regs} (arch/x86/include/asm/ptrace.h): the context of kprobe, uprobe
 * and usdt programs. Fields are named as the kernel names them, which are bpftrace's {@code reg()}
 * names ({@code di}, {@code ax}, {@code ip}, {@code flags}...).
 */
public final class PtRegs {
    private PtRegs() {}

    private static final Map<String, Integer> OFFSETS = Map.ofEntries(
            Map.entry("r15", 0), Map.entry("r14", 8), Map.entry("r13", 16), Map.entry("r12", 24),
            Map.entry("bp", 32), Map.entry("bx", 40), Map.entry("r11", 48), Map.entry("r10", 56),
            Map.entry("r9", 64), Map.entry("r8", 72), Map.entry("ax", 80), Map.entry("cx", 88),
            Map.entry("dx", 96), Map.entry("si", 104), Map.entry("di", 112), Map.entry("orig_ax", 120),
            Map.entry("ip", 128), Map.entry("cs", 136), Map.entry("flags", 144), Map.entry("sp", 152),
            Map.entry("ss", 160));

    /** The System V x86-64 calling convention's integer argument registers, in order. */
    private static final String[] ARGUMENT_REGISTERS = {"di", "si", "dx", "cx", "r8", "r9"};

    /** How many arguments the calling convention passes in registers. */
    public static final int ARGUMENTS_IN_REGISTERS = ARGUMENT_REGISTERS.length;

    public static boolean has(String field) { return OFFSETS.containsKey(field); }

    /** The offset of a field by its kernel name ({@code di}, {@code r8}, {@code ip}). */
    public static int offset(String field) {
        Integer off = OFFSETS.get(field);
        if (off == null) throw new IllegalArgumentException("no pt_regs field " + field);
        return off;
    }

    /** The offset of a 64-bit register by its assembler name ({@code rdi}, {@code r8}, {@code rip}). */
    public static int offsetOfRegister(String register) {
        // The kernel drops the "r" of the legacy registers (rdi -> di, rip -> ip) but not of r8..r15.
        boolean legacy = register.length() == 3 && register.charAt(0) == 'r' && !Character.isDigit(register.charAt(1));
        return offset(legacy ? register.substring(1) : register);
    }

    /** The offset of integer argument {@code n} (below {@link #ARGUMENTS_IN_REGISTERS}) at function entry. */
    public static int argumentOffset(int n) { return offset(ARGUMENT_REGISTERS[n]); }

    /** The offset of the return value ({@code ax}) at function return. */
    public static int returnValueOffset() { return offset("ax"); }

    /** The offset of the stack pointer. */
    public static int stackPointerOffset() { return offset("sp"); }
}
