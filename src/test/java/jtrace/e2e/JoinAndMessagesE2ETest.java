package jtrace.e2e;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** join() on a real execve argv, and errorf()/warnf() messages on stderr. */
class JoinAndMessagesE2ETest {
    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
    }

    private static String execArgs(String... args) {
        String script = "tracepoint:syscalls:sys_enter_execve /str(args.filename) == \"/bin/true\"/ { "
                + String.join(" ", args) + " }";
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            Process p = new ProcessBuilder("/bin/true", "jtrace-join", "two words", "", "last").start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            return OutputFilter.keepLines(t.interrupt().assertExitCode(0).stdout(), l -> l.contains("jtrace-join"));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void joinPrintsTheArgumentsOnALine() {
        // An empty argument is kept: current bpftrace joins every string it read.
        GoldenText.assertSameText("/bin/true jtrace-join two words  last\n", execArgs("join(args.argv);"));
    }

    @Test
    void joinWithASeparatorAfterPrintf() {
        GoldenText.assertSameText("argv: /bin/true,jtrace-join,two words,,last\n",
                execArgs("printf(\"argv: \");", "join(args.argv, \",\");"));
    }

    @Test
    void joinStopsAtSixteenStrings() {
        String[] cmd = new String[20];
        cmd[0] = "/bin/true";
        for (int i = 1; i < 20; i++) cmd[i] = "a" + i;
        String script = "tracepoint:syscalls:sys_enter_execve /str(args.filename) == \"/bin/true\"/ { join(args.argv); }";
        String out;
        try (JtraceProcess t = JtraceProcess.jtrace("-e", script).start()) {
            t.awaitAttached();
            Process p = new ProcessBuilder(cmd).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            out = OutputFilter.keepLines(t.interrupt().assertExitCode(0).stdout(), l -> l.startsWith("/bin/true a1 "));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        GoldenText.assertSameText("/bin/true a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 a15\n", out);
    }

    @Test
    void joinInJson() {
        String script = "tracepoint:syscalls:sys_enter_execve /str(args.filename) == \"/bin/true\"/ { join(args.argv); }";
        String out;
        try (JtraceProcess t = JtraceProcess.jtrace("-f", "json", "-e", script).start()) {
            t.awaitAttached();
            Process p = new ProcessBuilder("/bin/true", "jtrace-json", "x").start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            out = OutputFilter.keepLines(t.interrupt().assertExitCode(0).stdout(), l -> l.contains("jtrace-json"));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        GoldenText.assertSameText("{\"type\": \"join\", \"data\": \"/bin/true jtrace-json x\"}\n", out);
    }

    @Test
    void errorfAndWarnfGoToStderrWithTheirLocationAndDoNotExit() {
        String program = "BEGIN { errorf(\"Something bad with args: %d, %s\", 10, \"arg2\"); warnf(\"careful %s\", \"now\"); "
                + "printf(\"still running\\n\"); exit(); }";
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", "still running\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n"
                + "stdin:1:9-62: ERROR: Something bad with args: 10, arg2\n"
                + program + "\n"
                + "        " + "~".repeat(53) + "\n"
                + "stdin:1:64-90: WARNING: careful now\n"
                + program + "\n"
                + " ".repeat(63) + "~".repeat(26) + "\n", r.stderr());
    }
}
