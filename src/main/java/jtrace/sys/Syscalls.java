package jtrace.sys;

/** Direct system calls by number, for the few cases (mostly tests) that need an exact syscall. */
public final class Syscalls {
    private Syscalls() {}

    public static final long SYS_GETPID = 39, SYS_GETTID = 186; // __NR_getpid, __NR_gettid on x86_64

    /** getpid(2), made as a real system call (libc may not cache it, but this is certain). */
    public static long getpid() {
        return Libc.syscall(SYS_GETPID);
    }

    /** gettid(2): the kernel's id of the calling thread (the low half of bpf_get_current_pid_tgid). */
    public static long gettid() {
        return Libc.syscall(SYS_GETTID);
    }
}
