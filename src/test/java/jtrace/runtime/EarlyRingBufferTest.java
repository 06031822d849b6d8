package jtrace.runtime;

import jtrace.load.BpfMap;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The ring made ahead is handed over when its size fits, and is never left behind when it is not taken. */
class EarlyRingBufferTest {
    private static final MapSpec RING_4K = EarlyRingBuffer.spec(4096);

    @BeforeEach
    void root() {
        assumeTrue(isRoot(), "needs root");
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Test
    void aFittingRingIsHandedOverWithItsReader() {
        try (EarlyRingBuffer early = EarlyRingBuffer.start(() -> 4096)) {
            BpfMap map = early.takeMap(RING_4K);
            assertNotNull(map);
            try (map; RingBufferReader reader = early.takeReader(map)) {
                assertNotNull(reader);
                assertSame(map, reader.ring());
                assertNull(early.takeMap(RING_4K), "taken once");
                assertEquals(0, reader.drain(r -> { }));
            }
        }
    }

    @Test
    void aRingOfAnotherSizeIsNotTakenAndIsClosed() throws IOException {
        long before = ringFds();
        try (EarlyRingBuffer early = EarlyRingBuffer.start(() -> 4096)) {
            assertNull(early.takeMap(EarlyRingBuffer.spec(8192)));
            assertNull(early.takeMap(new MapSpec("ringbuf", MapType.HASH, 4, 8, 4096)));
            assertEquals(before + 1, ringFds());
        }
        assertEquals(before, ringFds());
    }

    @Test
    void closedBeforeTheThreadIsDoneTheThreadClosesIt() throws IOException {
        long before = ringFds();
        CountDownLatch closed = new CountDownLatch(1);
        EarlyRingBuffer early = EarlyRingBuffer.start(() -> {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 4096;
        });
        early.close();
        closed.countDown();
        assertNull(early.takeMap(RING_4K), "after close nothing is handed over"); // (waits for the thread)
        assertEquals(before, ringFds());
    }

    @Test
    void noRingWhenTheSizeCannotBeKnown() {
        try (EarlyRingBuffer early = EarlyRingBuffer.start(() -> { throw new IllegalArgumentException("bad env"); })) {
            assertNull(early.takeMap(RING_4K));
        }
        try (EarlyRingBuffer early = EarlyRingBuffer.start(() -> 0)) {
            assertNull(early.takeMap(RING_4K));
        }
    }

    /** Ring buffer maps this process holds open, from /proc/self/fdinfo (other processes' maps do not count). */
    private static long ringFds() throws IOException {
        long n = 0;
        try (var fds = Files.list(Path.of("/proc/self/fdinfo"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readString(fd).contains("map_type:\t" + MapType.RINGBUF.value() + "\n")) n++;
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return n;
    }
}
