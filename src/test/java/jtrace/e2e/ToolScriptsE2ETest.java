package jtrace.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripts of tools/ run for real against a workload this test makes: their header lines and
 * the workload's own lines (found by pid or comm) exactly, the rest of the output by its shape,
 * since the tools trace the whole system.
 */
class ToolScriptsE2ETest {
    private static final String TIME = "{{\\d\\d:\\d\\d:\\d\\d}}";
    private static final long JVM = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
    }

    private static String tool(String name) {
        return Project.root().resolve("tools").resolve(name).toString();
    }

    /** Runs the tool, lets {@code work} run once it is attached, then Ctrl-C. */
    private static JtraceProcess.Result run(String name, Runnable work) {
        try (JtraceProcess t = JtraceProcess.jtrace(tool(name)).start()) {
            t.awaitAttached();
            work.run();
            return t.interrupt().assertExitCode(0);
        }
    }

    /** Runs a command to completion and returns its pid. */
    private static long runCommand(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "command did not end: " + List.of(command));
            return p.pid();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + List.of(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lines(String output, String regex) {
        return OutputFilter.keepLines(output, Pattern.compile(regex).asMatchPredicate());
    }

    private static String head(String output, int n) {
        StringBuilder b = new StringBuilder();
        String[] ls = output.split("\n", -1);
        for (int i = 0; i < n && i < ls.length; i++) b.append(ls[i]).append('\n');
        return b.toString();
    }

    /** Every line of {@code output} after the first {@code skip} matches one of the regexes. */
    private static void assertShape(String output, int skip, String... regexes) {
        String[] ls = output.split("\n");
        for (int i = skip; i < ls.length; i++) {
            String l = ls[i];
            boolean ok = false;
            for (String r : regexes) ok |= l.matches(r);
            assertTrue(ok, "unexpected line " + (i + 1) + ": '" + l + "' in\n" + output);
        }
    }

    @Test
    void opensnoopShowsTheWorkloadsOpens() throws IOException {
        Path target = Files.writeString(dir.resolve("opened"), "x");
        long[] pid = new long[1];
        JtraceProcess.Result r = run("opensnoop.bt", () -> {
            try (Workload w = Workload.start("openat", target.toString(), "2")) {
                w.go();
                assertEquals(0, w.waitFor());
                pid[0] = w.pid();
            }
        });
        GoldenText.assertSameText("header", "Tracing open syscalls... Hit Ctrl-C to end.\n"
                + "PID    COMM               FD ERR PATH\n", head(r.stdout(), 2));
        String line = String.format("%-6d %-16s ", pid[0], "jtwl") + "{{ *\\d+}}   0 " + target + "\n";
        GoldenText.assertMatches("jtwl lines", line.repeat(2), lines(r.stdout(), pid[0] + " +jtwl .*"));
        assertShape(r.stdout(), 2, "\\d+ +.{16} +-?\\d+ +\\d+ .*");
        GoldenText.assertSameText("stderr", "Attached 6 probes\n", r.stderr());
    }

    @Test
    void execsnoopJoinsTheArguments() {
        long[] pid = new long[1];
        JtraceProcess.Result r = run("execsnoop.bt", () -> pid[0] = runCommand("/bin/true", "jtrace-execsnoop", "a", "b c", ""));
        GoldenText.assertSameText("header", "TIME(ms)   PID     PPID    ARGS\n", head(r.stdout(), 1));
        // Java starts the command through its spawn helper, exec'd first in the same process.
        String line = "{{\\d+ *}} " + String.format("%-7d %-7d ", pid[0], JVM) + "/bin/true jtrace-execsnoop a b c \n";
        GoldenText.assertMatches("command line", line, lines(r.stdout(), ".*/bin/true jtrace-execsnoop.*"));
        assertShape(r.stdout(), 1, "\\d+ +\\d+ +\\d+ .*");
    }

    @Test
    void syscountCountsTheWorkloadsSyscalls() {
        JtraceProcess.Result r = run("syscount.bt", () -> {
            try (Workload w = Workload.start("getpid", "5000")) {
                w.go();
                assertEquals(0, w.waitFor());
            }
        });
        String out = r.stdout();
        assertTrue(out.startsWith("Counting syscalls... Hit Ctrl-C to end.\n\nTop 10 syscalls IDs:\n"), out);
        int procs = out.indexOf("\nTop 10 processes:\n");
        assertTrue(procs > 0, out);
        assertShape(out.substring(0, procs), 3, "@syscall\\[\\d+]: \\d+");
        assertShape(out.substring(procs + 1), 1, "@process\\[.*]: \\d+");
        // getpid (39) 5000 times and exit_group: jtwl's whole run after go. The tool counts by comm,
        // so other jtwl processes running meanwhile (other test runs) can only add to it.
        String jtwl = lines(out, "@process\\[jtwl]: .*");
        assertTrue(jtwl.matches("@process\\[jtwl]: \\d{4,}\n")
                && Long.parseLong(jtwl.substring(jtwl.indexOf(": ") + 2).trim()) >= 5001,
                "jtwl's count: " + jtwl + " in\n" + out);
        assertTrue(lines(out, "@syscall\\[39]: .*").matches("@syscall\\[39]: \\d{4,}\n"), out);
    }

    @Test
    void killsnoopShowsASignalZero() {
        long[] pid = new long[1];
        JtraceProcess.Result r = run("killsnoop.bt", () -> pid[0] = runCommand("/usr/bin/kill", "-0", String.valueOf(JVM)));
        GoldenText.assertSameText("header", "Tracing kill() signals... Hit Ctrl-C to end.\n"
                + "TIME      PID    COMM              SIG TPID   RESULT\n", head(r.stdout(), 2));
        GoldenText.assertMatches("kill line", TIME + String.format("  %-6d %-16s %4d %-6d %d\n", pid[0], "kill", 0, JVM, 0),
                lines(r.stdout(), "\\S+  " + pid[0] + " .*"));
    }

    @Test
    void vfsstatCountsSyscallsEachSecond() throws IOException {
        String file = dir.resolve("data").toString();
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace(tool("vfsstat.bt")).start()) {
            t.awaitAttached();
            try (Workload w = Workload.start("read", file, "5", "100")) {
                w.go();
                assertEquals(0, w.waitFor());
            }
            t.awaitStdout("\\d\\d:\\d\\d:\\d\\d", java.time.Duration.ofSeconds(5));
            r = t.interrupt().assertExitCode(0);
        }
        assertTrue(r.stdout().startsWith("Tracing key VFS syscalls... Hit Ctrl-C to end.\n"), r.stdout());
        assertShape(r.stdout(), 1, "\\d\\d:\\d\\d:\\d\\d", "",
                "@\\[tracepoint:syscalls:sys_enter_(read|write|openat|close|newfstatat|statx)]: \\d+");
        assertFalse(lines(r.stdout(), "@\\[tracepoint:syscalls:sys_enter_read]: \\d+").isEmpty(), r.stdout());
    }

    @Test
    void naptimeShowsTheWorkloadsSleep() {
        long[] pid = new long[1];
        JtraceProcess.Result r = run("naptime.bt", () -> {
            try (Workload w = Workload.start("sleep", "50")) {
                w.go();
                assertEquals(0, w.waitFor());
                pid[0] = w.pid();
            }
        });
        GoldenText.assertSameText("header", "Tracing sleeps. Hit Ctrl-C to end.\n"
                + "TIME     PPID    PCOMM            PID     COMM             SECONDS\n", head(r.stdout(), 2));
        // The parent is a thread of this JVM: its comm is the thread's name.
        GoldenText.assertMatches("jtwl line", TIME + String.format(" %-7d ", JVM) + "{{.+}}"
                + String.format(" %-7d %-16s 0.050\n", pid[0], "jtwl"), lines(r.stdout(), ".* " + pid[0] + " +jtwl .*"));
    }

    @Test
    void setuidsShowsSetresuid() {
        long[] pid = new long[1];
        JtraceProcess.Result r = run("setuids.bt", () -> pid[0] = runCommand("/usr/bin/setpriv", "--reuid=65534", "/bin/true"));
        GoldenText.assertSameText("header", "Tracing setuid(2) family syscalls. Hit Ctrl-C to end.\n"
                + "TIME     PID    COMM             UID    SYSCALL   ARGS (RET)\n", head(r.stdout(), 2));
        GoldenText.assertMatches("setpriv line", TIME + String.format(" %-6d %-16s %-6d ", pid[0], "setpriv", 0)
                + "setresuid ruid=65534 euid=65534 suid=65534 (0)\n", lines(r.stdout(), "\\S+ " + pid[0] + " .*"));
    }

    @Test
    void statsnoopShowsAFailedStat() {
        String missing = dir.resolve("missing-statsnoop").toString();
        long[] pid = new long[1];
        JtraceProcess.Result r = run("statsnoop.bt", () -> pid[0] = runCommand("/usr/bin/stat", missing));
        GoldenText.assertSameText("header", "Tracing stat syscalls... Hit Ctrl-C to end.\n"
                + "PID    COMM             ERR PATH\n", head(r.stdout(), 2));
        String found = lines(r.stdout(), ".*" + Pattern.quote(missing));
        assertFalse(found.isEmpty(), r.stdout());
        String line = String.format("%-6d %-16s %3d %s\n", pid[0], "stat", 2, missing);
        for (String l : found.split("\n")) GoldenText.assertSameText("stat line", line, l + "\n");
    }

    @Test
    void syncsnoopShowsFdatasync() throws IOException {
        Path file = Files.writeString(dir.resolve("synced"), "x");
        long[] pid = new long[1];
        JtraceProcess.Result r = run("syncsnoop.bt", () -> pid[0] = runCommand("/usr/bin/sync", "-d", file.toString()));
        GoldenText.assertSameText("header", "Tracing sync syscalls... Hit Ctrl-C to end.\n"
                + "TIME      PID    COMM             EVENT\n", head(r.stdout(), 2));
        GoldenText.assertMatches("sync line", TIME + String.format("  %-6d %-16s %s\n", pid[0], "sync",
                "tracepoint:syscalls:sys_enter_fdatasync"), lines(r.stdout(), "\\S+  " + pid[0] + " .*"));
    }

    @Test
    void pidpersecCountsForks() {
        JtraceProcess.Result r;
        try (JtraceProcess t = JtraceProcess.jtrace(tool("pidpersec.bt")).start()) {
            t.awaitAttached();
            for (int i = 0; i < 3; i++) runCommand("/bin/true");
            t.awaitStdout(".*PIDs/sec: @: \\d+", java.time.Duration.ofSeconds(5));
            r = t.interrupt().assertExitCode(0);
        }
        assertTrue(r.stdout().startsWith("Tracing new processes... Hit Ctrl-C to end.\n"), r.stdout());
        assertShape(r.stdout(), 1, "\\d\\d:\\d\\d:\\d\\d PIDs/sec: @: \\d+", "");
    }

    private static final String HIST_LINE = "\\[[^]]+\\) *\\d+ \\|[@ ]{52}\\|";
    private static final String HIST_ONE = "\\[\\d+] *\\d+ \\|[@ ]{52}\\|";

    @Test
    void runqlatHistogram() {
        JtraceProcess.Result r = run("runqlat.bt", () -> {
            try (Workload w = Workload.start("sleep", "10", "sleep", "10", "sleep", "10")) {
                w.go();
                assertEquals(0, w.waitFor());
            }
        });
        assertTrue(r.stdout().startsWith("Tracing CPU scheduler... Hit Ctrl-C to end.\n\n\n@usecs:\n"), r.stdout());
        assertShape(r.stdout(), 4, HIST_LINE, HIST_ONE, "");
    }

    @Test
    void cpuwalkHistogramOfCpus() {
        // cpuwalk samples only non-idle CPUs (/pid/): keep one busy, or an idle machine gives no samples.
        JtraceProcess.Result r = run("cpuwalk.bt", () -> spin(500));
        assertTrue(r.stdout().startsWith("Sampling CPU at 99hz... Hit Ctrl-C to end.\n\n\n@cpu:\n"), r.stdout());
        assertShape(r.stdout(), 4, HIST_ONE, "");
    }

    /** Keeps this thread on a CPU for {@code millis}. */
    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        long spins = 0;
        while (System.nanoTime() < end) spins++;
        assertTrue(spins > 0);
    }

    /**
     * A loopback connection made and closed by this JVM, over AF_INET sockets (Java's plain
     * sockets are AF_INET6); returns {server port, client port}.
     */
    private static int[] loopbackConnection() {
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET).bind(any)) {
            int serverPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
            int clientPort;
            try (SocketChannel client = SocketChannel.open(StandardProtocolFamily.INET)) {
                client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort));
                clientPort = ((InetSocketAddress) client.getLocalAddress()).getPort();
                try (SocketChannel accepted = server.accept()) {
                    accepted.write(ByteBuffer.wrap(new byte[]{1}));
                    assertEquals(1, client.read(ByteBuffer.allocate(1)));
                }
            }
            sleep(100);
            return new int[]{serverPort, clientPort};
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tcpconnectShowsALoopbackConnect() {
        int[] ports = new int[2];
        JtraceProcess.Result r = run("tcpconnect.bt", () -> System.arraycopy(loopbackConnection(), 0, ports, 0, 2));
        GoldenText.assertSameText("header", "Tracing tcp connections. Hit Ctrl-C to end.\n"
                + "TIME     PID      COMM             SADDR           DADDR           DPORT\n", head(r.stdout(), 2));
        GoldenText.assertMatches("connect line", TIME + String.format(" %-8d ", JVM) + "{{.+}}"
                + String.format(" %-15s %-15s %d\n", "127.0.0.1", "127.0.0.1", ports[0]),
                lines(r.stdout(), ".* " + ports[0]));
    }

    @Test
    void tcplifeShowsBothEndsOfALoopbackSession() {
        int[] ports = new int[2];
        JtraceProcess.Result r = run("tcplife.bt", () -> System.arraycopy(loopbackConnection(), 0, ports, 0, 2));
        GoldenText.assertSameText("header", "PID     COMM             LADDR           LPORT RADDR           RPORT MS\n",
                head(r.stdout(), 1));
        String client = String.format("%-15s %-5d %-15s %-5d ", "127.0.0.1", ports[1], "127.0.0.1", ports[0]);
        String server = String.format("%-15s %-5d %-15s %-5d ", "127.0.0.1", ports[0], "127.0.0.1", ports[1]);
        List<String> ours = new ArrayList<>();
        for (String l : r.stdout().split("\n")) if (l.contains(client) || l.contains(server)) ours.add(l);
        assertEquals(2, ours.size(), "one line per end:\n" + r.stdout());
        // The client's connect ran in this JVM; the server side was closed by it too.
        for (String l : ours) {
            GoldenText.assertMatches("session line", String.format("%-7d ", JVM) + "{{.+}} {{.*}} {{\\d+}}\n", l + "\n");
        }
    }

    @Test
    void tcpretransHeaderAndStates() {
        JtraceProcess.Result r = run("tcpretrans.bt", () -> sleep(200));
        GoldenText.assertSameText("header", "Tracing tcp retransmits. Hit Ctrl-C to end.\n"
                + "TIME     LADDR           LPORT RADDR           RPORT STATE\n", head(r.stdout(), 2));
        assertShape(r.stdout(), 2, TIME_RE + " \\S+ +\\d+ +\\S+ +\\d+ +[A-Z_0-9]+", "");
        GoldenText.assertSameText("stderr", "Attached 3 probes\n", r.stderr());
    }

    private static final String TIME_RE = "\\d\\d:\\d\\d:\\d\\d";

    @Test
    void writebackHeader() {
        JtraceProcess.Result r = run("writeback.bt", () -> runCommand("/usr/bin/sync"));
        GoldenText.assertSameText("header", "Tracing writeback... Hit Ctrl-C to end.\n"
                + "TIME      DEVICE   PAGES    REASON           ms\n", head(r.stdout(), 2));
        assertShape(r.stdout(), 2, TIME_RE + "  \\S+ +\\d+ +\\S* +\\d+\\.\\d{3}", "");
    }

    @Test
    void biolatencyHistogramIfAnyIo() {
        JtraceProcess.Result r = run("biolatency.bt", () -> runCommand("/usr/bin/sync"));
        assertTrue(r.stdout().startsWith("Tracing block device I/O... Hit Ctrl-C to end.\n"), r.stdout());
        assertShape(r.stdout(), 1, "", "@usecs:", HIST_LINE, HIST_ONE);
    }
}
