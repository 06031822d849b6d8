package jtrace.runtime;

import jtrace.codegen.KeyLayout;
import jtrace.codegen.MapDef;
import jtrace.load.BpfMap;
import jtrace.types.HistBuckets;
import jtrace.types.Type;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a user map out of the kernel and folds per-CPU slots and histogram buckets into {@link MapValue}s. */
final class MapReader {
    private final int cpuCount;

    private final Symbolizer symbols;

    MapReader(int cpuCount) { this(cpuCount, Symbolizer.DETACHED); }

    MapReader(int cpuCount, Symbolizer symbols) {
        this.cpuCount = cpuCount;
        this.symbols = symbols;
    }

    Symbolizer symbols() { return symbols; }

    MapDump read(MapDef def, BpfMap map) {
        Type value = def.info().value();
        KeyLayout layout = def.keyLayout();
        List<Map.Entry<List<Value>, MapValue>> entries = new ArrayList<>();
        if (value instanceof Type.Hist || value instanceof Type.Lhist) {
            // Each bucket is its own kernel entry: group them by the user key.
            Map<List<Value>, long[]> groups = new LinkedHashMap<>();
            int buckets = value instanceof Type.Hist h ? HistBuckets.log2Count(h.k())
                    : HistBuckets.linearCount(((Type.Lhist) value).min(), ((Type.Lhist) value).max(), ((Type.Lhist) value).step());
            for (byte[] key : map.keys()) {
                byte[] v = map.lookup(key);
                if (v == null) continue;
                List<Value> userKey = keyValues(layout, key);
                int bucket = (int) ValueDecoder.u64(key, layout.bucketOffset());
                long[] counts = groups.computeIfAbsent(userKey, k -> new long[buckets]);
                if (bucket >= 0 && bucket < buckets) counts[bucket] += sumSlots(v, 0, 8);
            }
            for (Map.Entry<List<Value>, long[]> g : groups.entrySet()) {
                MapValue mv = value instanceof Type.Hist h ? new MapValue.Hist(g.getValue(), h.k())
                        : new MapValue.Lhist(g.getValue(), ((Type.Lhist) value).min(), ((Type.Lhist) value).max(), ((Type.Lhist) value).step());
                entries.add(new AbstractMap.SimpleImmutableEntry<>(g.getKey(), mv));
            }
            return new MapDump(def.name(), entries);
        }
        for (byte[] key : map.keys()) {
            byte[] v = map.lookup(key);
            if (v == null) continue;
            entries.add(new AbstractMap.SimpleImmutableEntry<>(keyValues(layout, key), mapValue(value, v, def.valueSize())));
        }
        return new MapDump(def.name(), entries, value instanceof Type.Avg || value instanceof Type.Stats);
    }

    /**
     * The map as print() shows it: as {@link #read}, except that a scalar map of a number or
     * aggregation with no value yet (never set, or cleared) holds its zero, so it prints
     * {@code @: 0} as current bpftrace's print does, not nothing.
     */
    MapDump readForPrint(MapDef def, BpfMap map) {
        MapDump dump = read(def, map);
        Type value = def.info().value();
        boolean number = switch (value) {
            case Type.Count c -> true;
            case Type.Sum x -> true;
            case Type.Avg x -> true;
            case Type.Stats x -> true;
            case Type.Min x -> true;
            case Type.Max x -> true;
            case Type.Int x -> true;
            default -> false;
        };
        if (!dump.entries().isEmpty() || !number || !def.keyLayout().elements().isEmpty()) return dump;
        MapValue zero = mapValue(value, new byte[cpuCount * ((def.valueSize() + 7) / 8 * 8)], def.valueSize());
        return new MapDump(dump.name(), List.of(new AbstractMap.SimpleImmutableEntry<>(List.of(), zero)), dump.stats());
    }

    private List<Value> keyValues(KeyLayout layout, byte[] key) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < layout.elements().size(); i++) {
            out.add(ValueDecoder.decode(layout.elements().get(i), key, layout.offsets().get(i), symbols));
        }
        return out;
    }

    private MapValue mapValue(Type t, byte[] v, int valueSize) {
        int slot = (valueSize + 7) / 8 * 8;
        return switch (t) {
            case Type.Count c -> new MapValue.Count(sumSlots(v, 0, slot));
            case Type.Sum s -> new MapValue.Sum(sumSlots(v, 0, slot), s.of().signed());
            case Type.Avg a -> new MapValue.Avg(sumSlots(v, 0, slot), sumSlots(v, 8, slot), a.of().signed());
            case Type.Stats s -> new MapValue.Stats(sumSlots(v, 8, slot), sumSlots(v, 0, slot), s.of().signed());
            case Type.Min m -> new MapValue.Min(extreme(v, slot, m.of().signed(), true), m.of().signed());
            case Type.Max m -> new MapValue.Max(extreme(v, slot, m.of().signed(), false), m.of().signed());
            default -> new MapValue.Scalar(ValueDecoder.decode(t, v, 0, symbols));
        };
    }

    private long sumSlots(byte[] v, int field, int slot) {
        long total = 0;
        for (int cpu = 0; cpu < cpuCount && cpu * slot + field + 8 <= v.length; cpu++) total += ValueDecoder.u64(v, cpu * slot + field);
        return total;
    }

    /** The min or max over the CPUs whose slot was set. */
    private long extreme(byte[] v, int slot, boolean signed, boolean min) {
        boolean any = false;
        long best = 0;
        for (int cpu = 0; cpu < cpuCount && cpu * slot + 16 <= v.length; cpu++) {
            if (ValueDecoder.u64(v, cpu * slot + 8) == 0) continue;
            long x = ValueDecoder.u64(v, cpu * slot);
            int cmp = signed ? Long.compare(x, best) : Long.compareUnsigned(x, best);
            if (!any || (min ? cmp < 0 : cmp > 0)) best = x;
            any = true;
        }
        return best;
    }
}
