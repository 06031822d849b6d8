package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The legacy text-defined probe lists in tracefs (kprobe_events, uprobe_events). A tracer that
 * creates probes through them must remove its lines on exit; perf_event-based probes never appear
 * here. Compare before and after: {@code assertEquals(TracefsEvents.uprobeEvents(), before)}.
 * A missing file (no kprobes in this kernel, tracefs not mounted) reads as no lines.
 */
public final class TracefsEvents {
    private static final List<Path> ROOTS = List.of(Path.of("/sys/kernel/tracing"), Path.of("/sys/kernel/debug/tracing"));

    private TracefsEvents() {}

    public static List<String> kprobeEvents() { return lines("kprobe_events"); }

    public static List<String> uprobeEvents() { return lines("uprobe_events"); }

    /** kprobe and uprobe lines together, for one before/after comparison. */
    public static List<String> all() {
        return java.util.stream.Stream.concat(kprobeEvents().stream(), uprobeEvents().stream()).toList();
    }

    private static List<String> lines(String file) {
        for (Path root : ROOTS) {
            Path p = root.resolve(file);
            if (Files.isReadable(p)) {
                try {
                    return Files.readAllLines(p).stream().filter(l -> !l.isBlank()).toList();
                } catch (IOException e) {
                    throw new AssertionError("cannot read " + p, e);
                }
            }
        }
        return List.of();
    }
}
