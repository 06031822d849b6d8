package jtrace.load;

/**
 * What to create: {@code name} is the user-facing name (e.g. {@code @bytes_read}); the kernel
 * gets a sanitised form. Ring buffers have key and value size 0 and maxEntries = data size in bytes.
 */
public record MapSpec(String name, MapType type, int keySize, int valueSize, int maxEntries) {
    public MapSpec {
        if (type == MapType.RINGBUF) {
            if (keySize != 0 || valueSize != 0) throw new IllegalArgumentException("ring buffer " + name
                    + ": key and value size must be 0");
            if (Integer.bitCount(maxEntries) != 1 || maxEntries < 4096) throw new IllegalArgumentException(
                    "ring buffer " + name + ": size must be a power of 2 and at least 4096, not " + maxEntries);
        } else if (keySize <= 0 || valueSize <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("map " + name + ": sizes must be positive");
        }
    }
}
