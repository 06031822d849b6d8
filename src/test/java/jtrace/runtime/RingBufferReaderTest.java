package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jtrace.attach.KernelPrograms;
import jtrace.attach.TestRunTrigger;
import jtrace.load.BpfMap;
import jtrace.load.BpfProgram;
import jtrace.load.MapSpec;
import jtrace.load.MapType;
import jtrace.load.ProgType;
import jtrace.load.ProgramSpec;
import jtrace.sys.Syscalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RingBufferReaderTest {
    static final long MARKER = 0x5a5a_1234_dead_beefL;

    static long myPidTgid() {
        return (Syscalls.getpid() << 32) | Syscalls.gettid();
    }

    static BpfProgram emitter(BpfMap ring, boolean discardFirst) {
        return BpfProgram.load(new ProgramSpec("BEGIN", ProgType.RAW_TRACEPOINT,
                KernelPrograms.emitPidTgid(ring.fd(), MARKER, discardFirst, 7), "GPL"));
    }

    @Test
    void beginStyleTestRunRecordIsReadBack() {
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 1 << 16));
             var prog = emitter(ring, false);
             var reader = new RingBufferReader(ring)) {
            assertEquals(0, reader.drain(b -> fail("empty ring")));
            assertEquals(7, TestRunTrigger.run(prog));
            var got = new ArrayList<ByteBuffer>();
            assertEquals(1, reader.poll(1000, got::add));
            ByteBuffer rec = got.getFirst();
            assertEquals(ByteOrder.LITTLE_ENDIAN, rec.order());
            assertEquals(16, rec.remaining());
            long pidTgid = rec.getLong(0);
            assertEquals(myPidTgid(), pidTgid);
            assertEquals(pidTgid ^ MARKER, rec.getLong(8));
            assertEquals(0, reader.drain(b -> fail("consumed already")));
        }
    }

    @Test
    void discardedRecordsAreSkipped() {
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 4096));
             var prog = emitter(ring, true);
             var reader = new RingBufferReader(ring)) {
            for (int i = 0; i < 5; i++) TestRunTrigger.run(prog);
            var got = new ArrayList<ByteBuffer>();
            assertEquals(5, reader.drain(got::add));
            for (var r : got) assertEquals(r.getLong(0) ^ MARKER, r.getLong(8));
        }
    }

    @Test
    void recordsWrapAroundTheDataArea() {
        // 24-byte records (8 header + 16) in 4096 bytes: positions wrap and some records straddle the end.
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 4096));
             var prog = emitter(ring, false);
             var reader = new RingBufferReader(ring)) {
            int total = 0;
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < 100; i++) TestRunTrigger.run(prog);
                List<ByteBuffer> got = new ArrayList<>();
                assertEquals(100, reader.drain(got::add));
                for (var r : got) assertEquals(r.getLong(0) ^ MARKER, r.getLong(8), "record intact");
                total += got.size();
            }
            assertEquals(2000, total);
        }
    }

    @Test
    void pollWaitsForTimeoutWhenEmpty() {
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 4096));
             var reader = new RingBufferReader(ring)) {
            long t0 = System.nanoTime();
            assertEquals(0, reader.poll(150, b -> fail("no records")));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= 140, "returned after " + ms + "ms");
        }
    }

    @Test
    void wakeupInterruptsBlockedPoll() throws Exception {
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 4096));
             var reader = new RingBufferReader(ring)) {
            var polled = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                reader.poll(-1, b -> {});
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            });
            Thread.sleep(200);
            assertFalse(polled.isDone(), "poll must block while the ring is empty");
            reader.wakeup();
            long ms = polled.get(5, TimeUnit.SECONDS);
            assertTrue(ms >= 150, "blocked for " + ms + "ms");
            // A wakeup is consumed once: the next poll blocks until its timeout again.
            long t0 = System.nanoTime();
            reader.poll(100, b -> {});
            assertTrue(System.nanoTime() - t0 >= 90_000_000L);
        }
    }

    @Test
    void pollReturnsWhenKernelProducesFromAnotherThread() throws Exception {
        try (var ring = BpfMap.create(new MapSpec("ringbuf", MapType.RINGBUF, 0, 0, 4096));
             var prog = emitter(ring, false);
             var reader = new RingBufferReader(ring)) {
            var producer = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
                TestRunTrigger.run(prog);
            });
            var got = new ArrayList<ByteBuffer>();
            long t0 = System.nanoTime();
            int n = reader.poll(10_000, got::add);
            producer.get(5, TimeUnit.SECONDS);
            assertEquals(1, n);
            assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "woken by the kernel, not the timeout");
        }
    }

    @Test
    void rejectsNonRingBufferMap() {
        try (var map = BpfMap.create(new MapSpec("h", MapType.HASH, 4, 4, 1))) {
            assertThrows(IllegalArgumentException.class, () -> new RingBufferReader(map));
        }
    }
}
