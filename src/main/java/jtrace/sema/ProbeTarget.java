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

    record Tracepoint(String category, String event, List<TracepointField> fields) implements ProbeTarget {
        public Tracepoint { fields = List.copyOf(fields); }

        public String name() { return "tracepoint:" + category + ":" + event; }

        /** Syscall tracepoints carry user-space pointers; others point into the kernel. */
        public boolean userPointers() { return category.equals("syscalls"); }
    }

    /** {@code interval:UNIT:N}: runs on one CPU every {@code periodNanos}. */
    record Interval(String name, long periodNanos) implements ProbeTarget {}

    /** {@code profile:UNIT:N}: runs on every CPU every {@code periodNanos}. */
    record Profile(String name, long periodNanos) implements ProbeTarget {}

    /** {@code software:EVENT:COUNT}: runs every {@code count} occurrences of a software event, on every CPU. */
    record Software(String name, PerfEventDef event, long count) implements ProbeTarget {}

    /** {@code hardware:EVENT:COUNT}: runs every {@code count} occurrences of a hardware counter, on every CPU. */
    record Hardware(String name, PerfEventDef event, long count) implements ProbeTarget {}

    /** Probes on kernel code and data, each in its own file. */
    sealed interface Kernel extends ProbeTarget permits KprobeTarget, FentryTarget, WatchpointTarget, IterTarget {}
}
