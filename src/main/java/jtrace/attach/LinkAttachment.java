package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Bpf;
import jtrace.sys.Fd;

/**
 * A tracing program attached by BPF_LINK_CREATE at the BTF id it was loaded with: fentry/fexit
 * through a trampoline, or an iterator, which runs each time {@link #runIterator()} reads it.
 */
public final class LinkAttachment implements Attachment {
    private final String target;
    private final AttachedFds link;

    private LinkAttachment(String target, AttachedFds link) {
        this.target = target;
        this.link = link;
    }

    /** @param attachType {@link Bpf#BPF_TRACE_FENTRY}, {@link Bpf#BPF_TRACE_FEXIT} or {@link Bpf#BPF_TRACE_ITER} */
    public static LinkAttachment attach(BpfProgram program, int attachType, String target) {
        return new LinkAttachment(target, AttachedFds.of(Bpf.linkCreate(program.fd(), attachType)));
    }

    /** Runs an iterator link once over all its objects (BPF_ITER_CREATE, then read to the end). */
    public void runIterator() {
        int fd = Bpf.iterCreate(link.first());
        try {
            Bpf.drain(fd);
        } finally {
            Fd.close(fd);
        }
    }

    @Override
    public String target() { return target; }

    @Override
    public void close() {
        link.close();
    }
}
