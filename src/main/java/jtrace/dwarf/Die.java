package jtrace.dwarf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One debugging information entry. Attribute values are {@code Long} (constants, flags,
 * addresses, and references already turned into .debug_info offsets), {@code String}, or
 * {@code byte[]} (blocks, location expressions); attributes jtrace cannot follow are left out.
 */
final class Die {
    final long offset;
    final int tag;
    final Map<Integer, Object> attributes = new HashMap<>(8);
    final List<Die> children = new ArrayList<>(0);

    Die(long offset, int tag) {
        this.offset = offset;
        this.tag = tag;
    }

    boolean has(int attribute) { return attributes.containsKey(attribute); }

    String string(int attribute) { return attributes.get(attribute) instanceof String s ? s : null; }

    /** A constant, flag or reference; {@code fallback} when absent or not a number. */
    long number(int attribute, long fallback) { return attributes.get(attribute) instanceof Long l ? l : fallback; }

    Long reference(int attribute) { return attributes.get(attribute) instanceof Long l ? l : null; }

    @Override
    public String toString() { return "DIE 0x" + Long.toHexString(offset) + " tag 0x" + Integer.toHexString(tag); }
}
