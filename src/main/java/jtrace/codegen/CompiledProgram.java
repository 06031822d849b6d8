package jtrace.codegen;

import java.util.List;

/** Everything the loader and runtime need: maps, one program per probe, and event meanings. */
public record CompiledProgram(List<MapDef> maps, List<CompiledProbe> probes, List<EventSpec> events,
                              StringTruncation truncation) {
    public static final String RINGBUF = "ringbuf";
    /** Per-CPU error counters, one u64 slot per cause: {@link #LOST_EVENTS}, {@link #MAP_FULL}. */
    public static final String LOST_COUNTER = "lost_events";
    /** Slot of LOST_COUNTER: events dropped because the ring buffer was full. */
    public static final int LOST_EVENTS = 0;
    /** Slot of LOST_COUNTER: map updates refused because a hash map was full (-E2BIG). */
    public static final int MAP_FULL = 1;

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
