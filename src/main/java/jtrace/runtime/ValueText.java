package jtrace.runtime;

import java.util.stream.Collectors;
import jtrace.fmt.BufferText;

/** bpftrace's text form of a value: strings unquoted, tuples {@code (1, abc)}, arrays {@code [1,2]}. */
public final class ValueText {
    private ValueText() {}

    public static String text(Value v) {
        return switch (v) {
            case Value.Int i -> i.signed() ? Long.toString(i.value()) : Long.toUnsignedString(i.value());
            case Value.Str s -> s.value();
            case Value.Bool b -> b.value() ? "true" : "false";
            case Value.Tuple t -> t.values().stream().map(ValueText::text).collect(Collectors.joining(", ", "(", ")"));
            case Value.Sym s -> s.text();
            case Value.Record r -> r.fields().isEmpty() ? "{}" : r.fields().stream()
                    .map(f -> "." + f.name() + " = " + text(f.value()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
            case Value.Array a -> a.values().stream().map(ValueText::text).collect(Collectors.joining(",", "[", "]"));
            case Value.Buffer b -> BufferText.format(b.bytes(), true, true);
            case Value.None n -> "null";
        };
    }
}
