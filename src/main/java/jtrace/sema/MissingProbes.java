package jtrace.sema;

import jtrace.diag.CompileError;
import jtrace.diag.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code missing_probes} config variable applied to probes that do not exist: a tracepoint
 * without a format file, a uprobe function the binary does not have. As bpftrace: {@code error}
 * (the default) stops, {@code warn} reports and goes on without the probe, {@code ignore} goes on
 * silently. Wildcards that match nothing are not missing probes: they just add no probe.
 */
public final class MissingProbes {
    /** What to do with a missing probe. */
    public enum Mode { ERROR, WARN, IGNORE }

    /** A warning for the user: located at {@code span}, or plain when it is null. */
    public record Report(Span span, String message) {}

    private static final String HINT_TRACEPOINT = "If this is expected, set the 'missing_probes' config variable to 'warn' or 'ignore'.";

    private final Mode mode;
    private final List<Report> reports = new ArrayList<>();
    private int skipped;

    public MissingProbes(Mode mode) {
        this.mode = mode;
    }

    /** The mode a config value names (case-insensitive, as bpftrace); an unknown value is {@code error}. */
    public static Mode mode(String value) {
        return switch (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT)) {
            case "warn" -> Mode.WARN;
            case "ignore" -> Mode.IGNORE;
            default -> Mode.ERROR;
        };
    }

    public static MissingProbes of(CompileOptions options) {
        return new MissingProbes(mode(options.config().missingProbes()));
    }

    public Mode mode() { return mode; }

    /** The warnings so far, in order. */
    public List<Report> reports() { return List.copyOf(reports); }

    /** How many probes were left out (under warn or ignore). */
    public int skipped() { return skipped; }

    /** The warnings as printed: located ones with their source line, the others after "WARNING: ". */
    public List<String> formatted(jtrace.diag.SourceFile source) {
        List<String> out = new ArrayList<>();
        for (Report r : reports) {
            out.add(r.span() == null ? "WARNING: " + r.message() + "\n"
                    : jtrace.diag.DiagnosticPrinter.warning(source, r.span(), r.message()));
        }
        return out;
    }

    /**
     * A tracepoint with no format file: found while reading the probe's arguments, so bpftrace
     * reports it at the attach point (a syscall category gets a hint at the right one), and then,
     * under {@code warn}, the attachment it skips.
     */
    public void tracepoint(Span at, String category, String event) {
        String message = "Tracepoint not found: " + category + ":" + event;
        String hint = category.equals("syscall") ? "Did you mean syscalls:" + event + "?" : "";
        switch (mode) {
            // bpftrace appends its hint to the syscall one as is, without a space.
            case ERROR -> throw new CompileError(at, message + "\nHINT: " + hint + HINT_TRACEPOINT);
            case WARN -> {
                skipped++;
                reports.add(new Report(at, hint.isEmpty() ? message : message + "\nHINT: " + hint));
                reports.add(new Report(null, skipped("tracepoint:" + category + ":" + event)));
            }
            case IGNORE -> skipped++;
        }
    }

    /** A probe that cannot be attached: {@code reason} says why (e.g. {@code Could not resolve symbol: ...}). */
    public void unattachable(String probeName, String reason) {
        switch (mode) {
            case ERROR -> throw new MissingProbeError("ERROR: " + reason + "\n" + failed(probeName) + "\n");
            case WARN -> {
                skipped++;
                reports.add(new Report(null, reason));
                reports.add(new Report(null, skipped(probeName)));
            }
            case IGNORE -> skipped++;
        }
    }

    /** bpftrace's message for a probe skipped under {@code warn}, printed after "WARNING: ". */
    public static String skipped(String probeName) {
        return "Unable to attach probe: " + probeName + ". Skipping.";
    }

    /** bpftrace's last error line for a probe that could not be attached under {@code error}. */
    public static String failed(String probeName) {
        return "ERROR: Unable to attach probe: " + probeName
                + ". If this is expected, set the 'missing_probes' config variable to 'warn'.";
    }
}
