package jtrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may load and attach BPF programs, read from its effective capabilities. */
final class Privileges {
    /** Capability numbers from linux/capability.h. */
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;
    private static final int CAP_BPF = 39;

    private Privileges() {}

    /** Null when allowed, else what is missing. */
    static String missing() {
        try {
            return missing(new String(Files.readAllBytes(Path.of("/proc/self/status")), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The same from the text of /proc/PID/status. Scanned by hand, without streams or BigInteger:
     * this is on the start-up path, and those cost ~2 ms the first time.
     */
    static String missing(String status) {
        int at = status.indexOf("\nCapEff:");
        if (at < 0) return null;
        int end = status.indexOf('\n', at + 1);
        long caps;
        try {
            caps = Long.parseUnsignedLong(status.substring(at + "\nCapEff:".length(), end < 0 ? status.length() : end).trim(), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        if (has(caps, CAP_SYS_ADMIN)) return null;
        if (has(caps, CAP_BPF) && has(caps, CAP_PERFMON)) return null;
        return "jtrace needs root, or the capabilities CAP_BPF and CAP_PERFMON, to load eBPF programs (try sudo)";
    }

    private static boolean has(long caps, int cap) {
        return (caps >>> cap & 1) != 0;
    }
}
