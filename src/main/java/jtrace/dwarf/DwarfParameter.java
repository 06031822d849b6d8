package jtrace.dwarf;

import jtrace.types.Type;

/**
 * A formal parameter of a function as DWARF describes it. {@code typeName} is spelled as bpftrace's
 * {@code -lv} listing spells it ({@code int*}, {@code struct Foo*}, {@code const char*}); {@code type}
 * is null when jtrace has no value type for it (floating point, 128-bit integers, functions).
 * {@code register} is the index of the integer argument register (System V AMD64: rdi, rsi, rdx,
 * rcx, r8, r9, then the stack) the value arrives in, or -1 when it does not arrive in one, and
 * then {@code unreadable} says why.
 */
public record DwarfParameter(String name, String typeName, Type type, int register, String unreadable) {

    public boolean readable() { return unreadable == null; }

    /** The {@code -lv} line: type and name, or the type alone for an unnamed parameter. */
    public String listing() { return name.isEmpty() ? typeName : typeName + " " + name; }
}
