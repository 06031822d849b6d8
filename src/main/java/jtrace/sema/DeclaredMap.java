package jtrace.sema;

/**
 * A map declared in the preamble ({@code let @a = lruhash(100);}): the BPF map type bpftrace's
 * name stands for, and the map's max entries.
 */
public record DeclaredMap(String name, Kind kind, int maxEntries) {

    /** bpftrace's map type names, with their BPF_MAP_TYPE_*. */
    public enum Kind {
        HASH("hash"),                      // BPF_MAP_TYPE_HASH
        LRU_HASH("lruhash"),               // BPF_MAP_TYPE_LRU_HASH
        PERCPU_HASH("percpuhash"),         // BPF_MAP_TYPE_PERCPU_HASH
        PERCPU_ARRAY("percpuarray"),       // BPF_MAP_TYPE_PERCPU_ARRAY
        LRU_PERCPU_HASH("percpulruhash"),  // BPF_MAP_TYPE_LRU_PERCPU_HASH
        /** BPF_MAP_TYPE_ARRAY: never declared, the implicit type of a scalar map (bpftrace has no name for it). */
        ARRAY("unknown");

        public final String bpftraceName;

        Kind(String bpftraceName) { this.bpftraceName = bpftraceName; }

        static Kind named(String name) {
            for (Kind k : values()) if (k != ARRAY && k.bpftraceName.equals(name)) return k;
            return null;
        }
    }
}
