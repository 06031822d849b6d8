package jtrace.elf;

/**
 * One USDT argument as its note describes it ({@code -4@%edi}, {@code 8@-16(%rbp)}, {@code 4@$5}):
 * a size in bytes (1, 2, 4 or 8), signedness, and where the value is at the probe point.
 * Registers are named by their 64-bit name ({@code rdi} for {@code %edi}).
 */
public sealed interface UsdtArgument {
    int size();

    boolean signed();

    /** The low {@code size} bytes of a register. */
    record Register(int size, boolean signed, String register) implements UsdtArgument {}

    /** {@code size} bytes of user memory at register + displacement ({@code rip}: relative to the probe's address). */
    record Memory(int size, boolean signed, String base, long displacement) implements UsdtArgument {}

    /** An immediate value. */
    record Constant(int size, boolean signed, long value) implements UsdtArgument {}
}
