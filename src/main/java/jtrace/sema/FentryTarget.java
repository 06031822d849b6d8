package jtrace.sema;

/**
 * {@code fentry:[MODULE:]FUNC} or {@code fexit:}: a BPF_PROG_TYPE_TRACING program attached through
 * a BPF trampoline to the function's BTF id; its context is the array of the function's arguments
 * as u64 words, followed for fexit by the return value.
 */
public record FentryTarget(String module, KernelFunction function, boolean exit) implements ProbeTarget.Kernel {

    public String name() {
        return (exit ? "fexit:" : "fentry:") + module + ":" + function.name();
    }
}
