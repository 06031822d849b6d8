package jtrace.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bpftrace's {@code -f json} output: one JSON object per line, {@code {"type": ..., "data": ...}},
 * all on the output stream. Nothing marks the end of the run; the maps follow one per line.
 */
public final class JsonOutput implements Output {
    private final PrintStream out;
    private final JsonWriter w = new JsonWriter();

    public JsonOutput(PrintStream out) {
        this.out = out;
    }

    @Override public void printf(String text) { data("printf").string(text); close(); }

    @Override public void map(MapDump dump, int top, int div) {
        List<Map.Entry<List<Value>, MapValue>> entries = MapEntries.sorted(dump.entries());
        int skip = top > 0 && entries.size() > top ? entries.size() - top : 0;
        entries = entries.subList(skip, entries.size());
        // bpftrace prints no empty map, but does print avg() and stats() maps as {}.
        if (entries.isEmpty() && !dump.stats()) return;
        long divisor = div == 0 ? 1 : Integer.toUnsignedLong(div);
        data(type(dump, entries)).raw("{").string(dump.name()).raw(": ");
        if (!entries.isEmpty() && entries.getFirst().getKey().isEmpty()) {
            mapValue(entries.getFirst().getValue(), divisor);
        } else {
            w.raw("{");
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) w.raw(", ");
                w.key(entries.get(i).getKey()).raw(": ");
                mapValue(entries.get(i).getValue(), divisor);
            }
            w.raw("}");
        }
        w.raw("}");
        close();
    }

    private static String type(MapDump dump, List<Map.Entry<List<Value>, MapValue>> entries) {
        if (dump.stats()) return "stats";
        if (entries.isEmpty()) return "map";
        return switch (entries.getFirst().getValue()) {
            case MapValue.Avg a -> "stats";
            case MapValue.Stats s -> "stats";
            case MapValue.Hist h -> "hist";
            case MapValue.Lhist h -> "hist";
            default -> "map";
        };
    }

    private void mapValue(MapValue v, long div) {
        switch (v) {
            case MapValue.Hist h -> HistogramJson.log2(w, h.buckets(), h.k(), div);
            case MapValue.Lhist h -> HistogramJson.linear(w, h.buckets(), h.min(), h.max(), h.step());
            default -> w.value(MapValues.printed(v, div));
        }
    }

    @Override public void value(Value v) { data("value").value(v); close(); }

    @Override public void time(String text) { data("time").string(text); close(); }

    @Override public void join(String text) { data("join").string(text); close(); }

    @Override public void exitMaps(List<MapDump> maps) {
        List<MapDump> byName = new ArrayList<>(maps);
        byName.sort(Comparator.comparing(MapDump::name));
        for (MapDump m : byName) map(m, 0, 0);
    }

    /** Unlike other records, this one carries the number twice: as "count" and in "data". */
    @Override public void lostEvents(long n) {
        w.raw("{\"type\": \"lost_events\", \"count\": ").streamed(n).raw(", \"data\": {\"events\": ").streamed(n).raw("}}");
        emit();
    }

    @Override public void attachedProbes(int n) {
        w.raw("{\"type\": \"attached_probes\", \"count\": ").streamed(n).raw(", \"data\": {\"probes\": ").streamed(n).raw("}}");
        emit();
    }

    @Override public void flush() { out.flush(); }

    @Override public boolean broken() { return out.checkError(); }

    private JsonWriter data(String type) {
        return w.raw("{\"type\": \"" + type + "\", \"data\": ");
    }

    /** Ends a record begun with data(). */
    private void close() {
        w.raw("}");
        emit();
    }

    private void emit() {
        out.print(w.take() + "\n");
    }
}
