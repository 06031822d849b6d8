package jtrace.sys;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The user-space view of a BPF_MAP_TYPE_RINGBUF: the consumer page mapped read-write at offset 0,
 * and, read-only from offset one page, the producer page followed by the data area mapped twice
 * in a row, so a record that wraps around the end can still be read contiguously.
 * Positions are free-running byte counters; {@code pos & (size - 1)} is the offset in the data area.
 */
public final class RingBufferMapping implements AutoCloseable {
    static final long PAGE_SIZE = 4096;
    static final int PROT_READ = 0x1, PROT_WRITE = 0x2, MAP_SHARED = 0x01;

    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private final MemorySegment consumer;   // consumer page: consumer_pos at offset 0
    private final MemorySegment producer;   // producer page (producer_pos at 0) + 2x data
    private final MemorySegment data;
    private final long mask;
    private boolean closed;

    private RingBufferMapping(MemorySegment consumer, MemorySegment producer, long size) {
        this.consumer = consumer;
        this.producer = producer;
        this.data = producer.asSlice(PAGE_SIZE, 2 * size);
        this.mask = size - 1;
    }

    /** Maps the ring buffer map {@code mapFd} whose data area is {@code size} bytes (its max_entries). */
    @SuppressWarnings("restricted") // sizing the raw mmap results
    public static RingBufferMapping map(int mapFd, long size) {
        if (Long.bitCount(size) != 1 || size < PAGE_SIZE) {
            throw new IllegalArgumentException("ring buffer size must be a power of 2 pages: " + size);
        }
        var consumer = Libc.mmap(PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, mapFd, 0);
        if (consumer.address() == -1L) throw new SysException("mmap(ring buffer consumer page)", Libc.errno());
        long roLen = PAGE_SIZE + 2 * size;
        var producer = Libc.mmap(roLen, PROT_READ, MAP_SHARED, mapFd, PAGE_SIZE);
        if (producer.address() == -1L) {
            int errno = Libc.errno();
            Libc.munmap(consumer, PAGE_SIZE);
            throw new SysException("mmap(ring buffer data)", errno);
        }
        return new RingBufferMapping(consumer.reinterpret(PAGE_SIZE), producer.reinterpret(roLen), size);
    }

    /** The data area size in bytes. */
    public long size() {
        return mask + 1;
    }

    public long consumerPos() {
        return (long) LONG.getAcquire(consumer, 0L);
    }

    /** Publishes how far we have read; release so the kernel sees our reads done first. */
    public void setConsumerPos(long pos) {
        LONG.setRelease(consumer, 0L, pos);
    }

    /** The producer position, with acquire semantics: records before it are visible. */
    public long producerPos() {
        return (long) LONG.getAcquire(producer, 0L);
    }

    /** The 32-bit length word of the record header at {@code pos} (acquire: it carries the busy bit). */
    public int headerAt(long pos) {
        return (int) INT.getAcquire(data, pos & mask);
    }

    /** A little-endian copy of {@code len} bytes at {@code pos}. */
    public ByteBuffer copy(long pos, int len) {
        byte[] bytes = new byte[len];
        MemorySegment.copy(data, ValueLayout.JAVA_BYTE, pos & mask, bytes, 0, len);
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Libc.munmap(consumer, consumer.byteSize());
        Libc.munmap(producer, producer.byteSize());
    }
}
