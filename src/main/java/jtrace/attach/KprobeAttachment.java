package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.KprobeTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Fd;
import jtrace.sys.Perf;
import jtrace.sys.SysException;

/** A KPROBE program on a kprobe or kretprobe made through the kprobe PMU (one perf event serves every CPU). */
public final class KprobeAttachment implements Attachment {
    private final String target;
    private final int perfFd;
    private boolean closed;

    private KprobeAttachment(String target, int perfFd) {
        this.target = target;
        this.perfFd = perfFd;
    }

    public static KprobeAttachment attach(BpfProgram program, KprobeTarget probe) {
        KprobePmu pmu = KprobePmu.read(KprobePmu.DEVICE, probe);
        String symbol = probe.module().isEmpty() || probe.module().equals("vmlinux")
                ? probe.function() : probe.module() + ":" + probe.function();
        int fd = Perf.openKprobe(pmu.type(), pmu.config(probe.ret()), symbol, probe.offset(), Cpus.online().getFirst());
        try {
            Perf.setBpf(fd, program.fd());
            Perf.enable(fd);
        } catch (SysException e) {
            Fd.close(fd);
            throw e;
        }
        return new KprobeAttachment(probe.name(), fd);
    }

    @Override
    public String target() { return target; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Perf.disable(perfFd);
        } finally {
            Fd.close(perfFd);
        }
    }
}
