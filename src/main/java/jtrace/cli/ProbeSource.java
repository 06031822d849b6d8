package jtrace.cli;

import java.util.Collection;
import java.util.List;

/** Where {@code -l} finds the probes of one type. */
interface ProbeSource {
    /**
     * Every probe of this type as the text after {@code type:} (e.g. {@code syscalls:sys_enter_read},
     * {@code cpu-clock:}, {@code /bin/bash:main}). {@code target} narrows sources that need one
     * (the binary of a uprobe); others ignore it.
     */
    Collection<String> candidates(String target);

    /** The target as candidates spell it (a binary found in $PATH becomes its full path). */
    default String canonicalTarget(String target) {
        return target;
    }

    /** The {@code -lv} lines under one probe, without indentation; empty when there is nothing to show. */
    default List<String> params(String match) {
        return List.of();
    }

    /** A source with a fixed list of names. */
    static ProbeSource of(Collection<String> names) {
        return target -> names;
    }
}
