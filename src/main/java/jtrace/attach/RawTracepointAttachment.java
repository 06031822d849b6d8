package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Bpf;

/** A RAW_TRACEPOINT program on a kernel tracepoint, through BPF_RAW_TRACEPOINT_OPEN; closing the fd detaches it. */
public final class RawTracepointAttachment implements Attachment {
    private final String target;
    private final AttachedFds fds;

    private RawTracepointAttachment(String target, AttachedFds fds) {
        this.target = target;
        this.fds = fds;
    }

    public static RawTracepointAttachment attach(BpfProgram program, String event) {
        return new RawTracepointAttachment("rawtracepoint:" + event, AttachedFds.of(Bpf.rawTracepointOpen(event, program.fd())));
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public void close() {
        fds.close();
    }
}
