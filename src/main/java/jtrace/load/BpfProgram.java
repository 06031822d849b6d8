package jtrace.load;

import jtrace.sys.Bpf;
import jtrace.sys.Errno;
import jtrace.sys.Fd;
import jtrace.sys.ProgInfo;
import jtrace.sys.ProgLoadException;

/** A program loaded into the kernel, owned by this object. */
public final class BpfProgram implements AutoCloseable {
    /** Verifier log buffer for the retry after a failure; the kernel keeps the tail if it overflows. */
    static final int LOG_SIZE = 16 << 20;

    private final ProgramSpec spec;
    private final int fd;
    private boolean closed;

    private BpfProgram(ProgramSpec spec, int fd) {
        this.spec = spec;
        this.fd = fd;
    }

    /**
     * Loads without a verifier log (fast); only when that fails loads again with log level 1 to
     * report why. Throws {@link VerifierRejection} with the log, or the plain {@link jtrace.sys.SysException}
     * when the failure is not the verifier's (e.g. missing privilege).
     */
    public static BpfProgram load(ProgramSpec spec) {
        // Code with subprograms (callbacks) needs program BTF; the program keeps its own reference to it.
        ProgramBtf btf = ProgramBtf.of(spec.code());
        if (btf == null) return load(spec, -1, null);
        int btfFd = Bpf.btfLoad(btf.btf());
        try {
            return load(spec, btfFd, btf.funcInfo());
        } finally {
            Fd.close(btfFd);
        }
    }

    private static BpfProgram load(ProgramSpec spec, int btfFd, byte[] funcInfo) {
        String name = KernelNames.sanitize(spec.name());
        int type = spec.type().value();
        try {
            return new BpfProgram(spec, Bpf.progLoad(type, spec.code(), spec.license(), name,
                    spec.expectedAttachType(), spec.attachBtfId(), 0, 0, btfFd, funcInfo));
        } catch (ProgLoadException first) {
            String log;
            try {
                // Loading with the log can succeed where the first load failed transiently.
                return new BpfProgram(spec, Bpf.progLoad(type, spec.code(), spec.license(), name,
                        spec.expectedAttachType(), spec.attachBtfId(), 1, LOG_SIZE, btfFd, funcInfo));
            } catch (ProgLoadException second) {
                log = second.log();
            }
            if (log.isBlank() && (first.errno() == Errno.EPERM || first.errno() == Errno.ENOSYS)) throw first;
            throw new VerifierRejection(spec.name(), first.errnoName(), Errno.describe(first.errno()), log);
        }
    }

    public int fd() {
        return fd;
    }

    public ProgramSpec spec() {
        return spec;
    }

    public ProgramStats stats() {
        ProgInfo info = Bpf.progInfo(fd);
        return new ProgramStats(info.id(), info.runCount(), info.runTimeNs(), info.xlatedInsnCount(),
                info.verifiedInsns());
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Fd.close(fd);
    }

    @Override
    public String toString() {
        return "BpfProgram[" + spec.name() + ", fd " + fd + "]";
    }
}
