package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.KprobeTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Perf;

/** A KPROBE program on a kprobe or kretprobe made through the kprobe PMU (one perf event serves every CPU). */
public record KprobeAttachment(String target, AttachedFds fds) implements Attachment {
    public static KprobeAttachment attach(BpfProgram program, KprobeTarget probe) {
        KprobePmu pmu = KprobePmu.read(KprobePmu.DEVICE, probe);
        String symbol = probe.module().isEmpty() || probe.module().equals("vmlinux")
                ? probe.function() : probe.module() + ":" + probe.function();
        int cpu = Cpus.online().getFirst();
        return new KprobeAttachment(probe.name(), AttachedFds.perfEvent(program,
                () -> Perf.openKprobe(pmu.type(), pmu.config(probe.ret()), symbol, probe.offset(), cpu)));
    }
}
