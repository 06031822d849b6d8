package jtrace.attach;

import jtrace.sys.Errno;
import jtrace.sys.SysException;

/** The kernel has no uprobe PMU (CONFIG_UPROBE_EVENTS off), or it cannot count USDT semaphores. */
public final class UprobesUnavailableException extends SysException {
    private static final long serialVersionUID = 1L;

    public UprobesUnavailableException(String message) {
        super("uprobe PMU", Errno.ENOENT, message);
    }
}
