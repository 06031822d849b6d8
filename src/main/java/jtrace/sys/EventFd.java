package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;

/** A non-blocking eventfd(2): a counter another thread can bump to wake an epoll waiter. */
public final class EventFd implements AutoCloseable {
    static final int EFD_CLOEXEC = 0x80000, EFD_NONBLOCK = 0x800;

    private final int fd;
    private volatile boolean closed;

    private EventFd(int fd) {
        this.fd = fd;
    }

    public static EventFd create() {
        int fd = Libc.eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        if (fd < 0) throw new SysException("eventfd", Libc.errno());
        return new EventFd(fd);
    }

    public int fd() {
        return fd;
    }

    /** Makes the eventfd readable; safe from any thread. */
    public void signal() {
        if (closed) return;
        try (var a = Arena.ofConfined()) {
            var one = a.allocateFrom(ValueLayout.JAVA_LONG, 1L);
            if (Libc.write(fd, one, 8) < 0 && Libc.errno() != Errno.EAGAIN) {
                throw new SysException("write(eventfd)", Libc.errno());
            }
        }
    }

    /** Resets the counter; returns whether it had been signalled. */
    public boolean consume() {
        try (var a = Arena.ofConfined()) {
            var buf = a.allocate(ValueLayout.JAVA_LONG);
            long r = Libc.read(fd, buf, 8);
            if (r < 0) {
                if (Libc.errno() == Errno.EAGAIN) return false;
                throw new SysException("read(eventfd)", Libc.errno());
            }
            return true;
        }
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Fd.close(fd);
    }
}
