package jtrace.runtime;

import java.io.PrintStream;

/**
 * Opt-in start-up profile: with {@code JTRACE_TIMING=1} in the environment, each {@link #mark}
 * prints to stderr the milliseconds since the JVM started and since the previous mark. Off, a mark
 * costs one static boolean read, so the marks may stay on the start path.
 */
public final class PhaseTimer {
    private static final boolean ON = "1".equals(System.getenv("JTRACE_TIMING"));
    private static final PrintStream ERR = System.err;
    private static long last = ON ? startNanos() : 0;
    private static final long START = last;

    private PhaseTimer() {}

    /** Whether timing is on. */
    public static boolean enabled() { return ON; }

    /** Records the end of {@code phase}. */
    public static void mark(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        ERR.printf("jtrace timing: %-12s +%6.1f ms  (at %6.1f ms)%n", phase, (now - last) / 1e6, (now - START) / 1e6);
        last = now;
    }

    /**
     * The launcher's start as a System.nanoTime() value: ./jtrace exports JTRACE_T0 (date +%s%N)
     * when timing is on; without it, now.
     */
    private static long startNanos() {
        long now = System.nanoTime();
        String t0 = System.getenv("JTRACE_T0");
        if (t0 == null || !t0.matches("[0-9]{10,}")) return now;
        java.time.Instant i = java.time.Instant.now();
        long wall = i.getEpochSecond() * 1_000_000_000L + i.getNano();
        return now - (wall - Long.parseLong(t0));
    }
}
