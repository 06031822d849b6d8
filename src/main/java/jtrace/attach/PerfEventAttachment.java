package jtrace.attach;

import java.util.ArrayList;
import java.util.List;

import jtrace.load.BpfProgram;
import jtrace.sys.Cpus;
import jtrace.sys.Fd;
import jtrace.sys.Perf;
import jtrace.sys.SysException;

/**
 * A PERF_EVENT program on a software cpu-clock event, one perf event per online CPU (for
 * bpftrace's {@code profile} and, on one CPU, {@code interval}).
 */
public final class PerfEventAttachment implements Attachment {
    private final String target;
    private final List<Integer> fds;
    private boolean closed;

    private PerfEventAttachment(String target, List<Integer> fds) {
        this.target = target;
        this.fds = fds;
    }

    /** Fires every {@code periodNs} nanoseconds of CPU time on each of {@code cpus}. */
    public static PerfEventAttachment everyNanos(BpfProgram program, long periodNs, List<Integer> cpus) {
        return attach(program, periodNs, false, cpus, "cpu-clock every " + periodNs + "ns");
    }

    /** Fires {@code hz} times a second on each of {@code cpus}. */
    public static PerfEventAttachment atFrequency(BpfProgram program, long hz, List<Integer> cpus) {
        return attach(program, hz, true, cpus, "cpu-clock at " + hz + "Hz");
    }

    /** Fires every {@code periodNs} nanoseconds on every online CPU. */
    public static PerfEventAttachment everyNanos(BpfProgram program, long periodNs) {
        return everyNanos(program, periodNs, Cpus.online());
    }

    private static PerfEventAttachment attach(BpfProgram program, long period, boolean frequency,
                                              List<Integer> cpus, String target) {
        var fds = new ArrayList<Integer>();
        try {
            for (int cpu : cpus) {
                int fd = Perf.openCpuClock(cpu, period, frequency);
                fds.add(fd);
                Perf.setBpf(fd, program.fd());
            }
            for (int fd : fds) Perf.enable(fd);
        } catch (SysException e) {
            fds.forEach(Fd::close);
            throw e;
        }
        return new PerfEventAttachment(target, List.copyOf(fds));
    }

    @Override
    public String target() {
        return target;
    }

    /** How many perf events (CPUs) this attachment holds. */
    public int eventCount() {
        return fds.size();
    }

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
