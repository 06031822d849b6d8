package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Fd;
import jtrace.sys.Perf;
import jtrace.sys.SysException;
import jtrace.sys.Tracefs;

/** A TRACEPOINT program on a tracepoint, through a perf event (perf_event_open + PERF_EVENT_IOC_SET_BPF). */
public final class TracepointAttachment implements Attachment {
    private final String target;
    private final int perfFd;
    private boolean closed;

    private TracepointAttachment(String target, int perfFd) {
        this.target = target;
        this.perfFd = perfFd;
    }

    /** Attaches and enables; throws {@link jtrace.sys.UnknownTracepointException} for a missing tracepoint. */
    public static TracepointAttachment attach(BpfProgram program, String category, String event) {
        int id = Tracefs.tracepointId(category, event);
        int fd = Perf.openTracepoint(id, 0);
        try {
            Perf.setBpf(fd, program.fd());
            Perf.enable(fd);
        } catch (SysException e) {
            Fd.close(fd);
            throw e;
        }
        return new TracepointAttachment("tracepoint:" + category + ":" + event, fd);
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
