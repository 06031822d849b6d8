package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Fd;
import jtrace.sys.Perf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.IntUnaryOperator;

/**
 * The file descriptors that keep a program attached, closed once. Perf events are opened
 * disabled, given the program (PERF_EVENT_IOC_SET_BPF) and enabled only when all are ready, and
 * are disabled before they are closed; a link or raw tracepoint fd is simply closed. Public only
 * as the type of {@link Attachment#fds()}: everything it does stays inside this package.
 */
public final class AttachedFds {
    private final List<Integer> fds;
    private final boolean perfEvents;
    private boolean closed;

    private AttachedFds(List<Integer> fds, boolean perfEvents) {
        this.fds = List.copyOf(fds);
        this.perfEvents = perfEvents;
    }

    /** A BPF link or raw tracepoint fd: the program stays attached while it is open. */
    static AttachedFds of(int fd) { return new AttachedFds(List.of(fd), false); }

    /** One perf event opened by {@code open}, running {@code program}. */
    static AttachedFds perfEvent(BpfProgram program, IntSupplier open) {
        return perfEvents(program, List.of(0), ignored -> open.getAsInt());
    }

    /**
     * One perf event per element of {@code on} (CPUs, usually), opened by {@code open}, all running
     * {@code program}; if any step fails, the events opened so far are closed.
     */
    static AttachedFds perfEvents(BpfProgram program, List<Integer> on, IntUnaryOperator open) {
        var fds = new ArrayList<Integer>();
        try {
            for (int x : on) {
                int fd = open.applyAsInt(x);
                fds.add(fd);
                Perf.setBpf(fd, program.fd());
            }
            for (int fd : fds) Perf.enable(fd);
        } catch (RuntimeException e) {
            fds.forEach(Fd::close);
            throw e;
        }
        return new AttachedFds(fds, true);
    }

    /** The first (for links and raw tracepoints, the only) fd. */
    int first() { return fds.getFirst(); }

    int count() { return fds.size(); }

    synchronized void close() {
        if (closed) return;
        closed = true;
        for (int fd : fds) {
            try {
                if (perfEvents) Perf.disable(fd);
            } finally {
                Fd.close(fd);
            }
        }
    }
}
