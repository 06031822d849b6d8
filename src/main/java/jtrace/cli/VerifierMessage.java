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
        return out.toString();
    }
}
