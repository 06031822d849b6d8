package jtrace.sys;

/** Direct system calls by number, for the few cases (mostly tests) that need an exact syscall. */
public final class Syscalls {
    private Syscalls() {}

    public static final long SYS_GETPID = 39, SYS_GETTID = 186; // __NR_getpid, __NR_gettid on x86_64
    public static final long SYS_KILL = 62; // __NR_kill on x86_64
    public static final int SIGCONT = 18;

    /**
     * Prepares the native call path (the FFM downcall handle costs tens of milliseconds to create):
     * the runtime's EarlyRingBuffer calls this on a background thread at start, overlapping it with compiling.
     */
    public static void warmUp() {
        Libc.warmUp();
    }

    /** getpid(2), made as a real system call (libc may not cache it, but this is certain). */
    public static long getpid() {
        return Libc.syscall(SYS_GETPID);
    }

    /** gettid(2): the kernel's id of the calling thread (the low half of bpf_get_current_pid_tgid). */
    public static long gettid() {
        return Libc.syscall(SYS_GETTID);
    }

    /** kill(2): sends {@code signal} to process {@code pid} (Java can only send SIGTERM and SIGKILL). */
    public static void kill(long pid, int signal) {
        if (Libc.syscall(SYS_KILL, pid, signal, 0) < 0) throw new SysException("kill", Libc.errno());
    }
}
