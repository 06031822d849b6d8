package jtrace.attach;

import jtrace.sema.KprobeTarget;
import jtrace.sys.Errno;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's kprobe PMU as sysfs describes it: its perf type and the config bit that makes a
 * return probe ({@code format/retprobe}, e.g. {@code config:0}). Kprobes made through it live
 * only as long as their perf event fd, so nothing is left in kprobe_events.
 */
public record KprobePmu(int type, int retprobeBit) {
    public static final Path DEVICE = Path.of("/sys/bus/event_source/devices/kprobe");

    /** Reads the PMU from {@code device}; a kernel without it gets the error that names the probe and the cause. */
    public static KprobePmu read(Path device, KprobeTarget probe) {
        int type;
        try {
            type = Integer.parseInt(Files.readString(device.resolve("type")).trim());
        } catch (IOException | NumberFormatException e) {
            throw new KernelFeatureUnavailableException("kprobe PMU", Errno.ENOENT, unavailable(probe));
        }
        int bit = 0;
        try {
            String f = Files.readString(device.resolve("format/retprobe")).trim();
            bit = Integer.parseInt(f.substring(f.indexOf(':') + 1).split("-")[0]);
        } catch (IOException | RuntimeException e) {
            // Every kernel with the PMU so far uses config:0.
        }
        return new KprobePmu(type, bit);
    }

    /** The one-line error for {@code probe} on a kernel without kprobes, with a tracepoint to use instead when one is known. */
    public static String unavailable(KprobeTarget probe) {
        String msg = probe.name() + ": this kernel has no kprobe support (CONFIG_KPROBES is off)";
        return probe.tracepointAlternative().isEmpty() ? msg : msg + "; try " + probe.tracepointAlternative() + " instead";
    }

    public long config(boolean ret) { return ret ? 1L << retprobeBit : 0; }
}
