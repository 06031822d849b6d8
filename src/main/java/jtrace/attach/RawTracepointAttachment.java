package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Bpf;

/** A RAW_TRACEPOINT program on a kernel tracepoint, through BPF_RAW_TRACEPOINT_OPEN; closing the fd detaches it. */
public record RawTracepointAttachment(String target, AttachedFds fds) implements Attachment {
    public static RawTracepointAttachment attach(BpfProgram program, String event) {
        return new RawTracepointAttachment("rawtracepoint:" + event, AttachedFds.of(Bpf.rawTracepointOpen(event, program.fd())));
    }
}
