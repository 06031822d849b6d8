package jtrace.e2e;

import java.util.Locale;

/**
 * Signals the harness sends, with their x86_64 numbers. Use {@link #parse} for "INT", "SIGINT", "int".
 * Delivery is a direct kill(2), so the target (e.g. jtrace's JVM) receives exactly this signal.
 */
public enum Signal {
    HUP(1), INT(2), QUIT(3), KILL(9), USR1(10), USR2(12), TERM(15), CONT(18), STOP(19);

    public final int number;

    Signal(int number) { this.number = number; }

    public static Signal parse(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        try {
            return valueOf(n.startsWith("SIG") ? n.substring(3) : n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signal name: " + name);
        }
    }

    /** Sends this signal to pid; fails when the process does not exist (ESRCH = 3). */
    public void sendTo(long pid) {
        int errno = LibC.kill(pid, number);
        if (errno != 0) {
            throw new IllegalStateException("kill(" + pid + ", SIG" + name() + ") failed: errno " + errno);
        }
    }
}
