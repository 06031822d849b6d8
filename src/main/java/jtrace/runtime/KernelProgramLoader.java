package jtrace.runtime;

import jtrace.attach.KernelFeatureUnavailableException;
import jtrace.attach.KernelProbeAttacher;
import jtrace.load.BpfProgram;
import jtrace.load.ProgType;
import jtrace.load.ProgramSpec;
import jtrace.sema.FentryTarget;
import jtrace.sema.IterTarget;
import jtrace.sema.KprobeTarget;
import jtrace.sema.ProbeTarget;
import jtrace.sema.WatchpointTarget;
import jtrace.sys.Errno;
import jtrace.sys.ProgLoadException;

/**
 * Loads the programs of kernel probes: tracing programs name their attach type and BTF id, and a
 * kernel that refuses them (EPERM with no verifier log: lockdown, an LSM, no trampoline support)
 * gets a one-line error naming the refused feature instead of the generic privilege hint.
 */
final class KernelProgramLoader {
    private KernelProgramLoader() {}

    static ProgType progType(ProbeTarget.Kernel target) {
        return switch (target) {
            case KprobeTarget k -> ProgType.KPROBE;
            case FentryTarget f -> ProgType.TRACING;
            case IterTarget it -> ProgType.TRACING;
            case WatchpointTarget w -> ProgType.PERF_EVENT;
        };
    }

    static BpfProgram load(String name, ProbeTarget.Kernel target, byte[] code, String license) {
        int btfId = switch (target) {
            case FentryTarget f -> f.function().btfId();
            case IterTarget it -> it.btfId();
            default -> 0;
        };
        ProgramSpec spec = new ProgramSpec(name, progType(target), code, license,
                KernelProbeAttacher.attachType(target), btfId);
        try {
            return BpfProgram.load(spec);
        } catch (ProgLoadException e) {
            String what = switch (target) {
                case FentryTarget f -> "fentry/fexit programs";
                case IterTarget it -> "iter programs (BPF iterators)";
                default -> null;
            };
            if (what == null || (e.errno() != Errno.EPERM && e.errno() != Errno.ENOTSUPP && e.errno() != Errno.EOPNOTSUPP)) throw e;
            throw new KernelFeatureUnavailableException("BPF_PROG_LOAD", e.errno(), target.name() + ": " + what
                    + " are refused by this kernel (BPF_PROG_LOAD: " + Errno.describe(e.errno()) + ")");
        }
    }
}
