package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.diag.CompileError;

import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the attach points of probes on kernel code and data: {@code kprobe}/{@code kretprobe},
 * {@code fentry}/{@code fexit} (and their old names {@code kfunc}/{@code kretfunc}),
 * {@code watchpoint}/{@code asyncwatchpoint} and {@code iter}. Function names are checked against
 * the FUNC entries of kernel BTF; wildcards expand over them, up to bpftrace's max_probes.
 */
public final class KernelProbeResolver {
    /** bpftrace's default max_probes. */
    static final int MAX_PROBES = 1024;
    static final String VMLINUX = "vmlinux";

    private final Tracepoints tracepoints;
    private final KernelFunctions functions;
    private final CompileOptions options;

    public KernelProbeResolver(Tracepoints tracepoints, KernelFunctions functions, CompileOptions options) {
        this.tracepoints = tracepoints;
        this.functions = functions;
        this.options = options;
    }

    /** Whether {@code provider} is one of the probe types resolved here. */
    public static boolean handles(String provider) {
        return switch (provider) {
            case "kprobe", "k", "kretprobe", "kr", "fentry", "f", "fexit", "fr", "kfunc", "kretfunc",
                 "watchpoint", "w", "asyncwatchpoint", "aw", "iter", "it" -> true;
            default -> false;
        };
    }

    public List<ProbeTarget> resolve(AttachPoint ap) {
        String provider = ap.parts().getFirst();
        return switch (provider) {
            case "kprobe", "k" -> kprobe(ap, "kprobe", false);
            case "kretprobe", "kr" -> kprobe(ap, "kretprobe", true);
            case "fentry", "f", "kfunc" -> fentry(ap, provider.equals("kfunc") ? "kfunc" : "fentry", false);
            case "fexit", "fr", "kretfunc" -> fentry(ap, provider.equals("kretfunc") ? "kretfunc" : "fexit", true);
            case "watchpoint", "w" -> List.of(watchpoint(ap, "watchpoint", false));
            case "asyncwatchpoint", "aw" -> List.of(watchpoint(ap, "asyncwatchpoint", true));
            case "iter", "it" -> List.of(iter(ap));
            default -> throw new IllegalArgumentException("not a kernel probe type: " + provider);
        };
    }

    private List<ProbeTarget> kprobe(AttachPoint ap, String type, boolean ret) {
        List<String> parts = ap.parts();
        if (parts.size() != 2 && parts.size() != 3) {
            throw new CompileError(ap.span(), type + " probe type requires 1 or 2 arguments");
        }
        String module = parts.size() == 3 ? parts.get(1) : "";
        String spec = parts.getLast();
        String function = spec;
        long offset = 0;
        int plus = spec.indexOf('+');
        if (plus >= 0) {
            if (ret) throw new CompileError(ap.span(), "Offset not allowed");
            if (spec.indexOf('+', plus + 1) >= 0) throw new CompileError(ap.span(), "Cannot take more than one offset");
            function = spec.substring(0, plus);
            offset = parseNumber(ap, spec.substring(plus + 1));
            if (isPattern(function)) throw new CompileError(ap.span(), "Offset not allowed with wildcards");
        }
        if (function.isEmpty()) throw new CompileError(ap.span(), type + " probe must name a kernel function");
        List<ProbeTarget> out = new ArrayList<>();
        for (String fn : functionNames(ap, type, module, function)) {
            out.add(new KprobeTarget(module, fn, offset, ret, TracepointAlternatives.of(fn, ret, tracepoints)));
        }
        return out;
    }

    private List<ProbeTarget> fentry(AttachPoint ap, String type, boolean exit) {
        List<String> parts = ap.parts();
        if (parts.size() != 2 && parts.size() != 3) {
            throw new CompileError(ap.span(), type + " probe type requires 1 or 2 arguments");
        }
        String module = parts.size() == 3 ? parts.get(1) : VMLINUX;
        String function = parts.getLast();
        if (function.isEmpty()) throw new CompileError(ap.span(), type + " probe must name a kernel function");
        if (!module.equals(VMLINUX)) {
            throw new CompileError(ap.span(), type + " probes on module functions are not supported by jtrace yet "
                    + "(only vmlinux BTF is read): " + module + ":" + function);
        }
        List<ProbeTarget> out = new ArrayList<>();
        for (String fn : functionNames(ap, type, module, function)) {
            KernelFunction f = functions.find(fn);
            if (f != null) out.add(new FentryTarget(module, f, exit));
        }
        return out;
    }

    /** The functions a name or pattern stands for; only vmlinux functions can be checked. */
    private List<String> functionNames(AttachPoint ap, String type, String module, String function) {
        boolean checkable = module.isEmpty() || module.equals(VMLINUX);
        if (!isPattern(function)) {
            if (checkable && functions.find(function) == null) {
                throw new CompileError(ap.span(), type + " target not found: " + function
                        + " is not a function in the kernel's BTF (" + jtrace.btf.Btf.VMLINUX + ")");
            }
            return List.of(function);
        }
        if (!checkable) {
            throw new CompileError(ap.span(), "wildcards in " + type + " probes on module functions are not supported by jtrace yet");
        }
        List<String> names = functions.match(function);
        if (names.isEmpty()) throw new CompileError(ap.span(), type + " probes not found: no kernel function matches " + function);
        if (names.size() > MAX_PROBES) {
            throw new CompileError(ap.span(), "Can't attach to " + names.size() + " probes because it exceeds the current limit of "
                    + MAX_PROBES + " probes: narrow the pattern " + function);
        }
        return names;
    }

    private WatchpointTarget watchpoint(AttachPoint ap, String type, boolean async) {
        List<String> parts = ap.parts();
        if (parts.size() != 4) throw new CompileError(ap.span(), type + " probe type requires 3 arguments");
        String where = parts.get(1);
        if (where.contains("+")) {
            throw new CompileError(ap.span(), type + ":FUNCTION+argN is not supported by jtrace yet: give an absolute address");
        }
        long address = parseNumber(ap, where);
        if (address == 0) throw new CompileError(ap.span(), type + " must be attached to a non-zero address");
        long length = parseNumber(ap, parts.get(2));
        if (length != 1 && length != 2 && length != 4 && length != 8) {
            throw new CompileError(ap.span(), type + " length must be one of (1,2,4,8)");
        }
        String mode = parts.get(3);
        if (mode.isEmpty() || !mode.chars().allMatch(c -> c == 'r' || c == 'w' || c == 'x')
                || mode.chars().distinct().count() != mode.length()) {
            throw new CompileError(ap.span(), type + " mode must be combination of (r,w,x)");
        }
        if (mode.contains("x") && mode.length() > 1) {
            throw new CompileError(ap.span(), type + " mode cannot watch execution together with reads or writes");
        }
        long pid = options.filterPid().orElse(options.childPid().orElse(-1));
        return new WatchpointTarget(address, (int) length, mode, async, pid);
    }

    private IterTarget iter(AttachPoint ap) {
        List<String> parts = ap.parts();
        if (parts.size() != 2 && parts.size() != 3) throw new CompileError(ap.span(), "iter probe type requires 1 or 2 arguments");
        String name = parts.get(1);
        if (isPattern(name)) throw new CompileError(ap.span(), "iter probe type does not support wildcards");
        KernelFunction f = IterTargets.find(functions, name);
        if (f == null) throw new CompileError(ap.span(), "iter:" + name + ": this kernel has no such BPF iterator");
        String pin = parts.size() == 3 ? parts.get(2) : "";
        if (parts.size() == 3 && pin.isEmpty()) throw new CompileError(ap.span(), "iter probe pin path must not be empty");
        return new IterTarget(name, f.btfId(), f.params(), pin);
    }

    /**
     * bpftrace runs an iterator on its own: it cannot share a script with other probes (begin and
     * end excepted here, which run before and after it).
     */
    public static void checkIterAlone(List<ProbeTarget> targets, List<AttachPoint> from) {
        long iters = targets.stream().filter(t -> t instanceof IterTarget).count();
        if (iters == 0) return;
        for (int i = 0; i < targets.size(); i++) {
            ProbeTarget t = targets.get(i);
            boolean other = !(t instanceof IterTarget || t instanceof ProbeTarget.Begin || t instanceof ProbeTarget.End);
            if (other || (iters > 1 && t instanceof IterTarget)) {
                throw new CompileError(from.get(i).span(), "Iterator probe can't be mixed with any other probe, not even another iterator");
            }
        }
    }

    private static long parseNumber(AttachPoint ap, String text) {
        try {
            String t = text.trim();
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new CompileError(ap.span(), "Failed to parse '" + text + "' as a number");
        }
    }

    private static boolean isPattern(String s) { return s.indexOf('*') >= 0 || s.indexOf('?') >= 0; }
}
