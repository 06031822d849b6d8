package jtrace.runtime;

import java.util.List;
import java.util.Map;

/** The name (with its {@code @}) and entries of one map as read at exit; scalar maps have one entry with an empty key. */
public record MapDump(String name, List<Map.Entry<List<Value>, MapValue>> entries) {
    public MapDump {
        entries = List.copyOf(entries);
    }
}
