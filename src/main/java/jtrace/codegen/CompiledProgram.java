package jtrace.codegen;

import java.util.List;

/** Everything the loader and runtime need: maps, one program per probe, and event meanings. */
public record CompiledProgram(List<MapDef> maps, List<CompiledProbe> probes, List<EventSpec> events,
                              StringTruncation truncation) {
    public static final String RINGBUF = "ringbuf";
    /**
     * Error counters and constants: an array map of one element (key u32 0) whose value holds one
     * u64 per slot, {@link #LOST_EVENTS}, {@link #MAP_FULL}, {@link #ONE}; programs address the
     * slots directly (BPF_PSEUDO_MAP_VALUE).
     */
    public static final String LOST_COUNTER = "lost_events";
    /** Slot of LOST_COUNTER: events dropped because the ring buffer was full. */
    public static final int LOST_EVENTS = 0;
    /** Slot of LOST_COUNTER: map updates refused because a hash map was full (-E2BIG). */
    public static final int MAP_FULL = 1;
    /** Slot of LOST_COUNTER holding the constant 1: the value count() inserts for a new key. */
    public static final int ONE = 2;
    /** Number of u64 slots in LOST_COUNTER's value. */
    public static final int COUNTER_SLOTS = 3;

    /**
     * The output ring's size in bytes for a perf_rb_pages setting on {@code cpus} CPUs, as
     * {@link CodeGenerator} sizes {@link #RINGBUF}: lets the runtime create the ring ahead of compiling.
     */
    public static int ringBufferBytes(int perfRbPages, int cpus) {
        return ProgramContext.ringBufferBytes(perfRbPages, cpus);
    }

    /** LOST_COUNTER's value as the loader must write it before any program runs. */
    public static byte[] counterInitialValue() {
        byte[] v = new byte[COUNTER_SLOTS * 8];
        v[ONE * 8] = 1; // little-endian u64 1
        return v;
    }

    public CompiledProgram(List<MapDef> maps, List<CompiledProbe> probes, List<EventSpec> events) {
        this(maps, probes, events, StringTruncation.DEFAULTS);
    }

    public CompiledProgram {
        maps = List.copyOf(maps);
        probes = List.copyOf(probes);
        events = List.copyOf(events);
    }

    public MapDef map(String name) {
        return maps.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no map " + name));
    }
}
