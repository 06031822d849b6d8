package jtrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What {@code -l} says on stderr about a probe type it lists nothing for, or lists although this
 * machine cannot run it, so that a listing shows which types the running kernel supports.
 */
final class UnlistedTypes {
    /** The perf PMUs sysfs describes: {@code kprobe} (CONFIG_KPROBES), {@code cpu} (hardware counters). */
    static final Path PMU_DEVICES = Path.of("/sys/bus/event_source/devices");

    private final Predicate<String> hasPmu;

    UnlistedTypes(Predicate<String> hasPmu) {
        this.hasPmu = hasPmu;
    }

    static UnlistedTypes ofThisMachine() {
        return new UnlistedTypes(pmu -> Files.exists(PMU_DEVICES.resolve(pmu)));
    }

    /** The note for {@code type} (a full type name, as a pattern names it), if it needs one. */
    Optional<String> note(String type) {
        String kernelFunctions = "jtrace does not list kernel functions: any FUNC of /sys/kernel/btf/vmlinux can be probed";
        String note = switch (type) {
            case "kprobe", "kretprobe" -> hasPmu.test("kprobe")
                    ? type + " probes are not listed: " + kernelFunctions
                    : type + " probes are not listed: this kernel has no kprobe support (CONFIG_KPROBES is off)";
            case "fentry", "fexit", "kfunc", "kretfunc" -> type + " probes are not listed: " + kernelFunctions
                    + " where the kernel loads fentry/fexit programs (a refusal is reported at load)";
            case "watchpoint", "asyncwatchpoint" -> type + " probes take an address and have nothing to list";
            case "hardware" -> hasPmu.test("cpu") ? null
                    : "hardware probes are listed, but this machine has no hardware performance counters: they fail to attach";
            default -> null;
        };
        return Optional.ofNullable(note);
    }

    /** The full type name a {@code -l} pattern names, or null for a wildcard type or none. */
    static String typeOf(String pattern) {
        if (pattern == null || pattern.indexOf(':') < 0) return null;
        String type = pattern.substring(0, pattern.indexOf(':'));
        if (type.isEmpty() || type.indexOf('*') >= 0 || type.indexOf('?') >= 0) return null;
        return switch (type) {
            case "k" -> "kprobe";
            case "kr" -> "kretprobe";
            case "f" -> "fentry";
            case "fr" -> "fexit";
            case "w" -> "watchpoint";
            case "aw" -> "asyncwatchpoint";
            default -> ProbeLister.fullTypeName(type);
        };
    }
}
