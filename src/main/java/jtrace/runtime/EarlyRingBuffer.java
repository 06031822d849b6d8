package jtrace.runtime;

import jtrace.codegen.CompiledProgram;
import jtrace.load.BpfMap;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import jtrace.sys.Syscalls;

import java.util.function.IntSupplier;

/**
 * The output ring buffer, created and mapped on a background thread while the program compiles:
 * the kernel takes milliseconds to allocate and map its pages. The thread first prepares the native
 * call path ({@link Syscalls#warmUp()}), which every later system call waits for anyway.
 *
 * <p>The size is a guess made before the script is read (the environment's perf_rb_pages); a
 * program whose ring differs (a config block set another size) gets a ring of its own and this one
 * is closed. {@link LoadedProgram} takes the map and {@link Tracer} its reader; {@link #close()}
 * closes whatever was not taken, also when the thread finishes only after it.
 */
public final class EarlyRingBuffer implements AutoCloseable {
    private final Thread thread;
    private BpfMap map;
    private RingBufferReader reader;
    private boolean closed;

    private EarlyRingBuffer(IntSupplier bytes) {
        thread = Thread.ofPlatform().daemon().name("jtrace-warmup").unstarted(() -> prepare(bytes));
    }

    /** Starts the background thread; {@code bytes} (0: no ring) is evaluated on it. */
    public static EarlyRingBuffer start(IntSupplier bytes) {
        EarlyRingBuffer early = new EarlyRingBuffer(bytes);
        early.thread.start();
        return early;
    }

    private void prepare(IntSupplier bytes) {
        Syscalls.warmUp();
        BpfMap m = null;
        RingBufferReader r = null;
        try {
            int size = bytes.getAsInt();
            if (size == 0) return;
            m = BpfMap.create(spec(size));
            r = new RingBufferReader(m);
        } catch (RuntimeException e) {
            // Not fatal: the loader creates the ring itself, and reports what failed then.
            if (m != null) m.close();
            return;
        }
        synchronized (this) {
            if (!closed) {
                map = m;
                reader = r;
                return;
            }
        }
        r.close();
        m.close();
    }

    static MapSpec spec(int bytes) {
        return new MapSpec(CompiledProgram.RINGBUF, MapType.RINGBUF, 0, 0, bytes);
    }

    /**
     * The ring's map if it was made as {@code spec} asks, after waiting for the thread; the caller
     * owns it from then on. Null when there is none or it does not fit.
     */
    BpfMap takeMap(MapSpec spec) {
        join();
        synchronized (this) {
            // Not MapSpec.equals: a record's equals is bootstrapped through method handles, milliseconds the first time.
            if (closed || map == null || spec.type() != MapType.RINGBUF || map.spec().maxEntries() != spec.maxEntries()) return null;
            BpfMap m = map;
            map = null;
            return m;
        }
    }

    /** The reader made over {@code ring} (a map {@link #takeMap} gave), else null; the caller owns it. */
    synchronized RingBufferReader takeReader(BpfMap ring) {
        if (closed || reader == null || reader.ring() != ring) return null;
        RingBufferReader r = reader;
        reader = null;
        return r;
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes what was not taken; a ring the thread finishes later is closed by the thread. */
    @Override
    public void close() {
        RingBufferReader r;
        BpfMap m;
        synchronized (this) {
            if (closed) return;
            closed = true;
            r = reader;
            m = map;
            reader = null;
            map = null;
        }
        if (r != null) r.close();
        if (m != null) m.close();
    }
}
