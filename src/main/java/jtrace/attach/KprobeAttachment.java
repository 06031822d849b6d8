package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.KprobeTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Perf;

/** A KPROBE program on a kprobe or kretprobe made through the kprobe PMU (one perf event serves every CPU). */
public final class KprobeAttachment implements Attachment {
    private final String target;
    private final AttachedFds fds;

    private KprobeAttachment(String target, AttachedFds fds) {
        this.target = target;
        this.fds = fds;
    }

    public static KprobeAttachment attach(BpfProgram program, KprobeTarget probe) {
        KprobePmu pmu = KprobePmu.read(KprobePmu.DEVICE, probe);
        String symbol = probe.module().isEmpty() || probe.module().equals("vmlinux")
                ? probe.function() : probe.module() + ":" + probe.function();
        int cpu = Cpus.online().getFirst();
        return new KprobeAttachment(probe.name(), AttachedFds.perfEvent(program,
                () -> Perf.openKprobe(pmu.type(), pmu.config(probe.ret()), symbol, probe.offset(), cpu)));
    }

    @Override
    public String target() { return target; }

    @Override
    public void close() {
        fds.close();
    }
}
