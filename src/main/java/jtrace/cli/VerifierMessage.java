package jtrace.cli;

import jtrace.load.VerifierRejection;

import java.util.List;

/** A verifier rejection as the user sees it: the probe, the reason, and the end of the log. */
final class VerifierMessage {
    /** The verifier's conclusion is at the end of its log; this many lines show it with context. */
    static final int TAIL_LINES = 20;

    private VerifierMessage() {}

    static String format(VerifierRejection e) {
        List<String> lines = e.log().lines().filter(l -> !l.isBlank()).toList();
        StringBuilder out = new StringBuilder();
        out.append("ERROR: the kernel's BPF verifier rejected the program for probe ").append(e.probeName())
                .append(" (").append(e.errnoName()).append(")\n");
        if (lines.size() > TAIL_LINES) out.append("... (").append(lines.size() - TAIL_LINES).append(" earlier lines of the verifier log)\n");
        for (String l : lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size())) out.append(l).append('\n');
        String cause = likelyCause(e.log());
        if (cause != null) out.append("HINT: ").append(cause).append('\n');
        return out.toString();
    }

    /** The usual reasons, recognised by the verifier's own words. */
    static String likelyCause(String log) {
        if (log.contains("BPF program is too large") || log.contains("too many states")) {
            return "the program is too long or too complex for the verifier: a loop it cannot prove ends, "
                    + "or too large an unroll()";
        }
        if (log.contains("combined stack size") || log.contains("stack limit")) {
            return "the probe uses more than the 512 bytes of BPF stack; use shorter strings (str(x, len), BPFTRACE_MAX_STRLEN)";
        }
        if (log.contains("infinite loop detected")) return "a loop the verifier sees never ending";
        return null;
    }
}
