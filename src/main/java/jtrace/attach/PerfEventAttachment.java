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
    /**
     * Fires every {@code periodNs} nanoseconds of CPU time on each of {@code cpus}: of every
     * process's, or with {@code pid} &gt; 0 of that process's only (-p).
     */
    public static PerfEventAttachment everyNanos(BpfProgram program, long periodNs, List<Integer> cpus, long pid) {
        return attach(program, cpus, "cpu-clock every " + periodNs + "ns" + ofPid(pid),
                cpu -> Perf.openCpuClock(cpu, periodNs, false, (int) pid));
    }

    /** Fires every {@code periodNs} nanoseconds on every online CPU, for every process. */
    public static PerfEventAttachment everyNanos(BpfProgram program, long periodNs) {
        return everyNanos(program, periodNs, Cpus.online(), -1);
    }

    /** Fires {@code hz} times a second on each of {@code cpus}. */
    public static PerfEventAttachment atFrequency(BpfProgram program, long hz, List<Integer> cpus) {
        return attach(program, cpus, "cpu-clock at " + hz + "Hz", cpu -> Perf.openCpuClock(cpu, hz, true, -1));
    }

    /**
     * Fires every {@code period} occurrences of the {@code type}/{@code config} event on each of
     * {@code cpus}, of every process or with {@code pid} &gt; 0 of that process only (-p). A machine
     * without a PMU refuses hardware events with ENOENT or EOPNOTSUPP, reported as
     * {@link NoHardwareCountersException}.
     */
    public static PerfEventAttachment counter(BpfProgram program, int type, long config, long period,
                                              List<Integer> cpus, String target, long pid) {
        try {
            return attach(program, cpus, target, cpu -> Perf.openCounter(type, config, period, cpu, (int) pid));
        } catch (SysException e) {
            if (type == Perf.PERF_TYPE_HARDWARE && (e.errno() == Errno.ENOENT || e.errno() == Errno.EOPNOTSUPP)) {
                throw new NoHardwareCountersException(target, e);
            }
            throw e;
        }
    }

    private static String ofPid(long pid) {
        return pid > 0 ? " of pid " + pid : "";
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
