package jtrace.parse;

import jtrace.ast.Block;
import jtrace.ast.Preamble;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Block expressions {@code { stmt; ...; expr }} are handed to the macro expander as macros
 * without parameters whose names no script can write ({@code {}1}, {@code {}2}...): it already
 * hoists a value-macro's statements before the statement using it and substitutes an argument
 * wherever a parameter appears. Unlike a macro, a block expression sees the variables and maps
 * around it.
 */
public final class BlockExpressions {
    private static final String PREFIX = "{}";
    /** Shared by every parser, so that the blocks of imported files get names of their own. */
    private static final AtomicLong COUNT = new AtomicLong();

    private BlockExpressions() {}

    static Preamble.Macro define(Block body) {
        return new Preamble.Macro(PREFIX + COUNT.incrementAndGet(), List.of(), body, body.span());
    }

    /** Whether a macro is a block expression. */
    public static boolean isBlock(String macroName) { return macroName.startsWith(PREFIX); }
}
