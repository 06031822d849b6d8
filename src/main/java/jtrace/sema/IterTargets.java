package jtrace.sema;

import java.util.ArrayList;
import java.util.List;

/**
 * The BPF iterators a kernel offers: each target X is registered with a BTF function
 * {@code bpf_iter_X(struct bpf_iter_meta *meta, ...)} whose parameters are the fields of the
 * program's context. (Functions such as {@code bpf_iter_num_new} share the prefix but are kfuncs.)
 */
public final class IterTargets {
    private IterTargets() {}

    static final String PREFIX = "bpf_iter_";

    /** The iterator's BTF function, or null. */
    static KernelFunction find(KernelFunctions functions, String name) {
        KernelFunction f = functions.find(PREFIX + name);
        return isIterator(f) ? f : null;
    }

    /** Names of every iterator, sorted. */
    public static List<String> names(KernelFunctions functions) {
        List<String> out = new ArrayList<>();
        for (String fn : functions.match(PREFIX + "*")) {
            if (isIterator(functions.find(fn))) out.add(fn.substring(PREFIX.length()));
        }
        return out;
    }

    private static boolean isIterator(KernelFunction f) {
        // bpf_iter_get_info(meta, in_stop) is a helper of the iterator machinery, not an iterator.
        return f != null && !f.params().isEmpty() && f.params().getFirst().name().equals("meta")
                && f.params().stream().noneMatch(p -> p.name().equals("in_stop"));
    }
}
