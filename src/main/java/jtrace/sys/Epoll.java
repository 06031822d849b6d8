package jtrace.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

/** An epoll instance watching file descriptors for readability, each registered with a token. */
public final class Epoll implements AutoCloseable {
    static final int EPOLL_CLOEXEC = 0x80000, EPOLL_CTL_ADD = 1, EPOLLIN = 0x001;

    /** struct epoll_event is packed on x86_64: u32 events, then u64 data at offset 4. */
    static final StructLayout EVENT = MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("events"), ValueLayout.JAVA_LONG_UNALIGNED.withName("data"));
    private static final int MAX_EVENTS = 16;

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events = arena.allocate(EVENT, MAX_EVENTS);
    private boolean closed;

    private Epoll(int fd) {
        this.fd = fd;
    }

    public static Epoll create() {
        int fd = Libc.epollCreate1(EPOLL_CLOEXEC);
        if (fd < 0) throw new SysException("epoll_create1", Libc.errno());
        return new Epoll(fd);
    }

    /** Watches {@code watched} for EPOLLIN; {@link #await} reports {@code token} when it is readable. */
    public void add(int watched, long token) {
        try (var a = Arena.ofConfined()) {
            var ev = a.allocate(EVENT);
            ev.set(ValueLayout.JAVA_INT, 0, EPOLLIN);
            ev.set(ValueLayout.JAVA_LONG_UNALIGNED, 4, token);
            if (Libc.epollCtl(fd, EPOLL_CTL_ADD, watched, ev) < 0) {
                throw new SysException("epoll_ctl(EPOLL_CTL_ADD)", Libc.errno());
            }
        }
    }

    /**
     * epoll_wait: blocks up to {@code timeoutMillis} (-1: forever) and stores the tokens of ready
     * descriptors in {@code tokens}; returns how many (0 on timeout or when interrupted by a signal).
     * Only one thread may wait at a time.
     */
    public int await(long[] tokens, int timeoutMillis) {
        int n = Libc.epollWait(fd, events, Math.min(MAX_EVENTS, tokens.length), timeoutMillis);
        if (n < 0) {
            int errno = Libc.errno();
            if (errno == Errno.EINTR) return 0;
            throw new SysException("epoll_wait", errno);
        }
        for (int i = 0; i < n; i++) {
            tokens[i] = events.get(ValueLayout.JAVA_LONG_UNALIGNED, i * EVENT.byteSize() + 4);
        }
        return n;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Fd.close(fd);
        arena.close();
    }
}
