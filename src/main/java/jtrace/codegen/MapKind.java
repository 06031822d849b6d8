package jtrace.codegen;

/** The kinds of kernel map code generation asks for; the loader maps them to BPF_MAP_TYPE_*. */
public enum MapKind {
    HASH, PERCPU_HASH, ARRAY, PERCPU_ARRAY, RINGBUF, STACK_TRACE,
    /** Declared maps only ({@code lruhash}, {@code percpulruhash}). */
    LRU_HASH, LRU_PERCPU_HASH;

    /** Whether each CPU has its own value (aggregations). */
    public boolean perCpu() { return this == PERCPU_HASH || this == PERCPU_ARRAY || this == LRU_PERCPU_HASH; }
}
