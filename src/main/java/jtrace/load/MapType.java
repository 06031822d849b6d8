package jtrace.load;

/** The map types jtrace creates, with their enum bpf_map_type values. */
public enum MapType {
    HASH(1),            // BPF_MAP_TYPE_HASH
    ARRAY(2),           // BPF_MAP_TYPE_ARRAY
    PERF_EVENT_ARRAY(4),// BPF_MAP_TYPE_PERF_EVENT_ARRAY
    PERCPU_HASH(5),     // BPF_MAP_TYPE_PERCPU_HASH
    PERCPU_ARRAY(6),    // BPF_MAP_TYPE_PERCPU_ARRAY
    STACK_TRACE(7),     // BPF_MAP_TYPE_STACK_TRACE
    LRU_HASH(9),        // BPF_MAP_TYPE_LRU_HASH
    LRU_PERCPU_HASH(10),// BPF_MAP_TYPE_LRU_PERCPU_HASH
    RINGBUF(27);        // BPF_MAP_TYPE_RINGBUF

    private final int value;

    MapType(int value) {
        this.value = value;
    }

    /** The BPF_MAP_TYPE_* value. */
    public int value() {
        return value;
    }

    /** Whether lookups return one value per possible CPU. */
    public boolean perCpu() {
        return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH;
    }

    /** Whether every index below max_entries always exists (deletion is not possible). */
    public boolean isArray() {
        return this == ARRAY || this == PERCPU_ARRAY;
    }
}
