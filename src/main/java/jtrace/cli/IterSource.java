package jtrace.cli;

import jtrace.diag.CompileError;
import jtrace.sema.IterTargets;
import jtrace.sema.KernelFunctions;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code -l 'iter:*'}: the BPF iterators of the running kernel, found in its BTF. kprobe and
 * fentry are not listed: this kernel cannot run them (see docs/architecture.md).
 */
final class IterSource implements ProbeSource {
    private final Consumer<String> warn;
    private List<String> names;

    IterSource(Consumer<String> warn) { this.warn = warn; }

    @Override
    public Collection<String> candidates(String target) {
        if (names == null) {
            try {
                names = IterTargets.names(KernelFunctions.vmlinux());
            } catch (CompileError e) {
                warn.accept(e.getMessage());
                names = List.of();
            }
        }
        return names;
    }
}
