package jtrace.attach;

import java.util.List;
import java.util.function.IntUnaryOperator;

import jtrace.load.BpfProgram;
import jtrace.sys.Cpus;
import jtrace.sys.Errno;
import jtrace.sys.Perf;
import jtrace.sys.SysException;

/**
 * A PERF_EVENT program on perf events, one per CPU: cpu-clock for bpftrace's {@code profile} and,
 * on one CPU, {@code interval}; any software or hardware counter for {@code software:} and
 * {@code hardware:} probes.
 */
public record PerfEventAttachment(String target, AttachedFds fds) implements Attachment {
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

    /**
     * Fires every {@code periodNs} nanoseconds of process {@code pid}'s CPU time (-p), on every
     * online CPU; with pid &le; 0 of every process's.
     */
    public static PerfEventAttachment everyNanos(BpfProgram program, long periodNs, long pid) {
        if (pid <= 0) return everyNanos(program, periodNs);
        return attach(program, Cpus.online(), "cpu-clock every " + periodNs + "ns of pid " + pid,
                cpu -> Perf.openCpuClock(cpu, periodNs, false, (int) pid));
    }

    /**
     * Fires every {@code period} occurrences of the {@code type}/{@code config} event on each of
     * {@code cpus}. A machine without a PMU refuses hardware events with ENOENT or EOPNOTSUPP,
     * reported as {@link NoHardwareCountersException}.
     */
    public static PerfEventAttachment counter(BpfProgram program, int type, long config, long period,
                                              List<Integer> cpus, String target) {
        try {
            return attach(program, cpus, target, cpu -> Perf.openCounter(type, config, period, cpu));
        } catch (SysException e) {
            if (type == Perf.PERF_TYPE_HARDWARE && (e.errno() == Errno.ENOENT || e.errno() == Errno.EOPNOTSUPP)) {
                throw new NoHardwareCountersException(target, e);
            }
            throw e;
        }
    }

    /** {@link #counter}, counting only process {@code pid}'s events (-p) when pid &gt; 0. */
    public static PerfEventAttachment counter(BpfProgram program, int type, long config, long period,
                                              List<Integer> cpus, String target, long pid) {
        if (pid <= 0) return counter(program, type, config, period, cpus, target);
        try {
            return attach(program, cpus, target, cpu -> Perf.openCounter(type, config, period, cpu, (int) pid));
        } catch (SysException e) {
            if (type == Perf.PERF_TYPE_HARDWARE && (e.errno() == Errno.ENOENT || e.errno() == Errno.EOPNOTSUPP)) {
                throw new NoHardwareCountersException(target, e);
            }
            throw e;
        }
    }

    private static PerfEventAttachment attach(BpfProgram program, long period, boolean frequency,
                                              List<Integer> cpus, String target) {
        return attach(program, cpus, target, cpu -> Perf.openCpuClock(cpu, period, frequency));
    }

    private static PerfEventAttachment attach(BpfProgram program, List<Integer> cpus, String target,
                                              IntUnaryOperator open) {
        return new PerfEventAttachment(target, AttachedFds.perfEvents(program, cpus, open));
    }

    /** How many perf events (CPUs) this attachment holds. */
    public int eventCount() {
        return fds.count();
    }
}
