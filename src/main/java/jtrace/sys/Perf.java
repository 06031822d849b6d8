package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/** perf_event_open(2) and the perf event ioctls used to run BPF programs. */
public final class Perf {
    private Perf() {}

    static final long SYS_PERF_EVENT_OPEN = 298; // __NR_perf_event_open on x86_64

    // enum perf_type_id
    public static final int PERF_TYPE_HARDWARE = 0, PERF_TYPE_SOFTWARE = 1, PERF_TYPE_TRACEPOINT = 2;
    // enum perf_sw_ids
    public static final int PERF_COUNT_SW_CPU_CLOCK = 0;

    static final long PERF_FLAG_FD_CLOEXEC = 1L << 3;
    // attr bit fields (the u64 after read_format)
    static final long ATTR_DISABLED = 1L, ATTR_INHERIT = 1L << 1, ATTR_FREQ = 1L << 10;

    // ioctl requests: _IO('$', n) and _IOW('$', 8, __u32)
    static final long PERF_EVENT_IOC_ENABLE = 0x2400, PERF_EVENT_IOC_DISABLE = 0x2401,
            PERF_EVENT_IOC_SET_BPF = 0x40042408L;

    /** struct perf_event_attr up to sig_data (PERF_ATTR_SIZE_VER7, 128 bytes). */
    static final StructLayout ATTR = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("type"), ValueLayout.JAVA_INT.withName("size"),
            ValueLayout.JAVA_LONG.withName("config"), ValueLayout.JAVA_LONG.withName("sample_period"),
            ValueLayout.JAVA_LONG.withName("sample_type"), ValueLayout.JAVA_LONG.withName("read_format"),
            ValueLayout.JAVA_LONG.withName("flags"), ValueLayout.JAVA_INT.withName("wakeup_events"),
            ValueLayout.JAVA_INT.withName("bp_type"), ValueLayout.JAVA_LONG.withName("config1"),
            ValueLayout.JAVA_LONG.withName("config2"), ValueLayout.JAVA_LONG.withName("branch_sample_type"),
            ValueLayout.JAVA_LONG.withName("sample_regs_user"), ValueLayout.JAVA_INT.withName("sample_stack_user"),
            ValueLayout.JAVA_INT.withName("clockid"), ValueLayout.JAVA_LONG.withName("sample_regs_intr"),
            ValueLayout.JAVA_INT.withName("aux_watermark"), MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_INT.withName("aux_sample_size"), MemoryLayout.paddingLayout(4),
            ValueLayout.JAVA_LONG.withName("sig_data"));

    /** perf_type_id of hardware breakpoints; its bp_type values (linux/hw_breakpoint.h). */
    public static final int PERF_TYPE_BREAKPOINT = 5;
    public static final int HW_BREAKPOINT_R = 1, HW_BREAKPOINT_W = 2, HW_BREAKPOINT_X = 4;

    /**
     * Opens a tracepoint event (disabled) by its tracefs id, for all processes. One CPU is enough
     * for BPF: the program hangs off the trace event and runs wherever the tracepoint fires.
     */
    public static int openTracepoint(int tracepointId, int cpu) {
        return counter(PERF_TYPE_TRACEPOINT, tracepointId, 1, false, cpu, -1);
    }

    /**
     * Opens a software cpu-clock event (disabled) on one CPU, firing every {@code period}
     * nanoseconds, or {@code period} times a second when {@code frequency} is set; for every
     * process, or with {@code pid} &gt; 0 only while that process runs (see {@link #counter}).
     */
    public static int openCpuClock(int cpu, long period, boolean frequency, int pid) {
        return counter(PERF_TYPE_SOFTWARE, PERF_COUNT_SW_CPU_CLOCK, period, frequency, cpu, pid);
    }

    /**
     * Opens a counting event of {@code type} (PERF_TYPE_SOFTWARE or PERF_TYPE_HARDWARE) and
     * {@code config} (disabled) on one CPU, sampling every {@code period} events; for every
     * process, or with {@code pid} &gt; 0 that process only (see {@link #counter}).
     */
    public static int openCounter(int type, long config, long period, int cpu, int pid) {
        return counter(type, config, period, false, cpu, pid);
    }

    /**
     * Opens a uprobe (disabled) through the uprobe PMU ({@code type} from
     * /sys/bus/event_source/devices/uprobe/type): the probe lives as long as the fd, so nothing is
     * left in tracefs's uprobe_events if the process dies. {@code config} carries the retprobe and
     * ref_ctr_offset bits. With {@code pid} &ge; 0 only that process is probed; otherwise every
     * process (on CPU 0's event, which runs the BPF program wherever the probe is hit).
     */
    public static int openUprobe(int type, long config, String path, long offset, int pid) {
        return pmuProbe(type, config, path, offset, pid >= 0 ? pid : -1, pid >= 0 ? -1 : 0,
                "uprobe " + path + "+0x" + Long.toHexString(offset) + (pid >= 0 ? ", pid " + pid : ""));
    }

    /**
     * Opens a kprobe (disabled) through the kprobe PMU of perf type {@code pmuType}: on
     * {@code function}+{@code offset}, a return probe when {@code config} has the PMU's retprobe bit.
     */
    public static int openKprobe(int pmuType, long config, String function, long offset, int cpu) {
        return pmuProbe(pmuType, config, function, offset, -1, cpu, "kprobe " + function);
    }

    /**
     * Opens a hardware breakpoint (disabled) on {@code len} bytes at {@code addr}, firing on the
     * accesses {@code bpType} names: in process {@code pid} on any CPU, or with pid -1 on CPU {@code cpu}.
     */
    public static int openBreakpoint(long addr, int len, int bpType, int pid, int cpu) {
        try (var arena = Arena.ofConfined()) {
            var attr = attr(arena, PERF_TYPE_BREAKPOINT, 0, 1, ATTR_DISABLED)
                    .set("bp_type", bpType).set("config1", addr).set("config2", (long) len);
            return open(attr, pid, pid >= 0 ? -1 : cpu, "breakpoint 0x" + Long.toHexString(addr));
        }
    }

    /**
     * A sampling or counting event on one CPU: for all processes, or with {@code pid} &gt; 0 for
     * that process only, and what it starts later (perf's inherit).
     */
    private static int counter(int type, long config, long period, boolean frequency, int cpu, int pid) {
        boolean oneProcess = pid > 0;
        try (var arena = Arena.ofConfined()) {
            var attr = attr(arena, type, config, period,
                    ATTR_DISABLED | (oneProcess ? ATTR_INHERIT : 0) | (frequency ? ATTR_FREQ : 0));
            return open(attr, oneProcess ? pid : -1, cpu,
                    describe(type, config) + ", cpu " + cpu + (oneProcess ? ", pid " + pid : ""));
        }
    }

    /** A probe made by a kprobe or uprobe PMU: config1 points to the function or path, config2 is the offset. */
    private static int pmuProbe(int type, long config, String name, long offset, int pid, int cpu, String what) {
        try (var arena = Arena.ofConfined()) {
            var attr = attr(arena, type, config, 1, ATTR_DISABLED)
                    .set("config1", arena.allocateFrom(name)).set("config2", offset);
            return open(attr, pid, cpu, what);
        }
    }

    private static Struct attr(Arena arena, int type, long config, long period, long flags) {
        return new Struct(arena, ATTR).set("type", type).set("size", ATTR.byteSize()).set("config", config)
                .set("sample_period", period).set("flags", flags).set("wakeup_events", 1);
    }

    private static int open(Struct attr, int pid, int cpu, String what) {
        long fd = Libc.syscall(SYS_PERF_EVENT_OPEN, attr.seg.address(), pid, cpu, -1, PERF_FLAG_FD_CLOEXEC);
        if (fd < 0) throw new SysException("perf_event_open(" + what + ")", Libc.errno());
        return (int) fd;
    }

    private static String describe(int type, long config) {
        return switch (type) {
            case PERF_TYPE_TRACEPOINT -> "tracepoint id " + config;
            case PERF_TYPE_SOFTWARE -> config == PERF_COUNT_SW_CPU_CLOCK ? "cpu-clock" : "software event " + config;
            case PERF_TYPE_HARDWARE -> "hardware event " + config;
            default -> "type " + type;
        };
    }

    /** PERF_EVENT_IOC_SET_BPF: run {@code progFd} whenever the event fires. */
    public static void setBpf(int perfFd, int progFd) {
        ioctl(perfFd, PERF_EVENT_IOC_SET_BPF, progFd, "PERF_EVENT_IOC_SET_BPF");
    }

    public static void enable(int perfFd) {
        ioctl(perfFd, PERF_EVENT_IOC_ENABLE, 0, "PERF_EVENT_IOC_ENABLE");
    }

    public static void disable(int perfFd) {
        ioctl(perfFd, PERF_EVENT_IOC_DISABLE, 0, "PERF_EVENT_IOC_DISABLE");
    }

    private static void ioctl(int fd, long request, long arg, String name) {
        if (Libc.ioctl(fd, request, arg) < 0) throw new SysException("ioctl(" + name + ")", Libc.errno());
    }
}
