package jtrace.codegen;

import jtrace.asm.Insn;
import jtrace.sema.ProbeTarget;

import java.util.List;

/** One eBPF program: the instructions for one concrete probe target. */
public record CompiledProbe(ProbeTarget target, List<Insn> insns) {
    public CompiledProbe { insns = List.copyOf(insns); }

    public String name() { return target.name(); }
}
