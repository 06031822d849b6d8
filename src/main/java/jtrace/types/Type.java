package jtrace.types;

import java.util.List;
import java.util.Map;
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

    /**
     * A C enum (from BTF, or defined in the script): an unsigned integer of {@code bytes} width, as
     * bpftrace has enums, whose values print as their enumerator's name where one has that value.
     * {@code names} maps each value, unsigned at the enum's declared width, to its first enumerator
     * (see {@link #of}). It is an integer wherever integers are accepted ({@link #intOf}); two
     * enums are the same type when name and width agree.
     */
    record Enum(String name, int bytes, Map<Long, String> names) implements Type {
        public Enum {
            if (bytes != 1 && bytes != 2 && bytes != 4 && bytes != 8) {
                throw new IllegalArgumentException("enum width must be 1, 2, 4 or 8 bytes: " + bytes);
            }
            names = Map.copyOf(names);
        }

        /** An enum of {@code bytes} width with these enumerators, in declaration order (the first of equal values names it). */
        public static Enum of(String name, int bytes, java.util.SequencedMap<String, Long> enumerators) {
            Map<Long, String> names = new java.util.HashMap<>();
            for (Map.Entry<String, Long> e : enumerators.entrySet()) names.putIfAbsent(mask(e.getValue(), bytes), e.getKey());
            return new Enum(name, bytes, names);
        }

        private static long mask(long v, int bytes) { return bytes == 8 ? v : v & ((1L << (bytes * 8)) - 1); }

        public String display() { return "enum " + name; }

        public int size() { return bytes; }

        /** The same enum held in a slot of {@code width} bytes (variables and maps hold 8). */
        public Enum withBytes(int width) { return width == bytes ? this : new Enum(name, width, names); }

        /** The enumerator with this value, or null; a negative 32-bit value also matches its unsigned form. */
        public String nameOf(long value) {
            String n = names.get(mask(value, bytes));
            if (n == null && value >> 31 == -1) n = names.get(value & 0xFFFF_FFFFL);
            return n;
        }

        /** bpftrace's text for a value: the enumerator's name, else the number (unsigned). */
        public String text(long value) {
            String n = nameOf(value);
            return n != null ? n : Long.toUnsignedString(mask(value, bytes));
        }

        @Override
        public boolean equals(Object o) { return o instanceof Enum e && e.name.equals(name) && e.bytes == bytes; }

        @Override
        public int hashCode() { return name.hashCode() * 31 + bytes; }
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

    /**
     * A pointer; {@code target} is the C type it points to as written, e.g. "const char";
     * {@code pointee} the resolved type when known (a struct, an integer...), else null;
     * {@code user} when it points into user space rather than the kernel.
     */
    record Pointer(String target, Type pointee, boolean user) implements Type {
        public Pointer(String target) { this(target, null, false); }

        /** {@code int8 *}, and {@code int8 **} (not {@code int8 * *}) for a pointer to one. */
        public String display() { return target + (target.endsWith("*") ? "*" : " *"); }

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

    /** Values the kernel records as raw words and user space turns into text: stacks, symbols, addresses, times. */
    sealed interface Resolved extends Type {}

    /** kstack/ustack: a stack id (low 32 bits, negative on failure) and, for ustack, the pid (high 32 bits). */
    record Stack(boolean user, String mode, int depth) implements Resolved {
        /** As bpftrace names a stack type (the same for kstack and ustack): mode and depth, e.g. {@code stack_bpftrace_127}. */
        public String display() { return "stack_" + mode + "_" + depth; }

        public int size() { return 8; }
    }

    /** ksym(addr): the kernel address. */
    record Ksym() implements Resolved {
        public String display() { return "ksym_t"; }

        public int size() { return 8; }
    }

    /** usym(addr): the address, then the pid whose mappings resolve it. */
    record Usym() implements Resolved {
        public String display() { return "usym_t"; }

        public int size() { return 16; }
    }

    /** ntop(): the address family, then 16 bytes of address (IPv4 uses the first 4). */
    record Inet() implements Resolved {
        public String display() { return "inet"; }

        public int size() { return 24; }
    }

    /** macaddr(): six bytes in one word. */
    record MacAddr() implements Resolved {
        public String display() { return "macaddr_t"; }

        public int size() { return 8; }
    }

    /**
     * strftime(fmt, ns): nanoseconds since boot (CLOCK_BOOTTIME), or of CLOCK_TAI when {@code tai},
     * formatted in user space.
     */
    record Timestamp(String format, boolean tai) implements Resolved {

        public String display() { return "timestamp"; }

        public int size() { return 8; }
    }

    /** username: the uid (the low half of bpf_get_current_uid_gid), named from the passwd file in user space. */
    record Username() implements Resolved {
        public String display() { return "username"; }

        public int size() { return 8; }
    }

    /** syscall_name(n): the system call number, named from the x86-64 table in user space. */
    record SyscallName() implements Resolved {
        public String display() { return "string[64]"; }

        public int size() { return 8; }
    }

    /** cgroup_path(id [, filter]): the cgroup id, turned into its paths in the mounted hierarchies when printed. */
    record CgroupPath(String filter) implements Resolved {
        public String display() { return "cgroup_path_t"; }

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

        public int size() { return HistBuckets.log2Count(k) * 8; }
    }

    record Lhist(long min, long max, long step) implements Aggregation {
        public String display() { return "lhist_t"; }

        public int size() { return (int) (((max - min) / step) + 3) * 8; }
    }

    /**
     * A C struct or union value, e.g. {@code struct task_struct}; it lives in kernel or user memory
     * and is read field by field. Two structs are the same type when name and size agree.
     */
    record Struct(String name, int size, StructLayout layout) implements Type {
        public String display() { return name; }

        @Override
        public boolean equals(Object o) { return o instanceof Struct s && s.name.equals(name) && s.size == size; }

        @Override
        public int hashCode() { return name.hashCode() * 31 + size; }
    }

    /** A C array of a fixed length (char arrays are {@link Str} instead). */
    record Array(Type element, int length) implements Type {
        public String display() { return element.display() + "[" + length + "]"; }

        public int size() { return element.size() * length; }
    }

    static boolean isInteger(Type t) { return t instanceof Int || t instanceof Enum || t instanceof Bool || t instanceof Pointer; }

    /** The integer a value of this type is held as: itself for Int, unsigned of its width for an enum; else null. */
    static Int intOf(Type t) {
        return switch (t) {
            case Int i -> i;
            case Enum e -> new Int(e.bytes(), false);
            case null, default -> null;
        };
    }
}
