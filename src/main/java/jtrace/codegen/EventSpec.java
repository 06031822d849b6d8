package jtrace.codegen;

import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.types.Type;

import java.util.List;

/**
 * What a ring buffer record means. Every record starts with a u64 event id, the index of its
 * spec in {@link CompiledProgram#events()}; the payload layout follows from the spec.
 */
public sealed interface EventSpec {

    /** printf: arguments at the given offsets (from the record start), typed. */
    record Printf(String format, List<Arg> args, int size) implements EventSpec {
        public Printf { args = List.copyOf(args); }
    }

    /** exit(): the exit code as an s64 at offset 8. */
    record Exit() implements EventSpec {}

    /** print(@map, top, div). */
    record PrintMap(String map, long top, long div) implements EventSpec {}

    /** print(value): the value at offset 8. */
    record PrintValue(Type type) implements EventSpec {}

    /** clear(@map) / zero(@map): done in user space, as the map walk is. */
    record ClearMap(String map, boolean zero) implements EventSpec {}

    /** time(fmt). */
    record Time(String format) implements EventSpec {}

    /** system(fmt, ...) / cat(fmt, ...): a printf-formatted command or path, run or read in user space. */
    record Action(Kind kind, String format, List<Arg> args, int size) implements EventSpec {
        public enum Kind { SYSTEM, CAT }

        public Action { args = List.copyOf(args); }
    }

    /**
     * join(argv, sep): the number of strings read as a u64 at offset 8, then {@code argCount}
     * slots of {@code argSize} bytes, each a NUL-terminated string.
     */
    record Join(String separator, int argCount, int argSize) implements EventSpec {
        public static final int HEADER = 16;

        public int size() { return HEADER + argCount * argSize; }
    }

    /** errorf()/warnf(): printf-formatted, printed on stderr with the call's location in the source. */
    record Message(Level level, String format, List<Arg> args, int size, SourceFile source, Span span) implements EventSpec {
        public enum Level { ERROR, WARNING }

        public Message { args = List.copyOf(args); }
    }

    record Arg(int offset, Type type) {}
}
