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
        // No printf: Formatter and its regex cost milliseconds the first time, which would show up in the profile.
        StringBuilder line = new StringBuilder("jtrace timing: ").append(phase);
        while (line.length() < 27) line.append(' ');
        line.append(" +").append(millis(now - last)).append(" ms  (at ").append(millis(now - START)).append(" ms)");
        ERR.println(line);
        last = now;
    }

    /** {@code nanos} as milliseconds with one decimal, right-aligned in six characters. */
    static String millis(long nanos) {
        long tenths = Math.round(nanos / 1e5);
        String s = tenths / 10 + "." + tenths % 10;
        return " ".repeat(Math.max(0, 6 - s.length())) + s;
    }

    /**
     * The launcher's start as a System.nanoTime() value: ./jtrace exports JTRACE_T0 (date +%s%N)
     * when timing is on; without it, now.
     */
    private static long startNanos() {
        long now = System.nanoTime();
        String t0 = System.getenv("JTRACE_T0");
        if (t0 == null || t0.length() < 10) return now;
        for (int i = 0; i < t0.length(); i++) if (t0.charAt(i) < '0' || t0.charAt(i) > '9') return now;
        java.time.Instant i = java.time.Instant.now();
        long wall = i.getEpochSecond() * 1_000_000_000L + i.getNano();
        return now - (wall - Long.parseLong(t0));
    }
}
