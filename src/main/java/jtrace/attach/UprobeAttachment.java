package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Perf;

/**
 * A KPROBE-type program on a uprobe or uretprobe created through the uprobe PMU: the probe exists
 * only as long as this perf event fd, so a killed jtrace leaves no uprobe_events entry behind.
 */
public record UprobeAttachment(String target, AttachedFds fds) implements Attachment {
    /**
     * @param offset       file offset of the probed instruction in {@code path}
     * @param refCtrOffset file offset of a USDT semaphore the kernel counts up while attached, or 0
     * @param pid          the only process probed, or -1 for all
     */
    public static UprobeAttachment attach(BpfProgram program, String target, String path, long offset,
                                          boolean ret, long refCtrOffset, long pid) {
        UprobePmu pmu = UprobePmu.system();
        long config = pmu.config(ret, refCtrOffset);
        return new UprobeAttachment(target,
                AttachedFds.perfEvent(program, () -> Perf.openUprobe(pmu.type(), config, path, offset, (int) pid)));
    }
}
