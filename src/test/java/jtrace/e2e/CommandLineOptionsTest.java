package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** jtrace's -o, -c, -p, -B and -v and strerror(), end to end in the kernel. */
class CommandLineOptionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    @Test
    void outputFileGetsProgramOutputAndStdoutNothing() throws Exception {
        Path out = dir.resolve("out.txt");
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-o", out.toString(),
                "-e", "BEGIN { printf(\"hello\\n\"); @x = 5; exit(); }").start()) {
            r = t.waitFor().assertExitCode(0);
        }
        GoldenText.assertSameText("stdout", "", r.stdout());
        GoldenText.assertSameText("Attached 1 probe\n", r.stderr());
        GoldenText.assertSameText("file", "hello\n\n\n@x: 5\n", Files.readString(out));
    }

    @Test
    void commandRunsAfterAttachAndEndsTheRun() throws Exception {
        Path f = dir.resolve("f");
        String cmd = Workload.binary() + " --now read " + f + " 3 100";
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace("-c", cmd, "-e",
                "t:syscalls:sys_exit_read /pid == cpid/ { printf(\"%d %s\\n\", args.ret, comm); @n = count(); }").start()) {
            r = t.waitFor().assertExitCode(0);
        }
        // jtwl's own "ready PID" line shares the stdout.
        String traced = OutputFilter.dropLines(r.stdout(), line -> line.startsWith("ready "));
        GoldenText.assertSameText("100 jtwl\n100 jtwl\n100 jtwl\n\n\n@n: 3\n", traced);
    }

    @Test
    void cpidWithoutCommandIsAnError() {
        try (JtraceProcess t = JtraceProcess.jtrace("-e", "BEGIN { print(cpid); }").start()) {
            JtraceProcess.Result r = t.waitFor().assertExitCode(1);
            GoldenText.assertSameText("stdin:1:15-19: ERROR: cpid cannot be used without child command\n"
                    + "BEGIN { print(cpid); }\n              ~~~~\n", r.stderr());
        }
    }

    @Test
    void pidFiltersTracepointsAndItsExitEndsTheRun() {
        try (Workload w = Workload.start("getpid", "3");
             JtraceProcess t = JtraceProcess.jtrace("-p", Long.toString(w.pid()),
                     "-e", "t:syscalls:sys_enter_getpid { @[comm] = count(); }").start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            // No interrupt: jtrace ends by itself once jtwl is gone.
            JtraceProcess.Result r = t.waitFor().assertExitCode(0);
            GoldenText.assertSameText("\n\n@[jtwl]: 3\n", r.stdout());
        }
    }

    @Test
    void missingPidIsRefused() {
        try (JtraceProcess t = JtraceProcess.jtrace("-p", "4194303", "-e", "BEGIN { exit(); }").start()) {
            JtraceProcess.Result r = t.waitFor().assertExitCode(1);
            GoldenText.assertSameText("ERROR: Failed to attach to pid: Unable to open pidfd (No such process)\n", r.stderr());
        }
    }

    @Test
    void strerrorNamesTheErrno() {
        try (Workload w = Workload.start("badread", "2");
             JtraceProcess t = JtraceProcess.jtrace("-e", "t:syscalls:sys_exit_read /pid == $1/ "
                     + "{ printf(\"%s %d %s\\n\", comm, -args.ret, strerror(-args.ret)); }", Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            JtraceProcess.Result r = t.interrupt().assertExitCode(0);
            GoldenText.assertSameText("jtwl 9 Bad file descriptor\njtwl 9 Bad file descriptor\n", r.stdout());
        }
    }

    /** With -o FILE, what the file holds while the tracer still runs, for each -B mode; at exit all of it. */
    private String fileWhileRunning(String mode, String text) throws Exception {
        Path out = dir.resolve("buffered-" + mode);
        try (JtraceProcess t = JtraceProcess.jtrace("-B", mode, "-o", out.toString(),
                "-e", "BEGIN { printf(\"" + text + "\"); } t:syscalls:sys_enter_getpid { }").start()) {
            t.awaitAttached();
            String expected = text.replace("\\n", "\n");
            boolean appeared = eventually(() -> read(out).equals(expected), Duration.ofMillis(700));
            String seen = read(out);
            t.interrupt().assertExitCode(0);
            GoldenText.assertSameText("file at exit", expected, Files.readString(out));
            return appeared ? seen : "";
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void unbufferedOutputAppearsBeforeANewline() throws Exception {
        assertEquals("partial", fileWhileRunning("none", "partial"));
    }

    @Test
    void lineBufferingWaitsForTheNewline() throws Exception {
        assertEquals("", fileWhileRunning("line", "partial"));
        assertEquals("line\n", fileWhileRunning("line", "line\\n"));
    }

    @Test
    void fullBufferingHoldsOutputUntilExit() throws Exception {
        assertEquals("", fileWhileRunning("full", "line\\n"));
    }

    @Test
    void lineBufferingShowsEachLineAtOnce() {
        try (JtraceProcess t = JtraceProcess.jtrace(
                "-e", "BEGIN { printf(\"line\\n\"); } t:syscalls:sys_enter_getpid { }").start()) {
            t.awaitAttached();
            t.awaitStdout("line", Duration.ofSeconds(10));
            t.interrupt().assertExitCode(0);
        }
    }

    @Test
    void verboseDescribesEachProgram() {
        try (JtraceProcess t = JtraceProcess.jtrace("-v",
                "-e", "BEGIN { exit(); } t:syscalls:sys_enter_getpid { }").start()) {
            JtraceProcess.Result r = t.waitFor().assertExitCode(0);
            GoldenText.assertMatches("stderr", """
                    Program ID: {{\\d+}}
                    load BEGIN: {{\\d+}} instructions, verified ({{\\d+}} processed)
                    Program ID: {{\\d+}}
                    load tracepoint:syscalls:sys_enter_getpid: {{\\d+}} instructions, verified ({{\\d+}} processed)
                    Attaching BEGIN
                    Attaching tracepoint:syscalls:sys_enter_getpid
                    Attached 2 probes
                    """, r.stderr());
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier check, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (check.getAsBoolean()) return true;
            Thread.sleep(20);
        }
        return check.getAsBoolean();
    }
}
