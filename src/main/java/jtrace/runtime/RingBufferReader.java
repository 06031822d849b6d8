package jtrace.runtime;

import java.nio.ByteBuffer;
import java.util.function.Consumer;

import jtrace.load.BpfMap;
import jtrace.load.MapType;
import jtrace.sys.Epoll;
import jtrace.sys.EventFd;
import jtrace.sys.RingBufferMapping;

/**
 * Reads records from a BPF ring buffer map. One thread polls; {@link #wakeup()} may be called from
 * any thread (e.g. a SIGINT handler) to end a blocked {@link #poll}.
 */
public final class RingBufferReader implements AutoCloseable {
    // From linux/bpf.h: the record header is a u32 length (with these flag bits) and a u32 page offset.
    static final int BPF_RINGBUF_BUSY_BIT = 1 << 31;
    static final int BPF_RINGBUF_DISCARD_BIT = 1 << 30;
    static final int BPF_RINGBUF_HDR_SZ = 8;

    private static final long TOKEN_RING = 1, TOKEN_WAKEUP = 2;

    private final BpfMap map;
    private final RingBufferMapping ring;
    private final Epoll epoll;
    private final EventFd wakeup;
    private final long[] ready = new long[4];
    private boolean closed;

    public RingBufferReader(BpfMap ringbuf) {
        if (ringbuf.spec().type() != MapType.RINGBUF) throw new IllegalArgumentException(
                ringbuf.spec().name() + " is not a ring buffer");
        this.map = ringbuf;
        this.ring = RingBufferMapping.map(ringbuf.fd(), ringbuf.spec().maxEntries());
        Epoll ep = null;
        EventFd ev = null;
        try {
            ep = Epoll.create();
            ev = EventFd.create();
            ep.add(ringbuf.fd(), TOKEN_RING);
            ep.add(ev.fd(), TOKEN_WAKEUP);
        } catch (RuntimeException e) {
            if (ev != null) ev.close();
            if (ep != null) ep.close();
            ring.close();
            throw e;
        }
        this.epoll = ep;
        this.wakeup = ev;
    }

    /**
     * Delivers the records available now; if there are none, first blocks until data arrives,
     * {@code timeoutMillis} pass (-1: no limit) or {@link #wakeup()} is called. Returns the number
     * of records delivered.
     */
    public int poll(int timeoutMillis, Consumer<ByteBuffer> onRecord) {
        int n = drain(onRecord);
        if (n > 0) return n;
        int count = epoll.await(ready, timeoutMillis);
        for (int i = 0; i < count; i++) {
            if (ready[i] == TOKEN_WAKEUP) wakeup.consume();
        }
        return drain(onRecord);
    }

    /** Delivers the records available now without waiting; returns how many. */
    public int drain(Consumer<ByteBuffer> onRecord) {
        int delivered = 0;
        long cons = ring.consumerPos();
        while (true) {
            long prod = ring.producerPos();
            if (cons >= prod) return delivered;
            while (cons < prod) {
                int header = ring.headerAt(cons);
                // Reserved but not yet committed: records after it must wait too, to keep order.
                if ((header & BPF_RINGBUF_BUSY_BIT) != 0) return delivered;
                int len = header & ~(BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT);
                if ((header & BPF_RINGBUF_DISCARD_BIT) == 0) {
                    onRecord.accept(ring.copy(cons + BPF_RINGBUF_HDR_SZ, len));
                    delivered++;
                }
                cons += (len + BPF_RINGBUF_HDR_SZ + 7) & ~7L;
                ring.setConsumerPos(cons);
            }
        }
    }

    /** The ring buffer map read (not owned: closing this reader leaves it open). */
    BpfMap ring() {
        return map;
    }

    /** Makes a blocked (or the next) {@link #poll} return promptly; safe from any thread. */
    public void wakeup() {
        wakeup.signal();
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        wakeup.close();
        epoll.close();
        ring.close();
    }
}
