package jtrace.elf;

import java.util.List;

/**
 * One USDT probe of a file (a {@code stapsdt} note), its addresses already adjusted by the
 * {@code .stapsdt.base} difference and turned into file offsets. {@code semaphoreOffset} is 0
 * when the probe has no semaphore. When the argument string cannot be understood, {@code arguments}
 * is empty and {@code argumentError} says why (the probe itself can still be attached).
 */
public record UsdtProbe(String provider, String name, long pc, long fileOffset, long semaphoreOffset,
                        String argumentSpec, List<UsdtArgument> arguments, String argumentError) {
    public UsdtProbe { arguments = List.copyOf(arguments); }
}
