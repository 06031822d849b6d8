package jtrace.attach;

import jtrace.sys.Errno;
import jtrace.sys.SysException;

/** A hardware probe on a machine whose CPU exposes no performance counters (typical of VMs). */
public final class NoHardwareCountersException extends SysException {
    private static final long serialVersionUID = 1L;

    public NoHardwareCountersException(String probe, SysException cause) {
        super(cause.operation(), cause.errno(), probe + ": this machine has no hardware performance counters "
                + "(perf_event_open: " + Errno.describe(cause.errno()) + ")");
        initCause(cause);
    }
}
