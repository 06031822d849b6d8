package jtrace.cpp;

import java.util.HashSet;
import java.util.Set;

/**
 * One preprocessing token. {@code hide} is the set of macro names whose expansion produced it
 * (Prosser's hide set): such a name is not expanded again inside it, which is what stops
 * {@code #define SOCK_STREAM SOCK_STREAM} from looping.
 */
record PpToken(Kind kind, String text, boolean spaceBefore, Set<String> hide) {
    enum Kind { IDENT, NUMBER, STRING, CHAR, PUNCT, OTHER }

    PpToken {
        hide = Set.copyOf(hide);
    }

    PpToken(Kind kind, String text, boolean spaceBefore) {
        this(kind, text, spaceBefore, Set.of());
    }

    boolean is(String s) { return text.equals(s); }

    boolean isIdent() { return kind == Kind.IDENT; }

    PpToken withHide(Set<String> more) {
        if (more.isEmpty() || hide.containsAll(more)) return this;
        Set<String> h = new HashSet<>(hide);
        h.addAll(more);
        return new PpToken(kind, text, spaceBefore, h);
    }

    PpToken withSpace(boolean space) {
        return space == spaceBefore ? this : new PpToken(kind, text, space, hide);
    }
}
