package jtrace.codegen;

import jtrace.asm.AluOp;
import jtrace.asm.BpfHelper;
import jtrace.asm.Reg;

import java.util.Map;

/**
 * Builtins whose value is the result of one helper call, or one half of it: {@code pid}/{@code tid}
 * and {@code gid}/{@code uid} are the high/low 32 bits of a single u64.
 */
final class HelperBuiltins {
    private HelperBuiltins() {}

    private enum Part { WHOLE, LOW32, HIGH32 }

    private record Source(BpfHelper helper, Part part) {}

    private static final Map<String, Source> BUILTINS = Map.ofEntries(
            Map.entry("pid", new Source(BpfHelper.GET_CURRENT_PID_TGID, Part.HIGH32)),
            Map.entry("tid", new Source(BpfHelper.GET_CURRENT_PID_TGID, Part.LOW32)),
            Map.entry("uid", new Source(BpfHelper.GET_CURRENT_UID_GID, Part.LOW32)),
            Map.entry("gid", new Source(BpfHelper.GET_CURRENT_UID_GID, Part.HIGH32)),
            // As current bpftrace, plain nsecs is the boot clock (nsecs(boot)), which counts suspended time.
            Map.entry("nsecs", new Source(BpfHelper.KTIME_GET_BOOT_NS, Part.WHOLE)),
            Map.entry("cpu", new Source(BpfHelper.GET_SMP_PROCESSOR_ID, Part.WHOLE)),
            Map.entry("cgroup", new Source(BpfHelper.GET_CURRENT_CGROUP_ID, Part.WHOLE)),
            Map.entry("curtask", new Source(BpfHelper.GET_CURRENT_TASK, Part.WHOLE)),
            Map.entry("rand", new Source(BpfHelper.GET_PRANDOM_U32, Part.WHOLE)),
            Map.entry("numaid", new Source(BpfHelper.GET_NUMA_NODE_ID, Part.WHOLE)),
            Map.entry("jiffies", new Source(BpfHelper.JIFFIES64, Part.WHOLE)));

    /** Emits the builtin {@code name} into {@code r}; false (nothing emitted) when it is not one of these. */
    static boolean emit(Emitter e, String name, Reg r) {
        Source s = BUILTINS.get(name);
        if (s == null) return false;
        e.call(s.helper());
        e.mov(r, Reg.R0);
        switch (s.part()) {
            case WHOLE -> {}
            case LOW32 -> e.zeroExtend32(r);
            case HIGH32 -> e.aluImm(AluOp.RSH, r, 32);
        }
        return true;
    }
}
