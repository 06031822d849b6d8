package jtrace.types;

import java.util.List;
import java.util.stream.Collectors;

/** The types of bpftrace values, as semantic analysis infers them and code generation lays them out. */
public sealed interface Type {

    /** The name bpftrace uses for the type in messages, e.g. {@code int64}, {@code string[16]}, {@code count}. */
    String display();

    /** Bytes the value occupies in a map key, map value or event record. */
    int size();

    /** An integer of 1, 2, 4 or 8 bytes. */
    record Int(int bytes, boolean signed) implements Type {
        public static final Int INT64 = new Int(8, true);
        public static final Int UINT64 = new Int(8, false);
        public static final Int UINT32 = new Int(4, false);
        public static final Int INT32 = new Int(4, true);

        public String display() { return (signed ? "int" : "uint") + bytes * 8; }

        public int size() { return bytes; }
    }

    record Bool() implements Type {
        public String display() { return "bool"; }

        public int size() { return 1; }
    }

    /** A NUL-terminated string in a buffer of {@code capacity} bytes (the terminator included). */
    record Str(int capacity) implements Type {
        public String display() { return "string[" + capacity + "]"; }

        public int size() { return capacity; }
    }

    /**
     * buf(p, n): up to {@code capacity} bytes read from memory. Laid out as a u64 length then the
     * bytes, so a value carries how many of them are real (printed by %r, %rx, %rh).
     */
    record Buffer(int capacity) implements Type {
        public String display() { return "buffer[" + capacity + "]"; }

        public int size() { return 8 + (capacity + 7) / 8 * 8; }
    }

    /** A pointer; {@code target} is the C type it points to as written, e.g. "const char". */
    record Pointer(String target) implements Type {
        public String display() { return target + " *"; }

        public int size() { return 8; }
    }

    /**
     * A tuple; a record {@code (a=1, b="x")} is a tuple whose elements also have {@code names}
     * (empty for a plain tuple), laid out the same way.
     */
    record Tuple(List<Type> elements, List<String> names) implements Type {
        public Tuple {
            elements = List.copyOf(elements);
            names = List.copyOf(names);
        }

        public Tuple(List<Type> elements) { this(elements, List.of()); }

        public boolean isRecord() { return !names.isEmpty(); }

        public String display() {
            if (isRecord()) {
                return java.util.stream.IntStream.range(0, elements.size())
                        .mapToObj(i -> names.get(i) + "=" + elements.get(i).display())
                        .collect(Collectors.joining(", ", "(", ")"));
            }
            return elements.stream().map(Type::display).collect(Collectors.joining(", ", "(", ")"));
        }

        public int size() { return TupleLayout.of(this).size(); }
    }

    /** strerror(n): the errno travels as an integer and becomes its message in user space. */
    record Strerror() implements Type {
        public String display() { return "strerror_t"; }

        public int size() { return 8; }
    }

    /** What a statement such as printf() or exit() yields. */
    record Void() implements Type {
        public String display() { return "none"; }

        public int size() { return 0; }
    }

    /** The tracepoint's {@code args} struct; fields are looked up by name. */
    record Args(String structName) implements Type {
        public String display() { return "struct " + structName + " *"; }

        public int size() { return 8; }
    }

    /** Aggregation values: only ever the value of a map, combined across CPUs when read. */
    sealed interface Aggregation extends Type {}

    record Count() implements Aggregation {
        public String display() { return "count_t"; }

        public int size() { return 8; }
    }

    record Sum(Int of) implements Aggregation {
        public String display() { return "sum_t"; }

        public int size() { return 8; }
    }

    record Min(Int of) implements Aggregation {
        public String display() { return "min_t"; }

        /** The value and a flag telling it was set, so that a true minimum of 0 differs from "none yet". */
        public int size() { return 16; }
    }

    record Max(Int of) implements Aggregation {
        public String display() { return "max_t"; }

        public int size() { return 16; }
    }

    /** avg and stats both keep a total and a count. */
    record Avg(Int of) implements Aggregation {
        public String display() { return "avg_t"; }

        public int size() { return 16; }
    }

    record Stats(Int of) implements Aggregation {
        public String display() { return "stats_t"; }

        public int size() { return 16; }
    }

    /** Power-of-two histogram, {@code 2^k} buckets per power of two. */
    record Hist(int k) implements Aggregation {
        public String display() { return "hist_t"; }

        public int size() { return HistBuckets.count(k) * 8; }
    }

    record Lhist(long min, long max, long step) implements Aggregation {
        public String display() { return "lhist_t"; }

        public int size() { return (int) (((max - min) / step) + 3) * 8; }
    }

    static boolean isInteger(Type t) { return t instanceof Int || t instanceof Bool || t instanceof Pointer; }
}
