package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;

/**
 * Functions of the bpftrace manual jtrace refuses with a reason: each needs a kernel facility
 * jtrace does not generate (kfunc calls, BTF-id relocations) or this kernel refuses (fentry).
 */
final class UnavailableFunctions {
    private UnavailableFunctions() {}

    /** Throws the reason when {@code c} is one of them. */
    static void refuse(Expr.Call c) {
        String why = switch (c.name()) {
            case "comm" -> c.args().isEmpty() ? null
                    : "comm(pid) needs the bpf_task_from_pid kfunc: jtrace does not generate kfunc calls; use comm for the current task";
            case "percpu_kaddr" -> "percpu_kaddr() needs a per-CPU variable's BTF id relocated into the program"
                    + " (ld_imm64 BPF_PSEUDO_BTF_ID for bpf_per_cpu_ptr), which jtrace does not generate";
            case "tseries" -> "tseries() is not supported by jtrace yet: use hist(), lhist() or an interval probe printing a map";
            default -> null;
        };
        if (why != null) throw new CompileError(c.span(), why);
    }
}
