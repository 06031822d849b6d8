package jtrace.load;

/** Program types, with their enum bpf_prog_type values. */
public enum ProgType {
    KPROBE(2),          // BPF_PROG_TYPE_KPROBE
    TRACEPOINT(5),      // BPF_PROG_TYPE_TRACEPOINT
    PERF_EVENT(7),      // BPF_PROG_TYPE_PERF_EVENT
    RAW_TRACEPOINT(17), // BPF_PROG_TYPE_RAW_TRACEPOINT
    TRACING(26);        // BPF_PROG_TYPE_TRACING

    private final int value;

    ProgType(int value) {
        this.value = value;
    }

    /** The BPF_PROG_TYPE_* value. */
    public int value() {
        return value;
    }
}
