package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.ProbeTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Perf;

import java.util.List;

/** Attaches a loaded program where its probe target says; begin and end are run, not attached. */
public final class ProbeAttacher {
    private ProbeAttacher() {}

    /** The attachment, or null for targets that are triggered by jtrace itself (begin, end, self). */
    public static Attachment attach(ProbeTarget target, BpfProgram program) {
        return switch (target) {
            case ProbeTarget.Begin b -> null;
            case ProbeTarget.End e -> null;
            case ProbeTarget.SelfSignal s -> null;
            case ProbeTarget.Tracepoint tp -> TracepointAttachment.attach(program, tp.category(), tp.event());
            case ProbeTarget.RawTracepoint rt -> RawTracepointAttachment.attach(program, rt.event());
            // An interval fires on one CPU only, for every process even with -p (as in bpftrace);
            // profile, software and hardware events on every online CPU, for the -p process only.
            case ProbeTarget.Interval i -> PerfEventAttachment.everyNanos(program, i.periodNanos(), List.of(firstOnlineCpu()), -1);
            case ProbeTarget.Profile p -> PerfEventAttachment.everyNanos(program, p.periodNanos(), Cpus.online(), p.pid());
            case ProbeTarget.Software s -> PerfEventAttachment.counter(program, Perf.PERF_TYPE_SOFTWARE,
                    s.event().config(), s.count(), Cpus.online(), s.name(), s.pid());
            case ProbeTarget.Hardware h -> PerfEventAttachment.counter(program, Perf.PERF_TYPE_HARDWARE,
                    h.event().config(), h.count(), Cpus.online(), h.name(), h.pid());
            case ProbeTarget.Uprobe u -> UprobeAttachment.attach(program, u.name(), u.binary(), u.fileOffset(), u.ret(), 0, u.pid());
            case ProbeTarget.Usdt u -> UprobeAttachment.attach(program, u.name(), u.binary(), u.probe().fileOffset(), false,
                    u.probe().semaphoreOffset(), u.pid());
            case ProbeTarget.Kernel k -> KernelProbeAttacher.attach(k, program);
        };
    }

    private static int firstOnlineCpu() { return jtrace.sys.Cpus.online().getFirst(); }
}
