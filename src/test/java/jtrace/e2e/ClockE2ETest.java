package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nsecs is the boot clock (current bpftrace): strftime() turns it into the wall time, and elapsed
 * counts from jtrace's start on the same clock.
 */
class ClockE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    private static double epochSeconds() {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    }

    @Test
    void strftimeOfNsecsIsTheCurrentWallTime() {
        double before = epochSeconds();
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "BEGIN { printf(\"%s %s %s\\n\", strftime(\"%s.%f\", nsecs), strftime(\"%s.%f\", nsecs(boot)), "
                        + "strftime(\"%s.%f\", nsecs(tai))); exit(); }").assertExitCode(0);
        double after = epochSeconds();
        String[] fields = r.stdout().trim().split(" ");
        assertEquals(3, fields.length, r.toString());
        for (String f : fields) {
            double t = Double.parseDouble(f);
            assertTrue(t >= before - 1 && t <= after + 1, f + " not within [" + before + ", " + after + "]");
        }
    }

    @Test
    void elapsedCountsFromTheStart() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "interval:ms:300 { printf(\"%d\\n\", elapsed / 1000000); exit(); }")
                .assertExitCode(0);
        long elapsedMs = Long.parseLong(r.stdout().trim());
        assertTrue(elapsedMs >= 300 && elapsedMs < 5000, r.toString());
    }
}
