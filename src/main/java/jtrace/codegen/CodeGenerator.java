package jtrace.codegen;

import jtrace.sema.CheckedProbe;
import jtrace.sema.CheckedProgram;

import java.util.ArrayList;
import java.util.List;

/** Turns a checked program into one instruction list per probe, plus its maps and event table. */
public final class CodeGenerator {
    private CodeGenerator() {}

    /**
     * @param startNanos CLOCK_BOOTTIME at start (nsecs' clock), the zero of {@code elapsed}
     * @param cpuCount   possible CPUs, the value of {@code ncpus}
     */
    public static CompiledProgram generate(CheckedProgram program, long startNanos, int cpuCount) {
        ProgramContext ctx = new ProgramContext(program, startNanos, cpuCount);
        List<CompiledProbe> probes = new ArrayList<>();
        for (CheckedProbe p : program.probes()) {
            int events = ctx.eventCount();
            try {
                probes.add(new ProbeCodegen(p, ctx).generate());
            } catch (Frame.Overflow tooBig) {
                // Its strings do not fit the BPF stack: again, with the frame in scratch memory.
                ctx.dropEventsFrom(events);
                probes.add(new ProbeCodegen(p, ctx, true).generate());
            }
        }
        return new CompiledProgram(ctx.maps(), probes, ctx.events(), new StringTruncation(
                program.options().maxStrlen(), program.options().config().strTruncTrailer()));
    }
}
