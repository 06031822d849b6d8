package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.WatchpointTarget;
import jtrace.sys.Cpus;
import jtrace.sys.Fd;
import jtrace.sys.Perf;
import jtrace.sys.SysException;

import java.util.ArrayList;
import java.util.List;

/**
 * A PERF_EVENT program on a hardware breakpoint: in the traced process (-p/-c), or for a kernel
 * address on every online CPU.
 */
public final class WatchpointAttachment implements Attachment {
    private final String target;
    private final List<Integer> fds;
    private boolean closed;

    private WatchpointAttachment(String target, List<Integer> fds) {
        this.target = target;
        this.fds = fds;
    }

    public static WatchpointAttachment attach(BpfProgram program, WatchpointTarget w) {
        int bpType = bpType(w.mode());
        List<Integer> fds = new ArrayList<>();
        try {
            if (w.pid() >= 0) {
                fds.add(Perf.openBreakpoint(w.address(), w.length(), bpType, (int) w.pid(), -1));
            } else {
                for (int cpu : Cpus.online()) fds.add(Perf.openBreakpoint(w.address(), w.length(), bpType, -1, cpu));
            }
            for (int fd : fds) Perf.setBpf(fd, program.fd());
            for (int fd : fds) Perf.enable(fd);
        } catch (SysException e) {
            fds.forEach(Fd::close);
            throw e;
        }
        return new WatchpointAttachment(w.name(), List.copyOf(fds));
    }

    /** HW_BREAKPOINT_* bits of a mode such as {@code rw}. */
    static int bpType(String mode) {
        int t = 0;
        if (mode.indexOf('r') >= 0) t |= Perf.HW_BREAKPOINT_R;
        if (mode.indexOf('w') >= 0) t |= Perf.HW_BREAKPOINT_W;
        if (mode.indexOf('x') >= 0) t |= Perf.HW_BREAKPOINT_X;
        return t;
    }

    @Override
    public String target() { return target; }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        for (int fd : fds) {
            try {
                Perf.disable(fd);
            } finally {
                Fd.close(fd);
            }
        }
    }
}
