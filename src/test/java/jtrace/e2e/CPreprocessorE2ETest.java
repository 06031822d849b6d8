package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** #define and #include in scripts: macros in probe bodies, glibc's headers, bpftrace's tools. */
class CPreprocessorE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void definedConstantsInBegin() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                #define FOO 5
                #define BAR (FOO * 2 + 1)
                #define NAME "jt"
                #ifdef BPFTRACE_HAVE_BTF
                #define HAVE 1
                #else
                #define HAVE 0
                #endif
                BEGIN { printf("%d %d %s %d\\n", FOO, BAR, NAME, HAVE); exit(); }""").assertExitCode(0);
        GoldenText.assertSameText("stdout", "5 11 jt 1\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void addressFamiliesFromSysSocket() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                #include <sys/socket.h>
                BEGIN { printf("%d %d\\n", AF_INET, AF_INET6); exit(); }""").assertExitCode(0);
        GoldenText.assertSameText("stdout", "2 10\n", r.stdout());
    }

    @Test
    void includeDirFromTheCommandLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.h"), "#pragma once\n#define ANSWER 42\n");
        JtraceProcess.Result r = Kernel.selfExiting("-I", dir.toString(), "--include", "mine.h",
                "-e", "BEGIN { printf(\"%d\\n\", ANSWER); exit(); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "42\n", r.stdout());
    }

    @Test
    void missingHeaderWithoutGuardIsAWarning() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                #include <net/sock.h>
                BEGIN { printf("ok\\n"); exit(); }""").assertExitCode(0);
        GoldenText.assertSameText("stdout", "ok\n", r.stdout());
        assertTrue(r.stderr().startsWith("WARNING: 'net/sock.h' file not found"), r.stderr());
    }

    @Test
    void uapiSchedHeaderHasNoTaskRunning() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                #include <linux/sched.h>
                tracepoint:sched:sched_switch { if (args.prev_state == TASK_RUNNING) { exit(); } }""").assertExitCode(1);
        assertTrue(r.stderr().startsWith("stdin:2:56-68: ERROR: Unknown identifier: 'TASK_RUNNING'"), r.stderr());
    }

    @Test
    void functionLikeMacroIsAClearError() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", """
                #define F(x) ((x) + 1)
                BEGIN { printf("%d\\n", F); }""").assertExitCode(1);
        GoldenText.assertSameText("stderr", """
                stdin:2:24-25: ERROR: unable to expand macro as an expression: F is a function-like macro (F(x) ((x) + 1))
                BEGIN { printf("%d\\n", F); }
                                       ~
                """, r.stderr());
    }

    /** bpftrace's tcpdrop.bt as current bpftrace ships it (its variables declared with let before the branches). */
    @Test
    void tcpdropAttachesAndPrintsItsHeader(@TempDir Path dir) throws IOException {
        Path tool = Path.of("/usr/sbin/tcpdrop.bt");
        assumeTrue(Files.exists(tool) && Files.exists(Path.of("/sys/kernel/tracing/events/skb/kfree_skb")));
        String text = Files.readString(tool).replace("    if ($inet_family == AF_INET) {",
                "    let $daddr; let $saddr;\n    if ($inet_family == AF_INET) {");
        Path script = dir.resolve("tcpdrop.bt");
        Files.writeString(script, text);
        JtraceProcess p = JtraceProcess.jtrace(script.toString()).timeout(Duration.ofSeconds(30)).start();
        p.awaitAttached();
        JtraceProcess.Result r = p.interrupt();
        assertTrue(r.stdout().startsWith("Tracing tcp drops. Hit Ctrl-C to end.\n"
                + "TIME     PID      COMM             SADDR:SPORT           DADDR:DPORT           STATE   \n"), r.stdout());
        assertTrue(r.stderr().contains("Attached 3 probes"), r.stderr());
    }
}
