package jtrace.sema;

import java.util.List;

/**
 * {@code iter:NAME[:PIN]}: a BPF_PROG_TYPE_TRACING program of attach type BPF_TRACE_ITER, run
 * once over the kernel objects of iterator {@code iterator} (its BTF id is that of the
 * {@code bpf_iter_NAME} function), whose {@code ctx} holds the {@code fields}.
 */
public record IterTarget(String iterator, int btfId, List<KernelFunction.Param> fields, String pin)
        implements ProbeTarget.Kernel {
    public IterTarget { fields = List.copyOf(fields); }

    public String name() { return "iter:" + iterator + (pin.isEmpty() ? "" : ":" + pin); }

    /** The byte offset of field {@code name} in the iterator's context, or -1. Each field is a u64 word. */
    public int fieldOffset(String name) {
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) return 8 * i;
        return -1;
    }
}
