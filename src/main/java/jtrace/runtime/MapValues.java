package jtrace.runtime;

import java.util.List;

/** The value bpftrace prints for a non-histogram map entry, after division by print()'s div. */
final class MapValues {
    private MapValues() {}

    static Value printed(MapValue v, long div) {
        return switch (v) {
            case MapValue.Count c -> Value.Int.uint64(Long.divideUnsigned(c.count(), div));
            case MapValue.Sum s -> integer(s.sum(), s.signed(), div);
            case MapValue.Min m -> integer(m.min(), m.signed(), div);
            case MapValue.Max m -> integer(m.max(), m.signed(), div);
            case MapValue.Avg a -> integer(a.average(), a.signed(), div);
            case MapValue.Stats s -> new Value.Record(List.of(
                    new Value.Record.Field("count", new Value.Int(s.count(), 8, s.signed())),
                    new Value.Record.Field("average", integer(s.average(), s.signed(), div)),
                    new Value.Record.Field("total", new Value.Int(s.total(), 8, s.signed()))));
            case MapValue.Scalar(Value.Int i) -> integer(i.value(), i.signed(), div);
            case MapValue.Scalar s -> s.value();
            case MapValue.Hist h -> throw new IllegalArgumentException("histograms print as rows");
            case MapValue.Lhist h -> throw new IllegalArgumentException("histograms print as rows");
        };
    }

    private static Value integer(long v, boolean signed, long div) {
        return signed ? Value.Int.int64(v / div) : Value.Int.uint64(Long.divideUnsigned(v, div));
    }
}
