package jtrace.sema;

/**
 * {@code watchpoint:ADDR:LEN:MODE} / {@code asyncwatchpoint:}: a hardware breakpoint
 * (PERF_TYPE_BREAKPOINT) on {@code length} bytes at {@code address}, firing on the accesses
 * {@code mode} names ({@code r}, {@code w}, {@code x}). With -p or -c the address is in that
 * process ({@code pid}); otherwise ({@code pid} -1) it is a kernel address, watched on every CPU.
 */
public record WatchpointTarget(long address, int length, String mode, boolean async, long pid)
        implements ProbeTarget.Kernel {

    public String name() {
        return (async ? "asyncwatchpoint:0x" : "watchpoint:0x") + Long.toHexString(address) + ":" + length + ":" + mode;
    }
}
