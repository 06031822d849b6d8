package jtrace.load;

import java.util.ArrayList;
import java.util.List;

import jtrace.sys.Bpf;
import jtrace.sys.Cpus;
import jtrace.sys.Fd;

/** A BPF map in the kernel, owned by this object: closing it drops our reference. */
public final class BpfMap implements AutoCloseable {
    private final MapSpec spec;
    private final int fd;
    private boolean closed;

    private BpfMap(MapSpec spec, int fd) {
        this.spec = spec;
        this.fd = fd;
    }

    public static BpfMap create(MapSpec spec) {
        int fd = Bpf.mapCreate(spec.type().value(), spec.keySize(), spec.valueSize(), spec.maxEntries(), 0,
                KernelNames.sanitize(spec.name()));
        return new BpfMap(spec, fd);
    }

    public int fd() {
        return fd;
    }

    public MapSpec spec() {
        return spec;
    }

    /** Bytes a lookup returns: the value, or for per-CPU maps one 8-byte-aligned slot per possible CPU. */
    public int lookupSize() {
        if (!spec.type().perCpu()) return spec.valueSize();
        return round8(spec.valueSize()) * Cpus.possible().size();
    }

    private static int round8(int n) {
        return (n + 7) & ~7;
    }

    /** The value for {@code key} ({@link #lookupSize()} bytes), or null when absent. */
    public byte[] lookup(byte[] key) {
        checkKey(key);
        byte[] value = new byte[lookupSize()];
        return Bpf.mapLookup(fd, key, value) ? value : null;
    }

    /**
     * Sets {@code key} to {@code value}. For per-CPU maps {@code value} is either all CPUs' slots
     * ({@link #lookupSize()} bytes) or one value ({@code valueSize} bytes) given to every CPU.
     */
    public void update(byte[] key, byte[] value) {
        checkKey(key);
        Bpf.mapUpdate(fd, key, expand(value), Bpf.BPF_ANY);
    }

    private byte[] expand(byte[] value) {
        if (value.length == lookupSize()) return value;
        if (spec.type().perCpu() && value.length == spec.valueSize()) {
            int slot = round8(spec.valueSize());
            byte[] all = new byte[lookupSize()];
            for (int off = 0; off < all.length; off += slot) System.arraycopy(value, 0, all, off, value.length);
            return all;
        }
        throw new IllegalArgumentException("map " + spec.name() + ": value is " + value.length
                + " bytes, expected " + lookupSize());
    }

    /** Removes {@code key}; false when it was absent. */
    public boolean delete(byte[] key) {
        checkKey(key);
        if (spec.type().isArray()) throw new UnsupportedOperationException("cannot delete from array map "
                + spec.name());
        return Bpf.mapDelete(fd, key);
    }

    /** All keys, in the kernel's iteration order. */
    public List<byte[]> keys() {
        noRingBuffer("iterate");
        var out = new ArrayList<byte[]>();
        byte[] prev = null;
        while (true) {
            byte[] next = new byte[spec.keySize()];
            if (!Bpf.mapGetNextKey(fd, prev, next)) return out;
            out.add(next);
            prev = next;
        }
    }

    /** Deletes every key; array maps, whose entries cannot be deleted, are zeroed instead. */
    public void clear() {
        noRingBuffer("clear");
        if (spec.type().isArray()) {
            byte[] zero = new byte[lookupSize()];
            for (int i = 0; i < spec.maxEntries(); i++) Bpf.mapUpdate(fd, indexKey(i), zero, Bpf.BPF_ANY);
        } else {
            for (byte[] k : keys()) Bpf.mapDelete(fd, k);
        }
    }

    private byte[] indexKey(int i) {
        return new byte[] {(byte) i, (byte) (i >> 8), (byte) (i >> 16), (byte) (i >> 24)};
    }

    private void checkKey(byte[] key) {
        noRingBuffer("access");
        if (key.length != spec.keySize()) throw new IllegalArgumentException("map " + spec.name() + ": key is "
                + key.length + " bytes, expected " + spec.keySize());
    }

    private void noRingBuffer(String what) {
        if (spec.type() == MapType.RINGBUF) throw new UnsupportedOperationException("cannot " + what
                + " ring buffer " + spec.name() + " by key");
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        Fd.close(fd);
    }

    @Override
    public String toString() {
        return "BpfMap[" + spec.name() + ", fd " + fd + "]";
    }
}
