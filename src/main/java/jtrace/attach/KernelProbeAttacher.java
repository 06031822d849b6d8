package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sema.FentryTarget;
import jtrace.sema.IterTarget;
import jtrace.sema.KprobeTarget;
import jtrace.sema.ProbeTarget;
import jtrace.sema.WatchpointTarget;
import jtrace.sys.Bpf;

/** Attaches the programs of kprobe, fentry/fexit, watchpoint and iter probes. */
public final class KernelProbeAttacher {
    private KernelProbeAttacher() {}

    public static Attachment attach(ProbeTarget.Kernel target, BpfProgram program) {
        return switch (target) {
            case KprobeTarget k -> KprobeAttachment.attach(program, k);
            case FentryTarget f -> LinkAttachment.attach(program, attachType(f), f.name());
            case WatchpointTarget w -> WatchpointAttachment.attach(program, w);
            case IterTarget it -> LinkAttachment.attach(program, Bpf.BPF_TRACE_ITER, it.name());
        };
    }

    /** The expected_attach_type a tracing program is loaded with; 0 for the others. */
    public static int attachType(ProbeTarget.Kernel target) {
        return switch (target) {
            case FentryTarget f -> f.exit() ? Bpf.BPF_TRACE_FEXIT : Bpf.BPF_TRACE_FENTRY;
            case IterTarget it -> Bpf.BPF_TRACE_ITER;
            default -> 0;
        };
    }
}
