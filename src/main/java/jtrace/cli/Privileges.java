package jtrace.cli;

import java.io.IOException;
import java.math.BigInteger;
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
        BigInteger caps;
        try {
            String status = Files.readString(Path.of("/proc/self/status"));
            String line = status.lines().filter(l -> l.startsWith("CapEff:")).findFirst().orElse(null);
            if (line == null) return null;
            caps = new BigInteger(line.substring(7).trim(), 16);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        if (caps.testBit(CAP_SYS_ADMIN)) return null;
        if (caps.testBit(CAP_BPF) && caps.testBit(CAP_PERFMON)) return null;
        return "jtrace needs root, or the capabilities CAP_BPF and CAP_PERFMON, to load eBPF programs (try sudo)";
    }
}
