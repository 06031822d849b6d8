package jtrace.codegen;

import jtrace.sema.CheckedProgram;
import jtrace.sema.CompileOptions;
import jtrace.sema.MapInfo;
import jtrace.types.Type;
import jtrace.types.TupleLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What all probes of one program share: the maps, the event table, and run-time constants. */
final class ProgramContext {
    static final long PAGE_SIZE = 4096;
    /**
     * The largest ring the default perf_rb_pages gives, and the largest any setting gives (1 GiB).
     * 64 MiB, above bpftrace's 16 MiB: with 16 MiB a burst of a million printf events loses ~14% of
     * them (bench/run), and losing none matters more to users than the memory.
     */
    static final long DEFAULT_RINGBUF_CAP = 64L << 20, MAX_RINGBUF_BYTES = 1L << 30;

    private final CheckedProgram checked;
    private final long startNanos;
    private final int cpuCount;
    private final Map<String, MapDef> maps = new LinkedHashMap<>();
    private final List<EventSpec> events = new ArrayList<>();
    private int scratchMaps;

    ProgramContext(CheckedProgram checked, long startNanos, int cpuCount) {
        this.checked = checked;
        this.startNanos = startNanos;
        this.cpuCount = cpuCount;
        for (MapInfo info : checked.maps().values()) {
            MapDef def = userMap(info, checked.options().maxMapKeys());
            maps.put(info.name(), checked.declared(info.name()) == null ? def : declared(def, checked.declared(info.name())));
        }
        maps.put(CompiledProgram.RINGBUF, new MapDef(CompiledProgram.RINGBUF, MapKind.RINGBUF, 0, 0,
                ringBufferBytes(checked.options().perfRbPages(), cpuCount), null, null));
        maps.put(CompiledProgram.LOST_COUNTER, new MapDef(CompiledProgram.LOST_COUNTER, MapKind.ARRAY, 4,
                CompiledProgram.COUNTER_SLOTS * 8, 1, null, null));
    }

    /** perf_rb_pages pages per CPU, as one ring: rounded up to a power of two (the kernel's rule). */
    static int ringBufferBytes(int pagesPerCpu, int cpus) {
        long want = Math.max(1, pagesPerCpu) * PAGE_SIZE * Math.max(1, cpus);
        long cap = pagesPerCpu == CompileOptions.DEFAULT_PERF_RB_PAGES ? DEFAULT_RINGBUF_CAP : MAX_RINGBUF_BYTES;
        long bytes = Long.highestOneBit(Math.min(want, cap));
        if (bytes < want && bytes < cap) bytes <<= 1;
        return (int) Math.min(bytes, cap);
    }

    private static MapDef userMap(MapInfo info, int maxKeys) {
        Type v = info.value();
        boolean bucketed = v instanceof Type.Hist || v instanceof Type.Lhist;
        KeyLayout key = KeyLayout.of(info.keys(), bucketed);
        int entries = info.keys().isEmpty() && !bucketed ? 1 : maxKeys;
        if (bucketed) entries = Math.max(entries, 4096);
        return switch (v) {
            case Type.Hist h -> new MapDef(info.name(), MapKind.PERCPU_HASH, key.size(), 8, entries, info, key);
            case Type.Lhist l -> new MapDef(info.name(), MapKind.PERCPU_HASH, key.size(), 8, entries, info, key);
            case Type.Aggregation a -> new MapDef(info.name(), MapKind.PERCPU_HASH, key.size(), a.size(), entries, info, key);
            default -> new MapDef(info.name(), MapKind.HASH, key.size(), TupleLayout.slotSize(v), entries, info, key);
        };
    }

    /** A declared map: the declaration's BPF map type and max entries (sema checked they suit its values). */
    private static MapDef declared(MapDef def, jtrace.sema.DeclaredMap d) {
        MapKind kind = switch (d.kind()) {
            case HASH -> MapKind.HASH;
            case LRU_HASH -> MapKind.LRU_HASH;
            case PERCPU_HASH -> MapKind.PERCPU_HASH;
            case LRU_PERCPU_HASH -> MapKind.LRU_PERCPU_HASH;
            case PERCPU_ARRAY -> MapKind.PERCPU_ARRAY;
            case ARRAY -> MapKind.ARRAY;
        };
        // An array's key is its u32 index; the program's zeroed scalar key reads as index 0.
        int keySize = kind == MapKind.PERCPU_ARRAY ? 4 : def.keySize();
        return new MapDef(def.name(), kind, keySize, def.valueSize(), d.maxEntries(), def.info(), def.keyLayout());
    }

    MapDef map(String name) {
        MapDef m = maps.get(name);
        if (m == null) throw new IllegalStateException("no map " + name);
        return m;
    }

    /** A stack trace map (u32 stack id -> {@code valueSize} bytes of addresses), made on first use. */
    void stackMap(String name, int valueSize, int entries) {
        maps.computeIfAbsent(name, n -> new MapDef(n, MapKind.STACK_TRACE, 4, valueSize, entries, null, null));
    }

    /**
     * A new one-entry per-CPU array of {@code size}-byte values: one probe's scratch frame. One per
     * probe, so a probe that runs nested inside another on the same CPU does not share its memory.
     */
    String scratchMap(int size) {
        String name = "scratch" + scratchMaps++;
        maps.put(name, new MapDef(name, MapKind.PERCPU_ARRAY, 4, size, 1, null, null));
        return name;
    }

    int eventCount() { return events.size(); }

    /** Forgets the events of a probe generation that was abandoned. */
    void dropEventsFrom(int count) { events.subList(count, events.size()).clear(); }

    int addEvent(EventSpec spec) {
        events.add(spec);
        return events.size() - 1;
    }

    long startNanos() { return startNanos; }

    int cpuCount() { return cpuCount; }

    CheckedProgram checked() { return checked; }

    List<MapDef> maps() { return List.copyOf(maps.values()); }

    List<EventSpec> events() { return List.copyOf(events); }

    long positionalNumber(int index) {
        List<String> params = checked.options().positionalParams();
        if (index > params.size()) return 0;
        String v = params.get(index - 1);
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    String positionalString(int index) {
        List<String> params = checked.options().positionalParams();
        return index > params.size() ? "" : params.get(index - 1);
    }

    int positionalCount() { return checked.options().positionalParams().size(); }
}
