package jtrace.attach;

import jtrace.load.BpfProgram;
import jtrace.sys.Perf;
import jtrace.sys.Tracefs;

/** A TRACEPOINT program on a tracepoint, through a perf event (perf_event_open + PERF_EVENT_IOC_SET_BPF). */
public record TracepointAttachment(String target, AttachedFds fds) implements Attachment {
    /** Attaches and enables; throws {@link jtrace.sys.UnknownTracepointException} for a missing tracepoint. */
    public static TracepointAttachment attach(BpfProgram program, String category, String event) {
        int id = Tracefs.tracepointId(category, event);
        return new TracepointAttachment("tracepoint:" + category + ":" + event,
                AttachedFds.perfEvent(program, () -> Perf.openTracepoint(id, 0)));
    }
}
