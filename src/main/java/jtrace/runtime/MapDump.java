package jtrace.runtime;

import java.util.List;
import java.util.Map;

/**
 * The name (with its {@code @}) and entries of one map as read at exit; scalar maps have one entry
 * with an empty key. {@code stats} marks avg() and stats() maps, which bpftrace's JSON reports as
 * type "stats" even when they hold no entry.
 */
public record MapDump(String name, List<Map.Entry<List<Value>, MapValue>> entries, boolean stats) {
    public MapDump {
        entries = List.copyOf(entries);
    }

    public MapDump(String name, List<Map.Entry<List<Value>, MapValue>> entries) {
        this(name, entries, false);
    }
}
