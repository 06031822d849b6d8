package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Bpf;
import jtrace.sys.Fd;

/**
 * A tracing program attached by BPF_LINK_CREATE at the BTF id it was loaded with: fentry/fexit
 * through a trampoline, or an iterator, which runs each time {@link #runIterator()} reads it.
 */
public record LinkAttachment(String target, AttachedFds fds) implements Attachment {
    /** @param attachType {@link Bpf#BPF_TRACE_FENTRY}, {@link Bpf#BPF_TRACE_FEXIT} or {@link Bpf#BPF_TRACE_ITER} */
    public static LinkAttachment attach(BpfProgram program, int attachType, String target) {
        return new LinkAttachment(target, AttachedFds.of(Bpf.linkCreate(program.fd(), attachType)));
    }

    /** Runs an iterator link once over all its objects (BPF_ITER_CREATE, then read to the end). */
    public void runIterator() {
        int fd = Bpf.iterCreate(fds.first());
        try {
            Bpf.drain(fd);
        } finally {
            Fd.close(fd);
        }
    }
}
