package jtrace.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bpftrace's print order for a map's entries: ascending by value for count/sum/min/max/avg/stats
 * and integer scalars, by total count for hist/lhist, otherwise by key. Sorts are stable, so
 * ties keep the order the entries were read from the kernel.
 */
final class MapEntries {
    private MapEntries() {}

    static List<Map.Entry<List<Value>, MapValue>> sorted(List<Map.Entry<List<Value>, MapValue>> entries) {
        List<Map.Entry<List<Value>, MapValue>> out = new ArrayList<>(entries);
        if (out.isEmpty()) return out;
        MapValue sample = out.getFirst().getValue();
        switch (sample) {
            case MapValue.Count c -> out.sort(Comparator.comparing(e -> ((MapValue.Count) e.getValue()).count(),
                    Long::compareUnsigned));
            case MapValue.Sum s -> out.sort(Comparator.comparing(e -> ((MapValue.Sum) e.getValue()).sum(),
                    order(s.signed())));
            // bpftrace compares min/max as unsigned whatever their sign.
            case MapValue.Min m -> out.sort(Comparator.comparing(e -> ((MapValue.Min) e.getValue()).min(),
                    Long::compareUnsigned));
            case MapValue.Max m -> out.sort(Comparator.comparing(e -> ((MapValue.Max) e.getValue()).max(),
                    Long::compareUnsigned));
            case MapValue.Avg a -> out.sort(Comparator.comparing(e -> ((MapValue.Avg) e.getValue()).average(),
                    order(a.signed())));
            case MapValue.Stats s -> out.sort(Comparator.comparing(e -> ((MapValue.Stats) e.getValue()).average(),
                    order(s.signed())));
            case MapValue.Hist h -> out.sort(Comparator.comparing(e -> total(((MapValue.Hist) e.getValue()).buckets()),
                    Long::compareUnsigned));
            case MapValue.Lhist h -> out.sort(Comparator.comparing(e -> total(((MapValue.Lhist) e.getValue()).buckets()),
                    Long::compareUnsigned));
            case MapValue.Scalar(Value.Int i) -> out.sort(Comparator.comparing(
                    e -> ((Value.Int) ((MapValue.Scalar) e.getValue()).value()).value(), order(i.signed())));
            case MapValue.Scalar s -> sortByKey(out);
        }
        return out;
    }

    private static Comparator<Long> order(boolean signed) {
        return signed ? Long::compare : Long::compareUnsigned;
    }

    private static long total(long[] buckets) {
        long sum = 0;
        for (long b : buckets) sum += b;
        return sum;
    }

    /** By key fields, first field most significant; only integer and string fields take part. */
    private static void sortByKey(List<Map.Entry<List<Value>, MapValue>> out) {
        int fields = out.getFirst().getKey().size();
        for (int f = fields - 1; f >= 0; f--) {
            int field = f;
            Value sample = out.getFirst().getKey().get(field);
            if (sample instanceof Value.Int) {
                // Integer keys are compared as signed numbers of their width.
                out.sort(Comparator.comparingLong(e -> ((Value.Int) e.getKey().get(field)).signedValue()));
            } else if (sample instanceof Value.Sym) {
                // Enum keys sort by their number.
                out.sort(Comparator.comparingLong(e -> ((Value.Sym) e.getKey().get(field)).value()));
            } else if (sample instanceof Value.Str) {
                out.sort((a, b) -> compareBytes(((Value.Str) a.getKey().get(field)).value(),
                        ((Value.Str) b.getKey().get(field)).value()));
            }
        }
    }

    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
