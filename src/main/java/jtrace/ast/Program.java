package jtrace.ast;

import java.util.List;

/** A whole bpftrace program: its probes in source order. */
public record Program(List<Probe> probes, jtrace.diag.Span span) {
    public Program { probes = List.copyOf(probes); }
}
