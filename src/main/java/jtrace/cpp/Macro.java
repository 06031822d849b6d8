package jtrace.cpp;

import java.util.List;

/**
 * A {@code #define}: object-like when {@code params} is null. {@code origin} says where it was
 * defined ("stdin:3", "/usr/include/x86_64-linux-gnu/bits/socket.h:78", "<built-in>").
 */
public record Macro(String name, List<String> params, boolean variadic, List<PpToken> body, String origin) {
    public Macro {
        params = params == null ? null : List.copyOf(params);
        body = List.copyOf(body);
    }

    public boolean functionLike() { return params != null; }

    /** The replacement list as written (whitespace collapsed). */
    public String replacement() { return PpLexer.spell(body); }

    /** Whether {@code other} is the same definition (C allows redefining a macro only identically). */
    boolean sameAs(Macro other) {
        return java.util.Objects.equals(params, other.params) && variadic == other.variadic
                && replacement().equals(other.replacement());
    }
}
