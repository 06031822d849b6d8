package jtrace.sys;

/** BPF_PROG_LOAD failed; {@link #log()} is the verifier log (empty when none was requested). */
public final class ProgLoadException extends SysException {
    private static final long serialVersionUID = 1L;

    private final String log;

    public ProgLoadException(int errno, String log) {
        super(Bpf.op(Bpf.BPF_PROG_LOAD), errno);
        this.log = log;
    }

    public String log() {
        return log;
    }
}
