package jtrace.e2e;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * However jtrace ends (Ctrl-C, SIGTERM, exit(), a verifier rejection), every program, map and
 * link it created is gone afterwards. Other test JVMs may load objects meanwhile, so the checks
 * look at what this tracer held (fdinfo) or at map names unique to this test.
 */
class CleanupE2ETest {
    private static final String READS_AND_TICKS =
            "t:syscalls:sys_exit_read { @[comm] = count(); } interval:ms:100 { @i = count(); }";

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void ctrlCReleasesEverything() {
        releasedAfter("INT");
    }

    @Test
    void sigtermReleasesEverything() {
        releasedAfter("TERM");
    }

    private static void releasedAfter(String signal) {
        BpfObjects.Snapshot held;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", READS_AND_TICKS).start()) {
            t.awaitAttached();
            held = BpfObjects.heldBy(t.pid());
            assertEquals(2, held.progs().size(), held.describe());
            assertTrue(held.maps().size() >= 2, held.describe()); // @ and @i at least
            t.sendSignal(signal);
            JtraceProcess.Result r = t.waitFor().assertExitCode(0);
            // the maps are printed as after Ctrl-C (the reads of this JVM's output threads at least)
            assertTrue(r.stdout().startsWith("\n\n@["), r.stdout());
        }
        BpfObjects.assertReleased(held);
    }

    @Test
    void exitReleasesEverything() {
        String map = uniqueMapName();
        JtraceProcess.Result r;
        BpfObjects.Snapshot held;
        // BEGIN would run before we could look: a tick probe exits once we have seen the objects.
        try (JtraceProcess t = JtraceProcess.jtrace("-e",
                "BEGIN { " + map + " = 1; } interval:ms:100 { @ticks++; if (@ticks == 3) { exit(); } }").start()) {
            t.awaitAttached();
            held = BpfObjects.heldBy(t.pid());
            assertFalse(held.progs().isEmpty(), held.describe());
            assertTrue(liveMapNames().contains(kernelName(map)), "map " + kernelName(map) + " exists while running");
            r = t.waitFor(Duration.ofSeconds(10)).assertExitCode(0);
        }
        GoldenText.assertSameText("stdout", "\n\n" + map + ": 1\n@ticks: 3\n", r.stdout());
        BpfObjects.assertReleased(held);
        assertNoMapNamed(kernelName(map));
    }

    @Test
    void beginOnlyExitReleasesItsMaps() {
        String map = uniqueMapName();
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { " + map + " = 1; exit(); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "\n\n" + map + ": 1\n", r.stdout());
        assertNoMapNamed(kernelName(map));
    }

    /** Maps are created before the programs load; a rejected program must not leave them behind. */
    @Test
    void verifierRejectionReleasesTheMapsCreatedBeforeIt() {
        String map = uniqueMapName();
        Kernel.selfExiting("-e", "BEGIN { " + map + " = 1; $i = 0; while ($i >= 0) { $i++; } }").assertExitCode(1);
        assertNoMapNamed(kernelName(map));
    }

    /** "@lk" and 9 random characters: its kernel name "AT_lk..." fits the 15 characters. */
    private static String uniqueMapName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("@lk");
        for (int i = 0; i < 9; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    private static String kernelName(String map) {
        return "AT_" + map.substring(1);
    }

    /** Fails unless no map has the name; waits up to 5 s as the kernel frees maps from deferred work. */
    private static void assertNoMapNamed(String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (liveMapNames().contains(name)) {
            if (System.nanoTime() > deadline) throw new AssertionError("map " + name + " outlived jtrace");
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static List<String> liveMapNames() {
        return BpfObjects.snapshot().maps().stream().flatMap(id -> BpfObjects.mapName(id).stream()).toList();
    }
}
