package jtrace.attach;

import jtrace.sys.SysException;

/**
 * A probe this kernel cannot serve: the feature is compiled out (no kprobe PMU) or refused
 * (tracing programs rejected with EPERM). The message names the probe and the missing feature.
 */
public final class KernelFeatureUnavailableException extends SysException {
    private static final long serialVersionUID = 1L;

    /** @param feature what is missing, e.g. {@code kprobe PMU}; used as the operation so no privilege hint is added */
    public KernelFeatureUnavailableException(String feature, int errno, String message) {
        super(feature, errno, message);
    }
}
