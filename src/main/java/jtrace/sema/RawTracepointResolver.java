package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.btf.BtfFormatException;
import jtrace.btf.BtfType;
import jtrace.btf.RawTracepoints;
import jtrace.diag.CompileError;
import jtrace.tracefs.Glob;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code rawtracepoint:EVENT} and {@code rawtracepoint:vmlinux:EVENT} (wildcards allowed): the
 * events come from the kernel's BTF, and so do the typed {@code args}.
 */
final class RawTracepointResolver {
    private RawTracepointResolver() {}

    static List<ProbeTarget> resolve(AttachPoint ap, StructResolver structs) {
        List<String> parts = ap.parts();
        String event;
        if (parts.size() == 2) {
            event = parts.get(1);
        } else if (parts.size() == 3) {
            if (!parts.get(1).equals("vmlinux") && !Glob.matches(parts.get(1), "vmlinux")) {
                throw new CompileError(ap.span(), "rawtracepoint module '" + parts.get(1)
                        + "' is not supported by jtrace: only vmlinux raw tracepoints are");
            }
            event = parts.get(2);
        } else {
            throw new CompileError(ap.span(), "rawtracepoint probe type requires 1 or 2 arguments");
        }
        if (event.isEmpty()) throw new CompileError(ap.span(), "rawtracepoint probe must have an event name");
        RawTracepoints rts;
        BtfTypes types;
        try {
            types = structs.btfTypes();
            rts = new RawTracepoints("vmlinux", types.btf());
        } catch (BtfFormatException e) {
            throw new CompileError(ap.span(), "rawtracepoint probes need kernel BTF: " + e.getMessage());
        }
        List<ProbeTarget> out = new ArrayList<>();
        for (String full : rts.names()) {
            String ev = full.substring(full.indexOf(':') + 1);
            if (Glob.hasWildcard(event) ? Glob.matches(event, ev) : ev.equals(event)) out.add(target(ev, rts, types));
        }
        if (out.isEmpty()) {
            throw new CompileError(ap.span(), (Glob.hasWildcard(event) ? "No raw tracepoints matched: " : "Unknown raw tracepoint: ")
                    + event + " (jtrace -l 'rawtracepoint:*' lists them)");
        }
        return out;
    }

    private static ProbeTarget target(String event, RawTracepoints rts, BtfTypes types) {
        List<ProbeTarget.RawArg> args = new ArrayList<>();
        for (BtfType.Param p : rts.args(event)) {
            jtrace.types.Type t = types.of(p.type());
            args.add(new ProbeTarget.RawArg(p.name(), t == null ? jtrace.types.Type.Int.UINT64 : t));
        }
        return new ProbeTarget.RawTracepoint(event, args);
    }
}
