package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The kernel's clocks as BPF programs read them: {@code bpf_ktime_get_boot_ns} is CLOCK_BOOTTIME,
 * which Java has no API for ({@link System#nanoTime} is CLOCK_MONOTONIC).
 */
public final class KernelClock {
    private KernelClock() {}

    static final long SYS_CLOCK_GETTIME = 228; // __NR_clock_gettime on x86_64
    public static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7, CLOCK_TAI = 11;

    /** clock_gettime(2) of {@code clockId}, in nanoseconds. */
    public static long nanos(int clockId) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ts = arena.allocate(16, 8); // struct timespec { tv_sec; tv_nsec; }
            if (Libc.syscall(SYS_CLOCK_GETTIME, clockId, ts.address()) < 0) {
                throw new SysException("clock_gettime", Libc.errno());
            }
            return ts.get(JAVA_LONG, 0) * 1_000_000_000L + ts.get(JAVA_LONG, 8);
        }
    }

    /** CLOCK_BOOTTIME now: what plain {@code nsecs} reads. */
    public static long bootNanos() {
        return nanos(CLOCK_BOOTTIME);
    }
}
