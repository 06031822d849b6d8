package jtrace.sema;

import jtrace.types.Type;

import java.util.List;

/**
 * A kernel function as BTF describes it: its BTF type id (what fentry/fexit programs attach to),
 * its parameters (typed for {@code args.NAME}) and whether it returns a value ({@code retval}).
 */
public record KernelFunction(String name, int btfId, List<Param> params, Type returnType) {
    public KernelFunction { params = List.copyOf(params); }

    /** A parameter; pointers and aggregates passed by address are typed as u64 here. */
    public record Param(String name, Type type) {}

    public boolean returnsValue() { return !(returnType instanceof Type.Void); }

    /** The index of the parameter called {@code name}, or -1. */
    public int paramIndex(String name) {
        for (int i = 0; i < params.size(); i++) if (params.get(i).name().equals(name)) return i;
        return -1;
    }
}
