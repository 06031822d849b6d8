package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Bpf;
import jtrace.sys.Fd;

/** A RAW_TRACEPOINT program on a kernel tracepoint, through BPF_RAW_TRACEPOINT_OPEN; closing the fd detaches it. */
public final class RawTracepointAttachment implements Attachment {
    private final String target;
    private final int fd;
    private boolean closed;

    private RawTracepointAttachment(String target, int fd) {
        this.target = target;
        this.fd = fd;
    }

    public static RawTracepointAttachment attach(BpfProgram program, String event) {
        return new RawTracepointAttachment("rawtracepoint:" + event, Bpf.rawTracepointOpen(event, program.fd()));
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Fd.close(fd);
    }
}
