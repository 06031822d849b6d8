package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadTest {
    @TempDir
    Path dir;

    static Stream<Arguments> exitStatuses() {
        return Stream.of(
                Arguments.of(new String[] {"getpid", "3"}, 0),
                Arguments.of(new String[] {"badread", "4", "getpid", "1", "sleep", "1", "call", "10"}, 0),
                Arguments.of(new String[] {"openat", "/proc/self/status", "3"}, 0),
                Arguments.of(new String[] {"read", "/dev/zero", "2", "4096"}, 0),
                Arguments.of(new String[] {"read", "/dev/null", "1", "10"}, 3), // read returns 0, not 10
                Arguments.of(new String[] {"openat", "/nonexistent/x", "1"}, 3),
                Arguments.of(new String[] {"frobnicate", "1"}, 2),
                Arguments.of(new String[] {"getpid"}, 2),
                Arguments.of(new String[] {"getpid", "-1"}, 2),
                Arguments.of(new String[] {"read", "/nonexistent/x", "1", "1"}, 2));
    }

    @ParameterizedTest
    @MethodSource("exitStatuses")
    void exitStatusTellsWhetherStepsBehaved(String[] steps, int status) {
        assertEquals(status, Workload.runNow(steps));
    }

    @Test
    void readExtendsTheFileSoEveryReadIsFull() throws Exception {
        Path f = dir.resolve("data");
        assertEquals(0, Workload.runNow("read", f.toString(), "5", "100"));
        assertEquals(500, Files.size(f));
    }

    @Test
    void writeWritesExactly() throws Exception {
        Path f = dir.resolve("out");
        assertEquals(0, Workload.runNow("write", f.toString(), "3", "7"));
        assertEquals(21, Files.size(f));
    }

    @Test
    void parkedUntilGo() throws Exception {
        try (Workload w = Workload.start("getpid", "1")) {
            assertTrue(ProcessHandle.of(w.pid()).orElseThrow().isAlive());
            assertEquals("jtwl", Files.readString(Path.of("/proc", Long.toString(w.pid()), "comm")).strip());
            Thread.sleep(100);
            assertTrue(ProcessHandle.of(w.pid()).map(ProcessHandle::isAlive).orElse(false), "ran before go()");
            w.go();
            assertEquals(0, w.waitFor());
        }
    }

    @Test
    void waitWithoutGoTimesOutAndKills() {
        Workload w = Workload.start("getpid", "1");
        AssertionError e = assertThrows(AssertionError.class, () -> w.waitFor(Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("still running"), e.getMessage());
        assertTrue(ProcessHandle.of(w.pid()).isEmpty(), "jtwl was not killed");
    }

    @Test
    void setupErrorsFailStartWithStderr() {
        AssertionError e = assertThrows(AssertionError.class, () -> Workload.start("getpid", "x"));
        assertTrue(e.getMessage().contains("exit 2"), e.getMessage());
        assertTrue(e.getMessage().contains("not a non-negative number: x"), e.getMessage());
    }
}
