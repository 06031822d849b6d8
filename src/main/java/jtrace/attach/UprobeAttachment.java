package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Fd;
import jtrace.sys.Perf;
import jtrace.sys.SysException;

/**
 * A KPROBE-type program on a uprobe or uretprobe created through the uprobe PMU: the probe exists
 * only as long as this perf event fd, so a killed jtrace leaves no uprobe_events entry behind.
 */
public final class UprobeAttachment implements Attachment {
    private final String target;
    private final int perfFd;
    private boolean closed;

    private UprobeAttachment(String target, int perfFd) {
        this.target = target;
        this.perfFd = perfFd;
    }

    /**
     * @param offset       file offset of the probed instruction in {@code path}
     * @param refCtrOffset file offset of a USDT semaphore the kernel counts up while attached, or 0
     * @param pid          the only process probed, or -1 for all
     */
    public static UprobeAttachment attach(BpfProgram program, String target, String path, long offset,
                                          boolean ret, long refCtrOffset, long pid) {
        UprobePmu pmu = UprobePmu.system();
        int fd = Perf.openUprobe(pmu.type(), pmu.config(ret, refCtrOffset), path, offset, (int) pid);
        try {
            Perf.setBpf(fd, program.fd());
            Perf.enable(fd);
        } catch (SysException e) {
            Fd.close(fd);
            throw e;
        }
        return new UprobeAttachment(target, fd);
    }

    @Override
    public String target() {
        return target;
    }

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
