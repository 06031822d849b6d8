package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.WatchpointTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Perf;

import java.util.List;

/**
 * A PERF_EVENT program on a hardware breakpoint: in the traced process (-p/-c), or for a kernel
 * address on every online CPU.
 */
public record WatchpointAttachment(String target, AttachedFds fds) implements Attachment {
    public static WatchpointAttachment attach(BpfProgram program, WatchpointTarget w) {
        int bpType = bpType(w.mode());
        // In a process: one event on any CPU; for a kernel address: one per online CPU.
        List<Integer> cpus = w.pid() >= 0 ? List.of(-1) : Cpus.online();
        int pid = w.pid() >= 0 ? (int) w.pid() : -1;
        return new WatchpointAttachment(w.name(), AttachedFds.perfEvents(program, cpus,
                cpu -> Perf.openBreakpoint(w.address(), w.length(), bpType, pid, cpu)));
    }

    /** HW_BREAKPOINT_* bits of a mode such as {@code rw}. */
    static int bpType(String mode) {
        int t = 0;
        if (mode.indexOf('r') >= 0) t |= Perf.HW_BREAKPOINT_R;
        if (mode.indexOf('w') >= 0) t |= Perf.HW_BREAKPOINT_W;
        if (mode.indexOf('x') >= 0) t |= Perf.HW_BREAKPOINT_X;
        return t;
    }
}
