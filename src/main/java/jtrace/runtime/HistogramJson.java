package jtrace.runtime;

import jtrace.types.HistBuckets;

import java.util.ArrayList;
import java.util.List;

/**
 * A hist() or lhist() in bpftrace's JSON: one {@code {"min": a, "max": b, "count": n}} per
 * bucket from the first to the last non-empty one, bounds inclusive. The first bucket of all (the
 * negatives, or below lhist's min) has no "min"; lhist's last (at or above max) has no "max".
 */
final class HistogramJson {
    private HistogramJson() {}

    /**
     * A bucket bound: a plain integer, or a value bpftrace prints with a suffix ({@code 4K}) whose
     * JSON is its number taken as unsigned.
     */
    private record Bound(long value, boolean symbolic) {
        static Bound of(long v) { return new Bound(v, false); }

        static Bound sym(long v) { return new Bound(v, true); }

        void writeMin(JsonWriter w) {
            if (symbolic) w.uint64(value);
            else w.int64(value);
        }

        /** Upper bounds are exclusive; JSON shows the last value inside. */
        void writeMax(JsonWriter w) {
            w.int64(value - 1); // wraps as bpftrace's unsigned-to-signed cast does
        }
    }

    /** upper.get(i) bounds counts.get(i); counts may have one more entry than upper. */
    private record Rows(Bound lower, List<Bound> upper, List<Long> counts) {}

    static void log2(JsonWriter w, long[] buckets, int k, long div) {
        int[] range = HistBuckets.nonEmptyRange(buckets);
        if (range == null) {
            w.raw("[]");
            return;
        }
        int singles = 2 << k;
        Bound lower = null;
        if (range[0] != 0) lower = range[0] - 1 <= singles ? Bound.of(range[0] - 1) : Bound.sym(log2Start(range[0] - 1, k));
        List<Bound> upper = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = range[0]; i <= range[1]; i++) {
            upper.add(i <= singles ? Bound.of(i) : Bound.sym(log2Start(i, k)));
            counts.add(Long.divideUnsigned(buckets[i], div));
        }
        write(w, new Rows(lower, upper, counts));
    }

    /** Where bucket index + 1 starts: 2^power * (2^k + interval), in 64-bit unsigned arithmetic. */
    private static long log2Start(int index, int k) {
        return (1L << HistBuckets.log2Power(index, k)) * HistBuckets.log2Multiplier(index, k);
    }

    static void linear(JsonWriter w, long[] buckets, long min, long max, long step) {
        int[] range = HistBuckets.nonEmptyRange(buckets);
        if (range == null) {
            w.raw("[]");
            return;
        }
        Bound lower = range[0] != 0 ? linearBound(min + (range[0] - 1) * step, step) : null;
        List<Bound> upper = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int i = range[0]; i <= range[1]; i++) {
            long bound = min + i * step;
            if (bound <= max) upper.add(linearBound(bound, step));
            counts.add(buckets[i]); // div does not apply to lhist in bpftrace
        }
        write(w, new Rows(lower, upper, counts));
    }

    /** Steps that are multiples of 1024 get K/M labels in text, which makes the bound symbolic. */
    private static Bound linearBound(long number, long step) {
        return step % 1024 != 0 ? Bound.of(number) : Bound.sym(number);
    }

    private static void write(JsonWriter w, Rows r) {
        w.raw("[");
        for (int i = 0; i < r.counts().size(); i++) {
            if (i > 0) w.raw(",");
            w.raw("{");
            Bound min = i == 0 ? r.lower() : r.upper().get(i - 1);
            if (min != null) {
                w.raw("\"min\": ");
                min.writeMin(w);
                w.raw(", ");
            }
            if (i < r.upper().size()) {
                w.raw("\"max\": ");
                r.upper().get(i).writeMax(w);
                w.raw(", ");
            }
            w.raw("\"count\": ").streamed(r.counts().get(i)).raw("}");
        }
        w.raw("]");
    }
}
