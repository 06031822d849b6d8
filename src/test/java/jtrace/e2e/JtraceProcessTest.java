package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The process machinery, exercised with small shell scripts standing in for a tracer. */
class JtraceProcessTest {
    /** A fake tracer: prints the marker when asked, waits for SIGINT, then prints and exits 7. */
    private static final String FAKE = """
            trap 'echo "@[jtwl]: 5"; echo bye >&2; exit 7' INT
            echo "Attaching 1 probe..."
            [ -n "$__BPFTRACE_NOTIFY_PROBES_ATTACHED" ] && echo __BPFTRACE_NOTIFY_PROBES_ATTACHED
            while :; do sleep 0.02; done
            """;

    private static JtraceProcess.Builder sh(String script) {
        return JtraceProcess.command(List.of("/bin/sh", "-c", script)).timeout(Duration.ofSeconds(10));
    }

    @Test
    void waitsForMarkerHidesItAndDeliversSigint() {
        try (JtraceProcess t = sh(FAKE).start()) {
            t.awaitAttached();
            JtraceProcess.Result r = t.interrupt();
            assertEquals(new JtraceProcess.Result(7, "Attaching 1 probe...\n@[jtwl]: 5\n", "bye\n"), r);
        }
    }

    @Test
    void markerOnStderrIsHiddenToo() {
        try (JtraceProcess t = sh("echo out; echo __BPFTRACE_NOTIFY_PROBES_ATTACHED >&2; echo err >&2").start()) {
            t.awaitAttached();
            assertEquals(new JtraceProcess.Result(0, "out\n", "err\n"), t.waitFor());
        }
    }

    @Test
    void withoutNotifyWaitsForAttachLine() {
        try (JtraceProcess t = sh("sleep 0.1; echo 'Attached 2 probes' >&2; " + FAKE).noNotify().start()) {
            t.awaitAttached();
            // The reader thread that saw the line may append it to the captured text a moment later.
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!t.stderrSoFar().startsWith("Attached 2 probes\n") && System.nanoTime() < deadline) Thread.onSpinWait();
            assertTrue(t.stderrSoFar().startsWith("Attached 2 probes\n"), t.stderrSoFar());
            t.sendSignal("SIGINT");
            JtraceProcess.Result r = t.waitFor();
            assertEquals(7, r.exitCode());
            assertFalse(r.stdout().contains("__BPFTRACE"), r.stdout());
        }
    }

    @Test
    void exitBeforeAttachFailsFastWithOutput() {
        try (JtraceProcess t = sh("echo 'stdin:1:1-3: ERROR: oops' >&2; exit 1").start()) {
            long start = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, t::awaitAttached);
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
            assertTrue(e.getMessage().contains("exited before") && e.getMessage().contains("ERROR: oops"), e.getMessage());
        }
    }

    @Test
    void hungProcessIsKilledAtTheDeadline() {
        JtraceProcess t = sh("trap '' INT TERM; echo started; while :; do sleep 0.02; done").start();
        t.awaitStdout("started", Duration.ofSeconds(5));
        t.sendSignal("INT");
        AssertionError e = assertThrows(AssertionError.class, () -> t.waitFor(Duration.ofMillis(300)));
        assertTrue(e.getMessage().contains("did not exit") && e.getMessage().contains("started"), e.getMessage());
        assertFalse(t.isAlive());
    }

    @Test
    void attachTimeoutKills() {
        JtraceProcess t = sh("sleep 30").start();
        AssertionError e = assertThrows(AssertionError.class, () -> t.awaitAttached(Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("within"), e.getMessage());
        t.close();
        assertFalse(t.isAlive());
    }

    @Test
    void termAndKillReachTheProcess() {
        for (String sig : List.of("TERM", "KILL")) {
            try (JtraceProcess t = sh("echo up; exec sleep 30").start()) {
                t.awaitStdout("up", Duration.ofSeconds(5));
                t.sendSignal(sig);
                assertEquals(128 + Signal.parse(sig).number, t.waitFor().exitCode());
            }
        }
    }

    @Test
    void tracerDoesNotInheritIgnoredSigint() throws Exception {
        // Even when this JVM runs with SIGINT ignored (background CI job), the tracer must not.
        try (JtraceProcess t = JtraceProcess.command(List.of("/bin/sleep", "30")).start()) {
            Path comm = Path.of("/proc", Long.toString(t.pid()), "comm");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.readString(comm).strip().equals("sleep") && System.nanoTime() < deadline) {
                Thread.sleep(5); // the pid is a spawn helper, then env, before it is sleep
            }
            String status = Files.readString(Path.of("/proc", Long.toString(t.pid()), "status"));
            String sigIgn = status.lines().filter(l -> l.startsWith("SigIgn:")).findFirst().orElseThrow();
            long mask = Long.parseUnsignedLong(sigIgn.substring(7).trim(), 16);
            assertEquals(0, mask & (1L << (Signal.INT.number - 1)), sigIgn);
        }
    }

    @Test
    void jtraceCommandRunsMainOnTargetClasses() {
        List<String> cmd = JtraceProcess.jtraceCommand();
        assertEquals("jtrace.cli.Main", cmd.getLast());
        assertTrue(cmd.contains("--enable-native-access=ALL-UNNAMED"));
        assertTrue(cmd.get(cmd.indexOf("-cp") + 1).endsWith("target/classes"), cmd.toString());
        assertTrue(Files.isExecutable(Path.of(cmd.getFirst())), cmd.toString());
    }
}
