package jtrace.sys;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** clock_gettime(2) through the one libc handle, against the clocks Java and /proc show. */
class KernelClockTest {
    @Test
    void bootClockIsAtLeastTheMonotonicOneAndMatchesUptime() throws Exception {
        long mono = System.nanoTime();
        long boot = KernelClock.bootNanos();
        assertTrue(boot >= mono, "CLOCK_BOOTTIME counts suspended time too: " + boot + " < " + mono);
        // /proc/uptime's first field is CLOCK_BOOTTIME in hundredths of a second.
        double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
        assertTrue(Math.abs(boot / 1e9 - uptime) < 1, boot / 1e9 + " vs uptime " + uptime);
    }

    @Test
    void realtimeClockIsTheWallClock() {
        long wall = KernelClock.nanos(KernelClock.CLOCK_REALTIME);
        Instant now = Instant.now();
        long javaWall = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        assertTrue(Math.abs(javaWall - wall) < 1_000_000_000L, wall + " vs " + javaWall);
    }
}
