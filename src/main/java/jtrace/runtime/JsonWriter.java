package jtrace.runtime;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds the lines of bpftrace's JSON output: its string escaping, its integers (quoted when a
 * double cannot hold them exactly), its spacing ({@code ", "} in objects, {@code ","} in arrays).
 * bpftrace writes control characters as {@code \\u} escapes by switching its output stream to hex;
 * the switch sticks, so numbers it streams directly (histogram counts, event counts) are hex from
 * then on. One writer lives as long as the output to carry that state.
 */
final class JsonWriter {
    /** Integers with more significant bits than a double's mantissa are written as strings. */
    private static final int DOUBLE_MANTISSA_BITS = 53;

    private final StringBuilder line = new StringBuilder();
    private boolean hexStream;

    /** The line built so far, and starts the next one. */
    String take() {
        String s = line.toString();
        line.setLength(0);
        return s;
    }

    JsonWriter raw(String s) {
        line.append(s);
        return this;
    }

    /** A quoted, escaped string. Strings hold one char per byte; other chars are taken as their UTF-8 bytes. */
    JsonWriter string(String s) {
        line.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0xff) {
                escaped((byte) c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) escaped(b);
            }
        }
        line.append('"');
        return this;
    }

    /** One byte as bpftrace escapes a (signed) char: bytes 0x80 and up are negative, so they come out as {@code \\uffffffXX}. */
    private void escaped(byte b) {
        switch (b) {
            case '"' -> line.append("\\\"");
            case '\\' -> line.append("\\\\");
            case '\n' -> line.append("\\n");
            case '\r' -> line.append("\\r");
            case '\t' -> line.append("\\t");
            default -> {
                if (b <= 0x1f) {
                    String hex = Integer.toHexString(b);
                    line.append("\\u").append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
                    hexStream = true;
                } else {
                    line.append((char) b);
                }
            }
        }
    }

    /** A signed 64-bit integer. */
    JsonWriter int64(long v) {
        String s = Long.toString(v);
        return exact(v == Long.MIN_VALUE ? v : Math.abs(v)) ? raw(s) : string(s);
    }

    /** An unsigned 64-bit integer. */
    JsonWriter uint64(long v) {
        String s = Long.toUnsignedString(v);
        return exact(v) ? raw(s) : string(s);
    }

    /** An unsigned integer written straight to the stream, in hex once an escape switched it. */
    JsonWriter streamed(long v) {
        return raw(hexStream ? Long.toHexString(v) : Long.toUnsignedString(v));
    }

    /** Whether the unsigned magnitude survives a round trip through a double. */
    private static boolean exact(long magnitude) {
        if (magnitude == 0) return true;
        int span = 64 - Long.numberOfLeadingZeros(magnitude) - Long.numberOfTrailingZeros(magnitude);
        return span <= DOUBLE_MANTISSA_BITS;
    }

    JsonWriter value(Value v) {
        switch (v) {
            case Value.Int i -> {
                if (i.signed()) int64(i.value());
                else uint64(i.value());
            }
            case Value.Str s -> string(s.value());
            case Value.Bool b -> raw(b.value() ? "true" : "false");
            case Value.Tuple t -> array(t.values());
            case Value.Array a -> array(a.values());
            case Value.Sym s -> uint64(s.value()); // JSON drops the symbol for its number
            case Value.Record r -> {
                line.append('{');
                for (int i = 0; i < r.fields().size(); i++) {
                    if (i > 0) line.append(", ");
                    string(r.fields().get(i).name()).raw(": ").value(r.fields().get(i).value());
                }
                line.append('}');
            }
            case Value.Buffer b -> {
                // Each byte as a C char: a signed number.
                line.append('[');
                byte[] bytes = b.bytes();
                for (int i = 0; i < bytes.length; i++) {
                    if (i > 0) line.append(',');
                    line.append(bytes[i]);
                }
                line.append(']');
            }
            case Value.None n -> raw("null");
        }
        return this;
    }

    private void array(List<Value> values) {
        line.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) line.append(',');
            value(values.get(i));
        }
        line.append(']');
    }

    /** A map key: its text form without a tuple's parentheses and without any space. */
    JsonWriter key(List<Value> key) {
        return string(TextMapPrinter.keyText(key).replace(" ", ""));
    }
}
