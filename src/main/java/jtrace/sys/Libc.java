package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Downcall handles into libc. Every handle captures errno, so each takes a leading capture-state
 * segment; callers go through the small typed wrappers below, which throw {@link SysException}.
 */
final class Libc {
    private Libc() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option ERRNO_OPT = Linker.Option.captureCallState("errno");

    /** One capture buffer per thread: errno is per thread anyway. */
    private static final ThreadLocal<MemorySegment> CAPTURE_BUF =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(CAPTURE));

    @SuppressWarnings("restricted") // native access is this class's purpose
    private static MethodHandle fn(String name, FunctionDescriptor desc, Linker.Option... extra) {
        var opts = new Linker.Option[extra.length + 1];
        opts[0] = ERRNO_OPT;
        System.arraycopy(extra, 0, opts, 1, extra.length);
        var addr = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc has no " + name));
        return LINKER.downcallHandle(addr, desc, opts);
    }

    private static FunctionDescriptor syscallDesc(int args) {
        var params = new MemoryLayout[args + 1];
        java.util.Arrays.fill(params, JAVA_LONG);
        return FunctionDescriptor.of(JAVA_LONG, params);
    }

    // long syscall(long number, ...): the arguments after the number are variadic.
    private static final MethodHandle SYSCALL0 = fn("syscall", syscallDesc(0), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL3 = fn("syscall", syscallDesc(3), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle SYSCALL5 = fn("syscall", syscallDesc(5), Linker.Option.firstVariadicArg(1));
    // int ioctl(int fd, unsigned long request, ...)
    private static final MethodHandle IOCTL = fn("ioctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle MMAP = fn("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = fn("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle CLOSE = fn("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = fn("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = fn("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle EPOLL_CREATE1 = fn("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle EPOLL_CTL = fn("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle EPOLL_WAIT = fn("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));
    private static final MethodHandle EVENTFD = fn("eventfd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle MOUNT = fn("mount",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
    private static final MethodHandle UMOUNT = fn("umount", FunctionDescriptor.of(JAVA_INT, ADDRESS));

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

    /** Raw syscall; returns the result, or -1 with {@link #errno()} set. */
    static long syscall(long nr, long... args) {
        try {
            return switch (args.length) {
                case 0 -> (long) SYSCALL0.invokeExact(cap(), nr);
                case 3 -> (long) SYSCALL3.invokeExact(cap(), nr, args[0], args[1], args[2]);
                case 5 -> (long) SYSCALL5.invokeExact(cap(), nr, args[0], args[1], args[2], args[3], args[4]);
                default -> {
                    long[] a = java.util.Arrays.copyOf(args, 5);
                    yield (long) SYSCALL5.invokeExact(cap(), nr, a[0], a[1], a[2], a[3], a[4]);
                }
            };
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int ioctl(int fd, long request, long arg) {
        try {
            return (int) IOCTL.invokeExact(cap(), fd, request, arg);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static MemorySegment mmap(long length, int prot, int flags, int fd, long offset) {
        try {
            return (MemorySegment) MMAP.invokeExact(cap(), MemorySegment.NULL, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int munmap(MemorySegment addr, long length) {
        try {
            return (int) MUNMAP.invokeExact(cap(), addr, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(cap(), fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long read(int fd, MemorySegment buf, long len) {
        try {
            return (long) READ.invokeExact(cap(), fd, buf, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long write(int fd, MemorySegment buf, long len) {
        try {
            return (long) WRITE.invokeExact(cap(), fd, buf, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int epollCreate1(int flags) {
        try {
            return (int) EPOLL_CREATE1.invokeExact(cap(), flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int epollCtl(int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) EPOLL_CTL.invokeExact(cap(), epfd, op, fd, event);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int epollWait(int epfd, MemorySegment events, int max, int timeout) {
        try {
            return (int) EPOLL_WAIT.invokeExact(cap(), epfd, events, max, timeout);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int eventfd(int initval, int flags) {
        try {
            return (int) EVENTFD.invokeExact(cap(), initval, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int mount(MemorySegment source, MemorySegment target, MemorySegment type, long flags, MemorySegment data) {
        try {
            return (int) MOUNT.invokeExact(cap(), source, target, type, flags, data);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int umount(MemorySegment target) {
        try {
            return (int) UMOUNT.invokeExact(cap(), target);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }
}
