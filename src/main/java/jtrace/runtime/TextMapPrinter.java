package jtrace.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * bpftrace's text output of a map for print(@m, top, div) and for the maps printed at exit.
 * Keyed entries print as {@code @m[k1, k2]: value}; histograms print {@code @m[k]:} then their
 * rows and a blank line; an empty map prints nothing.
 */
public final class TextMapPrinter {
    private TextMapPrinter() {}

    /**
     * @param entries keys and values; a scalar map has a single entry whose key list is empty
     * @param top     keep only the last {@code top} entries in print order; 0 keeps all
     * @param div     divides printed values (not lhist counts nor stats totals); 0 means 1
     */
    public static String print(String mapName, List<Map.Entry<List<Value>, MapValue>> entries, int top, int div) {
        long divisor = div == 0 ? 1 : Integer.toUnsignedLong(div);
        List<Map.Entry<List<Value>, MapValue>> sorted = MapEntries.sorted(entries);
        int skip = top > 0 && sorted.size() > top ? sorted.size() - top : 0;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<List<Value>, MapValue> e : sorted.subList(skip, sorted.size())) {
            out.append(entry(mapName, e.getKey(), e.getValue(), divisor));
            if (e.getKey().isEmpty()) break; // a scalar map has only its one value
        }
        return out.toString();
    }

    /**
     * The output at exit: two newlines, then every map in name order, like the exit probe
     * bpftrace adds when the program assigns to maps. No maps, no output.
     */
    public static String printAll(List<MapDump> maps) {
        if (maps.isEmpty()) return "";
        List<MapDump> byName = new ArrayList<>(maps);
        byName.sort(Comparator.comparing(MapDump::name));
        StringBuilder out = new StringBuilder("\n\n");
        for (MapDump m : byName) out.append(print(m.name(), m.entries(), 0, 0));
        return out.toString();
    }

    private static String entry(String name, List<Value> key, MapValue value, long div) {
        String head = key.isEmpty() ? name : name + "[" + keyText(key) + "]";
        return switch (value) {
            case MapValue.Hist h -> head + ":\n" + HistogramText.log2(h.buckets(), h.k(), div) + "\n";
            case MapValue.Lhist h -> head + ":\n" + HistogramText.linear(h.buckets(), h.min(), h.max(), h.step()) + "\n";
            default -> head + ": " + ValueText.text(MapValues.printed(value, div)) + "\n";
        };
    }

    /** Multiple keys print as a tuple without its parentheses (so does any key whose text is parenthesised). */
    static String keyText(List<Value> key) {
        String s = ValueText.text(key.size() == 1 ? key.getFirst() : new Value.Tuple(key));
        if (s.length() >= 2 && s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1);
        return s;
    }
}
