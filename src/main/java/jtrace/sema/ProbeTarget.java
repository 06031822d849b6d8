package jtrace.sema;

import java.util.List;

/** A single concrete place a probe body runs, after aliases are resolved and wildcards expanded. */
public sealed interface ProbeTarget {

    /** The full name bpftrace's {@code probe} builtin gives, e.g. {@code tracepoint:syscalls:sys_enter_read}. */
    String name();

    /** {@code BEGIN} / {@code begin}, named as written. */
    record Begin(String name) implements ProbeTarget {}

    /** {@code END} / {@code end}, named as written. */
    record End(String name) implements ProbeTarget {}

    /**
     * {@code self:signal:SIGUSR1}: run by jtrace itself (as begin is) each time its process
     * receives the signal; {@code signal} is the name without "SIG".
     */
    record SelfSignal(String signal) implements ProbeTarget {
        public String name() { return "self:signal:SIG" + signal; }
    }

    record Tracepoint(String category, String event, List<TracepointField> fields) implements ProbeTarget {
        public Tracepoint { fields = List.copyOf(fields); }

        public String name() { return "tracepoint:" + category + ":" + event; }

        /** Syscall tracepoints carry user-space pointers; others point into the kernel. */
        public boolean userPointers() { return category.equals("syscalls"); }
    }

    /**
     * {@code rawtracepoint:[vmlinux:]EVENT}: a BPF_PROG_TYPE_RAW_TRACEPOINT program whose context is
     * the tracepoint's u64 arguments; {@code args} are their names and types from BTF (may be empty).
     */
    record RawTracepoint(String event, List<RawArg> args) implements ProbeTarget {
        public RawTracepoint { args = List.copyOf(args); }

        public String name() { return "rawtracepoint:vmlinux:" + event; }
    }

    /** A typed raw tracepoint argument. */
    record RawArg(String name, jtrace.types.Type type) {}

    /** {@code interval:UNIT:N}: runs on one CPU every {@code periodNanos}. */
    record Interval(String name, long periodNanos) implements ProbeTarget {}

    /**
     * {@code profile:UNIT:N}: runs on every CPU every {@code periodNanos}; with -p ({@code pid} &gt; 0)
     * only while that process (and threads it starts later) runs, as bpftrace passes it the pid.
     */
    record Profile(String name, long periodNanos, long pid) implements ProbeTarget {
    }

    /** {@code software:EVENT:COUNT}: runs every {@code count} occurrences of a software event, on every CPU; -p as profile. */
    record Software(String name, PerfEventDef event, long count, long pid) implements ProbeTarget {
    }

    /** {@code hardware:EVENT:COUNT}: runs every {@code count} occurrences of a hardware counter, on every CPU; -p as profile. */
    record Hardware(String name, PerfEventDef event, long count, long pid) implements ProbeTarget {
    }

    /**
     * {@code uprobe:BINARY:FUNC[+OFF]} / {@code uretprobe:}: a breakpoint at {@code fileOffset} of
     * {@code binary}. {@code function} is the value of {@code func}; {@code pid} is the -p process
     * the probe is limited to, or -1 for every process; {@code dwarf}: the file has debug info;
     * {@code signature}: the function's parameters from it, for {@code args}.
     */
    record Uprobe(String name, String binary, String function, long fileOffset, boolean ret, long pid,
                  boolean dwarf, UprobeSignature signature) implements ProbeTarget {
        public Uprobe(String name, String binary, String function, long fileOffset, boolean ret, long pid, boolean dwarf) {
            this(name, binary, function, fileOffset, ret, pid, dwarf, UprobeSignature.NONE);
        }

        public Uprobe withSignature(UprobeSignature s) {
            return new Uprobe(name, binary, function, fileOffset, ret, pid, dwarf, s);
        }
    }

    /** {@code usdt:BINARY:PROVIDER:NAME}: a uprobe at a USDT note's address, with its typed arguments. */
    record Usdt(String name, String binary, jtrace.elf.UsdtProbe probe, long pid) implements ProbeTarget {}
    /** Probes on kernel code and data, each in its own file. */
    sealed interface Kernel extends ProbeTarget permits KprobeTarget, FentryTarget, WatchpointTarget, IterTarget {}
}
