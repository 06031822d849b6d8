package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** At the workload's full syscall rate the count is exact and jtrace's memory stays bounded. */
class UnderLoadE2ETest {
    private static final int EVENTS = 2_000_000;
    private static final long RSS_LIMIT_KB = 150 * 1024;

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void twoMillionGetpidsAreCountedExactlyInBoundedMemory() throws InterruptedException {
        long peakKb = 0;
        JtraceProcess.Result r;
        try (Workload w = Workload.start("getpid", Integer.toString(EVENTS));
             JtraceProcess t = JtraceProcess.jtrace("-e", "t:syscalls:sys_enter_getpid /pid == $1/ { @ = count(); }",
                     Long.toString(w.pid())).timeout(Duration.ofSeconds(60)).start()) {
            t.awaitAttached();
            w.go();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (true) {
                peakKb = Math.max(peakKb, vmHwmKb(t.pid()));
                if (!stillRunning(w) || System.nanoTime() > deadline) break;
                Thread.sleep(50);
            }
            assertEquals(0, w.waitFor(Duration.ofSeconds(60)), w.stderr());
            peakKb = Math.max(peakKb, vmHwmKb(t.pid()));
            r = t.interrupt().assertExitCode(0);
        }
        GoldenText.assertSameText("stdout", "\n\n@: " + EVENTS + "\n", r.stdout());
        assertTrue(peakKb > 0, "VmHWM read");
        assertTrue(peakKb < RSS_LIMIT_KB, "jtrace's peak RSS " + peakKb + " kB, limit " + RSS_LIMIT_KB + " kB");
    }

    private static boolean stillRunning(Workload w) {
        return Files.exists(Path.of("/proc", Long.toString(w.pid())))
                && !procState(w.pid()).equals("Z");
    }

    private static String procState(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        } catch (IOException gone) {
            return "Z";
        }
    }

    /** Peak resident set size (VmHWM) of a live process, in kB. */
    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        } catch (IOException e) {
            throw new AssertionError("cannot read the status of " + pid, e);
        }
        throw new AssertionError("no VmHWM for " + pid);
    }
}
