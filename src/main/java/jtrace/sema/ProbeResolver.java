package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;

import java.util.ArrayList;
import java.util.List;

/** Turns attach points as written into concrete {@link ProbeTarget}s: aliases, units, wildcards. */
public final class ProbeResolver {
    private final Tracepoints tracepoints;

    public ProbeResolver(Tracepoints tracepoints) { this.tracepoints = tracepoints; }

    public List<ProbeTarget> resolve(AttachPoint ap) {
        List<String> parts = ap.parts();
        String provider = parts.getFirst();
        return switch (provider) {
            case "BEGIN", "begin" -> { requireParts(ap, 1, provider); yield List.of(new ProbeTarget.Begin(provider)); }
            case "END", "end" -> { requireParts(ap, 1, provider); yield List.of(new ProbeTarget.End(provider)); }
            case "tracepoint", "t" -> tracepoint(ap);
            case "interval", "i" -> List.of(new ProbeTarget.Interval("interval:" + timedSuffix(ap, "interval"), period(ap, "interval")));
            case "profile", "p" -> List.of(new ProbeTarget.Profile("profile:" + timedSuffix(ap, "profile"), period(ap, "profile")));
            case "kprobe", "k", "kretprobe", "kr" -> throw new CompileError(ap.span(),
                    "kprobe probes are not available: this kernel has no kprobe support (CONFIG_KPROBES is off); "
                            + "use a tracepoint (jtrace -l 'tracepoint:*') instead");
            case "fentry", "f", "fexit", "fr", "kfunc", "kretfunc" -> throw new CompileError(ap.span(),
                    "fentry/fexit probes are refused by this kernel (BPF_PROG_LOAD of a tracing program fails with EPERM); "
                            + "use a tracepoint instead");
            case "uprobe", "u", "uretprobe", "ur", "usdt", "U", "rawtracepoint", "rt", "software", "s",
                 "hardware", "h", "watchpoint", "w", "iter", "it" ->
                    throw new CompileError(ap.span(), provider + " probes are not supported by jtrace yet");
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
        if (out.isEmpty()) {
            throw new CompileError(ap.span(), (wildcard ? "tracepoints not found: " : "tracepoint not found: ")
                    + category + ":" + event);
        }
        return out;
    }

    private static boolean isPattern(String s) { return s.indexOf('*') >= 0 || s.indexOf('?') >= 0; }

    private static String timedSuffix(AttachPoint ap, String type) {
        requireParts(ap, 3, type);
        return ap.parts().get(1) + ":" + ap.parts().get(2);
    }

    private static long period(AttachPoint ap, String type) {
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

    private static void requireParts(AttachPoint ap, int n, String type) {
        if (ap.parts().size() != n) {
            int args = n - 1;
            throw new CompileError(ap.span(), args == 0
                    ? type + " probe type requires 0 arguments"
                    : type + " probe type requires " + args + " arguments");
        }
    }
}
