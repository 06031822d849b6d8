package jtrace.attach;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's uprobe PMU as sysfs describes it: its perf type, and which config bits say
 * "return probe" and hold the reference counter (USDT semaphore) offset. Format files read like
 * {@code config:0} (one bit) or {@code config:32-63} (a field).
 */
public record UprobePmu(int type, int retprobeBit, int refCtrShift) {
    public static final Path DEVICE = Path.of("/sys/bus/event_source/devices/uprobe");

    /** Reads the PMU from sysfs; a kernel without it (CONFIG_UPROBE_EVENTS off) gets a clear error. */
    public static UprobePmu read(Path device) {
        try {
            int type = Integer.parseInt(Files.readString(device.resolve("type")).trim());
            int ret = firstBit(Files.readString(device.resolve("format/retprobe")));
            Path ref = device.resolve("format/ref_ctr_offset");
            int shift = Files.exists(ref) ? firstBit(Files.readString(ref)) : -1;
            return new UprobePmu(type, ret, shift);
        } catch (IOException | RuntimeException e) {
            throw new UprobesUnavailableException("uprobes are not available: this kernel has no uprobe PMU ("
                    + device + " is missing or unreadable; CONFIG_UPROBE_EVENTS is off?)");
        }
    }

    private static volatile UprobePmu system;

    public static UprobePmu system() {
        UprobePmu p = system;
        if (p == null) system = p = read(DEVICE);
        return p;
    }

    /** The config value of a probe: the retprobe bit and the semaphore's file offset (0 for none). */
    public long config(boolean ret, long refCtrOffset) {
        long c = ret ? 1L << retprobeBit : 0;
        if (refCtrOffset != 0) {
            if (refCtrShift < 0) throw new UprobesUnavailableException(
                    "this kernel's uprobe PMU cannot count USDT semaphores (no ref_ctr_offset format)");
            c |= refCtrOffset << refCtrShift;
        }
        return c;
    }

    /** The first bit number of a format line such as {@code config:32-63}. */
    static int firstBit(String format) {
        String f = format.trim();
        int colon = f.indexOf(':');
        if (colon < 0 || !f.startsWith("config")) throw new IllegalArgumentException("unexpected PMU format " + f);
        String bits = f.substring(colon + 1);
        int dash = bits.indexOf('-');
        return Integer.parseInt(dash < 0 ? bits : bits.substring(0, dash));
    }
}
