package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;
import jtrace.elf.BinaryLocator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Turns attach points as written into concrete {@link ProbeTarget}s: aliases, units, wildcards. */
public final class ProbeResolver {
    private final Tracepoints tracepoints;
    private final StructResolver structs;
    private final UserProbeResolver userProbes;
    private final KernelProbeResolver kernel;
    private final MissingProbes missing;

    public ProbeResolver(Tracepoints tracepoints) {
        this(tracepoints, new KernelProbeResolver(tracepoints, KernelFunctions.vmlinux(), CompileOptions.defaults()));
    }

    /** With the resolver of kprobe, fentry, watchpoint and iter probes. */
    public ProbeResolver(Tracepoints tracepoints, KernelProbeResolver kernel) {
        this(tracepoints, StructResolver.none(), OptionalLong.empty(), kernel);
    }

    /** {@code pid}: the -p process, which uprobes and usdt probes are limited to. */
    public ProbeResolver(Tracepoints tracepoints, StructResolver structs, OptionalLong pid, KernelProbeResolver kernel) {
        this(tracepoints, structs, pid, false, kernel);
    }

    /** {@code unsafe}: --unsafe, which lets uprobes off instruction boundaries through with a warning. */
    public ProbeResolver(Tracepoints tracepoints, StructResolver structs, OptionalLong pid, boolean unsafe, KernelProbeResolver kernel) {
        this(tracepoints, structs, pid, unsafe, kernel, new MissingProbes(MissingProbes.Mode.ERROR));
    }

    /** {@code missing}: the missing_probes setting, which decides what a probe that does not exist is. */
    public ProbeResolver(Tracepoints tracepoints, StructResolver structs, OptionalLong pid, boolean unsafe, KernelProbeResolver kernel,
                         MissingProbes missing) {
        this.tracepoints = tracepoints;
        this.structs = structs;
        this.missing = missing;
        this.userProbes = new UserProbeResolver(BinaryLocator.system(pid), pid, unsafe, missing);
        this.kernel = kernel;
        this.pid = pid.orElse(-1);
    }

    /** Warnings about the probes resolved so far, for the user (not errors: the probes were resolved). */
    public List<String> warnings() {
        return userProbes.warnings();
    }

    /** The -p process, or -1: profile, software and hardware events count only its time, as in bpftrace. */
    private final long pid;

    public List<ProbeTarget> resolve(AttachPoint ap) {
        List<String> parts = ap.parts();
        String provider = parts.getFirst();
        return switch (provider) {
            case "BEGIN", "begin" -> { requireParts(ap, 1, provider); yield List.of(new ProbeTarget.Begin(provider)); }
            case "END", "end" -> { requireParts(ap, 1, provider); yield List.of(new ProbeTarget.End(provider)); }
            case "self" -> List.of(selfProbe(ap));
            case "tracepoint", "t" -> tracepoint(ap);
            case "interval", "i" -> List.of(new ProbeTarget.Interval("interval:" + timedSuffix(ap, "interval"), period(ap, "interval")));
            case "profile", "p" -> List.of(new ProbeTarget.Profile("profile:" + timedSuffix(ap, "profile"), period(ap, "profile"), pid));
            case String p when KernelProbeResolver.handles(p) -> kernel.resolve(ap);
            case "software", "s" -> List.of(perfCounter(ap, "software", PerfEventDef.SOFTWARE));
            case "hardware", "h" -> List.of(perfCounter(ap, "hardware", PerfEventDef.HARDWARE));
            case "rawtracepoint", "rt" -> RawTracepointResolver.resolve(ap, structs);
            case "uprobe", "u" -> userProbes.uprobe(ap, false);
            case "uretprobe", "ur" -> userProbes.uprobe(ap, true);
            case "usdt", "U" -> userProbes.usdt(ap);
            default -> throw new CompileError(ap.span(), "Invalid probe type: " + provider);
        };
    }

    private List<ProbeTarget> tracepoint(AttachPoint ap) {
        requireParts(ap, 3, "tracepoint");
        String category = ap.parts().get(1);
        String event = ap.parts().get(2);
        boolean wildcard = isPattern(category) || isPattern(event);
        List<ProbeTarget> out = new ArrayList<>();
        for (String full : tracepoints.match(category, event)) {
            int colon = full.indexOf(':');
            String cat = full.substring(0, colon);
            String ev = full.substring(colon + 1);
            List<TracepointField> fields = tracepoints.fields(cat, ev);
            if (fields != null) out.add(new ProbeTarget.Tracepoint(cat, ev, fields));
        }
        // A wildcard matching nothing adds no probe; a tracepoint named exactly is a missing probe.
        if (out.isEmpty() && !wildcard) missing.tracepoint(ap.span(), category, event);
        return out;
    }

    /** {@code software:EVENT[:COUNT]} / {@code hardware:EVENT[:COUNT]}; a missing count is bpftrace's default. */
    private ProbeTarget perfCounter(AttachPoint ap, String type, List<PerfEventDef> table) {
        List<String> parts = ap.parts();
        if (parts.size() != 2 && parts.size() != 3) {
            throw new CompileError(ap.span(), type + " probe type requires 1 or 2 arguments");
        }
        String eventName = parts.get(1);
        if (eventName.isEmpty()) throw new CompileError(ap.span(), type + " probe must have a " + type + " event name");
        if (isPattern(eventName)) throw new CompileError(ap.span(), "wildcards are not allowed for " + type + " probe type");
        PerfEventDef event = PerfEventDef.find(table, eventName)
                .orElseThrow(() -> new CompileError(ap.span(), eventName + " is not a " + type + " probe"));
        long count = 0;
        String countText = parts.size() == 3 ? parts.get(2) : "";
        if (!countText.isEmpty()) {
            try {
                count = Long.parseUnsignedLong(countText);
            } catch (NumberFormatException e) {
                throw new CompileError(ap.span(), "Invalid count for " + type + " probe: " + countText);
            }
        }
        // The probe builtin names it as written, with the count only when one was given.
        String name = type + ":" + eventName + (count != 0 ? ":" + count : "");
        long period = count != 0 ? count : event.defaultCount();
        return type.equals("software") ? new ProbeTarget.Software(name, event, period, pid)
                : new ProbeTarget.Hardware(name, event, period, pid);
    }

    private static boolean isPattern(String s) { return s.indexOf('*') >= 0 || s.indexOf('?') >= 0; }

    private static String timedSuffix(AttachPoint ap, String type) {
        if (ap.parts().size() == 2) return "us:" + singlePeriod(ap, type) / 1_000L;
        if (ap.parts().size() != 3) throw new CompileError(ap.span(), type + " probe type requires 1 or 2 arguments");
        return ap.parts().get(1) + ":" + ap.parts().get(2);
    }

    /** Nanoseconds per unit of the one-part form's duration suffixes ({@code interval:1s}). */
    private static final Map<String, Long> DURATION_NANOS = Map.of(
            "", 1L, "ns", 1L, "us", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L,
            "m", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);

    /**
     * The one-part form, {@code interval:1s} or {@code interval:1000000000}: a duration, nanoseconds
     * when it has no unit; as bpftrace, at least 1us, and truncated to whole microseconds.
     */
    private static long singlePeriod(AttachPoint ap, String type) {
        String text = ap.parts().get(1).replace("_", "");
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) digits++;
        Long scale = DURATION_NANOS.get(text.substring(digits));
        long ns;
        try {
            if (digits == 0 || scale == null) throw new NumberFormatException();
            ns = Math.multiplyExact(Long.parseLong(text.substring(0, digits)), scale);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CompileError(ap.span(), "Invalid rate of " + type + " probe: " + ap.parts().get(1));
        }
        if (ns < 1_000L) {
            throw new CompileError(ap.span(), "Invalid rate of " + type
                    + " probe. Minimum is 1000 or 1us. Found: " + ns + " nanoseconds");
        }
        return ns / 1_000L * 1_000L;
    }

    private static long period(AttachPoint ap, String type) {
        if (ap.parts().size() == 2) return singlePeriod(ap, type);
        String unit = ap.parts().get(1);
        long n;
        try {
            n = Long.parseLong(ap.parts().get(2));
        } catch (NumberFormatException e) {
            throw new CompileError(ap.span(), "Invalid rate of " + type + " probe: " + ap.parts().get(2));
        }
        if (n <= 0) throw new CompileError(ap.span(), type + " probe rate must be positive: " + n);
        return switch (unit) {
            case "s" -> n * 1_000_000_000L;
            case "ms" -> n * 1_000_000L;
            case "us" -> n * 1_000L;
            case "hz" -> 1_000_000_000L / n;
            default -> throw new CompileError(ap.span(), unit + " is not an accepted unit of time");
        };
    }

    /** {@code self:signal:SIGUSR1}, the one trigger and signal bpftrace supports. */
    private static ProbeTarget selfProbe(AttachPoint ap) {
        requireParts(ap, 3, "self");
        String trigger = ap.parts().get(1), signal = ap.parts().get(2);
        if (!trigger.equals("signal")) throw new CompileError(ap.span(), trigger + " is not a supported trigger");
        if (!signal.equals("SIGUSR1")) throw new CompileError(ap.span(), signal + " is not a supported signal");
        return new ProbeTarget.SelfSignal("USR1");
    }

    private static void requireParts(AttachPoint ap, int n, String type) {
        if (ap.parts().size() != n) {
            int args = n - 1;
            throw new CompileError(ap.span(), args == 0
                    ? type + " probe type requires 0 arguments"
                    : type + " probe type requires " + args + " arguments");
        }
    }
}
