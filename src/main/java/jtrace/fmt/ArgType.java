package jtrace.fmt;

/** What the checker knows of an argument's type: its kind and bpftrace's name for it (e.g. {@code string[4]}). */
public record ArgType(Kind kind, String name) {
    public enum Kind { INTEGER, BOOLEAN, POINTER, BUFFER, OTHER }
}
