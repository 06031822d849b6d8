package jtrace.btf;

import java.io.IOException;

/**
 * The running kernel's BTF, read once on first use: programs that use no kernel types never
 * touch /sys/kernel/btf. The failure, if any, is kept and reported to every caller.
 */
public final class KernelBtf {
    private KernelBtf() {}

    private static Btf btf;
    private static String failure;
    private static RawTracepoints rawTracepoints;

    /** The kernel's BTF; throws with a message naming the file and the reason when it cannot be read. */
    public static synchronized Btf vmlinux() throws BtfFormatException {
        if (btf == null && failure == null) {
            try {
                btf = Btf.read(Btf.VMLINUX);
            } catch (IOException | BtfFormatException e) {
                failure = "cannot read kernel BTF from " + Btf.VMLINUX + ": " + e.getMessage();
            }
        }
        if (btf == null) throw new BtfFormatException(failure);
        return btf;
    }

    /** The raw tracepoints of vmlinux, found once. */
    public static synchronized RawTracepoints rawTracepoints() throws BtfFormatException {
        if (rawTracepoints == null) rawTracepoints = new RawTracepoints("vmlinux", vmlinux());
        return rawTracepoints;
    }
}
