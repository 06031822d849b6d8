package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lab's periodic exercise: "print the bytes read by each program every 2 seconds and reset
 * the counters", as a one-liner and as a script file (with a shorter interval, to keep the test fast).
 */
class LabExerciseE2ETest {
    private static final Pattern LINE = Pattern.compile("@bytes_read\\[jtwl\\]: (\\d+)");

    @BeforeEach
    void root() { Kernel.assumeRoot(); }

    /** print() and clear() driven by the workload's own getpid calls, so every block is known exactly. */
    @Test
    void printAndClearAtKnownPoints() throws Exception {
        Path file = Files.createTempFile("jtrace-lab", ".dat");
        try {
            // Filtered by the workload's pid ($1), so other jtwl processes on the machine do not count.
            String script = "t:syscalls:sys_enter_getpid /pid == $1/ { print(@bytes_read); clear(@bytes_read); } "
                    + "t:syscalls:sys_exit_read /args.ret > 0 && pid == $1/ { @bytes_read[comm] += args.ret; }";
            // The sleeps let user space carry out each asynchronous clear() before the next reads.
            try (Workload w = Workload.start("read", file.toString(), "2", "100", "getpid", "1", "sleep", "300",
                    "read", file.toString(), "3", "100", "getpid", "1", "sleep", "300");
                 JtraceProcess t = JtraceProcess.jtrace("-e", script, Long.toString(w.pid())).start()) {
                t.awaitAttached();
                w.go();
                assertEquals(0, w.waitFor());
                // At exit the map exists but is empty: the two newlines bpftrace prints before the maps, then nothing.
                GoldenText.assertSameText("stdout", "@bytes_read[jtwl]: 200\n@bytes_read[jtwl]: 300\n\n\n",
                        t.interrupt().stdout());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The sum of the printed counts; fails on any line that is not a count for jtwl. */
    private static long total(String stdout) {
        long total = 0;
        for (String line : stdout.split("\n", -1)) {
            if (line.isEmpty()) continue;
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "unexpected line: " + line + "\n" + stdout);
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** With a real interval, the split between blocks depends on timing, but nothing is lost or counted twice. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void intervalPrintsAndResets(boolean asScriptFile) throws Exception {
        Path data = Files.createTempFile("jtrace-lab", ".dat");
        Path scriptFile = Files.createTempFile("jtrace-lab", ".bt");
        String script = """
                interval:ms:200 { print(@bytes_read); clear(@bytes_read); }
                t:syscalls:sys_exit_read /args.ret > 0 && pid == $1/ { @bytes_read[comm] += args.ret; }
                """;
        try {
            Files.writeString(scriptFile, "#!/usr/bin/env jtrace\n" + script);
            try (Workload w = Workload.start("read", data.toString(), "4", "100", "sleep", "300",
                    "read", data.toString(), "6", "100");
                 JtraceProcess t = JtraceProcess.jtrace(asScriptFile
                         ? new String[]{scriptFile.toString(), Long.toString(w.pid())}
                         : new String[]{"-e", script, Long.toString(w.pid())}).start()) {
                t.awaitAttached();
                w.go();
                assertEquals(0, w.waitFor());
                // The interval probe prints (and clears) every read within a tick or two.
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (total(t.stdoutSoFar()) < 1000 && System.nanoTime() < deadline) Thread.sleep(50);
                Thread.sleep(450);
                JtraceProcess.Result r = t.interrupt().assertExitCode(0);
                assertEquals(1000, total(r.stdout()), r.stdout());
                assertTrue(r.stdout().endsWith("\n\n"), "maps printed at exit (now empty) follow two newlines");
            }
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(scriptFile);
        }
    }
}
