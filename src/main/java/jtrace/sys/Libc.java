package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The one downcall handle into libc: {@code syscall(3)}, which captures errno. Every other call
 * (mmap, close, ioctl, epoll, eventfd, mount...) is made through it by number, because each
 * downcall handle costs milliseconds to create at start-up and the first one tens of them
 * (x86_64 numbers, as SYS_BPF). Callers go through the small typed wrappers below.
 */
final class Libc {
    private Libc() {}

    // x86_64 syscall numbers (asm/unistd_64.h)
    static final long SYS_READ = 0, SYS_WRITE = 1, SYS_CLOSE = 3, SYS_MMAP = 9, SYS_MUNMAP = 11,
            SYS_IOCTL = 16, SYS_MOUNT = 165, SYS_UMOUNT2 = 166, SYS_EPOLL_WAIT = 232, SYS_EPOLL_CTL = 233,
            SYS_EVENTFD2 = 290, SYS_EPOLL_CREATE1 = 291;

    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** One capture buffer per thread: errno is per thread anyway. */
    private static final ThreadLocal<MemorySegment> CAPTURE_BUF =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    // long syscall(long number, ...), declared as seven fixed longs: on x86_64 a variadic call differs
    // only in %al (the count of vector registers used), which glibc's assembly syscall() never reads,
    // and a handle without firstVariadicArg is ~7 ms cheaper to create, on the start-up critical path.
    private static final MethodHandle SYSCALL6 = syscallHandle();

    @SuppressWarnings("restricted") // native access is this class's purpose
    private static MethodHandle syscallHandle() {
        Linker linker = Linker.nativeLinker();
        var params = new MemoryLayout[7];
        java.util.Arrays.fill(params, JAVA_LONG);
        var addr = linker.defaultLookup().find("syscall")
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no syscall"));
        return linker.downcallHandle(addr, FunctionDescriptor.of(JAVA_LONG, params),
                Linker.Option.captureCallState("errno"));
    }

    /** Creates the downcall handle now: called on a background thread early, to overlap its cost. */
    static void warmUp() {
        sys6(39, 0, 0, 0, 0, 0, 0); // getpid: links the call path too
    }

    static int errno() {
        return (int) ERRNO.get(CAPTURE_BUF.get(), 0L);
    }

    private static MemorySegment cap() {
        return CAPTURE_BUF.get();
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    private static long sys6(long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SYSCALL6.invokeExact(cap(), nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** Raw syscall; returns the result, or -1 with {@link #errno()} set. */
    static long syscall(long nr, long... args) {
        long[] a = args.length == 6 ? args : java.util.Arrays.copyOf(args, 6);
        return sys6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
    }

    static int ioctl(int fd, long request, long arg) {
        return (int) sys6(SYS_IOCTL, fd, request, arg, 0, 0, 0);
    }

    /** mmap at a kernel-chosen address; the result's address is -1 on failure, as MAP_FAILED. */
    static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        return MemorySegment.ofAddress(sys6(SYS_MMAP, 0, length, prot, flags, fd, offset));
    }

    static int munmap(MemorySegment addr, long length) {
        return (int) sys6(SYS_MUNMAP, addr.address(), length, 0, 0, 0, 0);
    }

    static int close(int fd) {
        return (int) sys6(SYS_CLOSE, fd, 0, 0, 0, 0, 0);
    }

    static long read(int fd, MemorySegment buf, long len) {
        return sys6(SYS_READ, fd, buf.address(), len, 0, 0, 0);
    }

    static long write(int fd, MemorySegment buf, long len) {
        return sys6(SYS_WRITE, fd, buf.address(), len, 0, 0, 0);
    }

    static int epollCreate1(int flags) {
        return (int) sys6(SYS_EPOLL_CREATE1, flags, 0, 0, 0, 0, 0);
    }

    static int epollCtl(int epfd, int op, int fd, MemorySegment event) {
        return (int) sys6(SYS_EPOLL_CTL, epfd, op, fd, event.address(), 0, 0);
    }

    static int epollWait(int epfd, MemorySegment events, int max, int timeout) {
        return (int) sys6(SYS_EPOLL_WAIT, epfd, events.address(), max, timeout, 0, 0);
    }

    static int eventfd(int initval, int flags) {
        return (int) sys6(SYS_EVENTFD2, initval, flags, 0, 0, 0, 0);
    }

    static int mount(MemorySegment source, MemorySegment target, MemorySegment type, long flags, MemorySegment data) {
        return (int) sys6(SYS_MOUNT, source.address(), target.address(), type.address(), flags, data.address(), 0);
    }

    static int umount(MemorySegment target) {
        return (int) sys6(SYS_UMOUNT2, target.address(), 0, 0, 0, 0, 0);
    }
}
