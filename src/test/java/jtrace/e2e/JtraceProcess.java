package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A tracer run as a child process: jtrace (java ... jtrace.cli.Main) or any other command such
 * as /usr/bin/bpftrace, with stdout and stderr captured exactly. Usage:
 * <pre>
 *   try (JtraceProcess t = JtraceProcess.jtrace("-e", "tracepoint:syscalls:sys_enter_getpid { @ = count(); }").start()) {
 *       t.awaitAttached();         // the notify marker (hidden from stdout/stderr), see below
 *       ...trigger events...
 *       JtraceProcess.Result r = t.interrupt();   // SIGINT, then wait for exit
 *       assertEquals(0, r.exitCode());
 *       GoldenText.assertSameText("Attached 1 probe\n...", r.stdout());
 *   }
 * </pre>
 * jtrace() and bpftrace() set {@value #NOTIFY_ENV}=1, so the tracer prints the line
 * {@value #NOTIFY_ENV} once every probe is attached; awaitAttached() waits for it on stdout or
 * stderr and both are captured without it. With {@link Builder#noNotify()} awaitAttached() waits
 * for "Attaching N probe(s)..." / "Attached N probe(s)" on either stream instead.
 * The system property jtrace.e2e.command (space separated) replaces the jtrace command, e.g.
 * -Djtrace.e2e.command=/usr/bin/bpftrace runs the same tests against bpftrace.
 * Every wait has a deadline; on timeout the process is killed and the test fails with its output.
 */
public final class JtraceProcess implements AutoCloseable {
    public static final String NOTIFY_ENV = "__BPFTRACE_NOTIFY_PROBES_ATTACHED";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Path BPFTRACE = Path.of("/usr/bin/bpftrace");

    private static final Pattern ATTACH_LINE = Pattern.compile("Attach(ing|ed) \\d+ probes?(\\.\\.\\.)?");

    /** Exit code and complete output of a finished tracer. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Fails unless the exit code is as expected, showing the output. */
        public Result assertExitCode(int expected) {
            if (exitCode != expected) {
                throw new AssertionError("exit code " + exitCode + ", expected " + expected + "\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr + "---";
        }
    }

    /** Configures a tracer process before start. */
    public static final class Builder {
        private final List<String> command;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path directory;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(List<String> command) {
            this.command = List.copyOf(command);
            env.put(NOTIFY_ENV, "1");
        }

        public Builder env(String name, String value) { env.put(name, value); return this; }

        /** Does not ask for the attach marker: awaitAttached() then waits for an "Attach..." line. */
        public Builder noNotify() { env.remove(NOTIFY_ENV); return this; }

        public Builder directory(Path dir) { this.directory = dir; return this; }

        /** Deadline for awaitAttached(), waitFor() and interrupt() without an explicit timeout. */
        public Builder timeout(Duration t) { this.timeout = t; return this; }

        public List<String> command() { return command; }

        public JtraceProcess start() {
            List<String> cmd = new ArrayList<>(SignalReset.prefix());
            cmd.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().putAll(env);
            if (directory != null) pb.directory(directory.toFile());
            try {
                return new JtraceProcess(pb.start(), command, env.containsKey(NOTIFY_ENV), timeout);
            } catch (IOException e) {
                throw new AssertionError("cannot start " + command, e);
            }
        }
    }

    /** jtrace with the given arguments (see {@link #jtraceCommand()}). */
    public static Builder jtrace(String... args) {
        List<String> cmd = new ArrayList<>(jtraceCommand());
        cmd.addAll(List.of(args));
        return new Builder(cmd);
    }

    /** /usr/bin/bpftrace with the given arguments; guard tests with {@link #bpftraceInstalled()}. */
    public static Builder bpftrace(String... args) {
        List<String> cmd = new ArrayList<>(List.of(BPFTRACE.toString()));
        cmd.addAll(List.of(args));
        return new Builder(cmd);
    }

    /** Any command; the notify variable is set as for jtrace. */
    public static Builder command(List<String> command) {
        return new Builder(command);
    }

    public static boolean bpftraceInstalled() {
        return Files.isExecutable(BPFTRACE);
    }

    /**
     * The command that runs jtrace: the java of this JVM on target/classes, or the value of the
     * system property jtrace.e2e.command split at spaces.
     */
    public static List<String> jtraceCommand() {
        String override = System.getProperty("jtrace.e2e.command");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-cp", Project.target().resolve("classes").toString(), "jtrace.cli.Main");
    }

    private final Process process;
    private final List<String> command;
    private final boolean notify;
    private final Duration timeout;
    private final StreamCollector stdout;
    private final StreamCollector stderr;

    private JtraceProcess(Process process, List<String> command, boolean notify, Duration timeout) {
        this.process = process;
        this.command = command;
        this.notify = notify;
        this.timeout = timeout;
        Set<String> hidden = notify ? Set.of(NOTIFY_ENV) : Set.of();
        this.stdout = new StreamCollector("tracer-stdout", process.getInputStream(), hidden);
        this.stderr = new StreamCollector("tracer-stderr", process.getErrorStream(), hidden);
    }

    public long pid() { return process.pid(); }

    public boolean isAlive() { return process.isAlive(); }

    /** Waits until all probes are attached (see class comment); fails if the tracer exits first. */
    public void awaitAttached() { awaitAttached(timeout); }

    public void awaitAttached(Duration limit) {
        Predicate<String> attached = notify ? NOTIFY_ENV::equals : line -> ATTACH_LINE.matcher(line).matches();
        awaitEither(attached, limit, notify ? NOTIFY_ENV : "an \"Attach... N probes\" line");
    }

    /** Waits for a stdout line matching the regex. */
    public void awaitStdout(String regex, Duration limit) {
        await(stdout, Pattern.compile(regex).asMatchPredicate(), limit, "stdout line /" + regex + "/");
    }

    /** Waits for a stderr line matching the regex. */
    public void awaitStderr(String regex, Duration limit) {
        await(stderr, Pattern.compile(regex).asMatchPredicate(), limit, "stderr line /" + regex + "/");
    }

    /** Output captured so far (marker excluded). */
    public String stdoutSoFar() { return stdout.text(); }

    public String stderrSoFar() { return stderr.text(); }

    /** Sends a signal by name: "INT", "TERM", "KILL", "HUP", ... (with or without "SIG"). */
    public void sendSignal(String name) {
        Signal.parse(name).sendTo(process.pid());
    }

    /** SIGINT (as Ctrl-C would), then {@link #waitFor()}. */
    public Result interrupt() {
        sendSignal("INT");
        return waitFor();
    }

    public Result waitFor() { return waitFor(timeout); }

    /** Waits for exit and the end of both streams; kills the tracer and fails after the limit. */
    public Result waitFor(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError(command + " did not exit within " + limit + "; killed it\n" + partial());
            }
            if (!stdout.join(Duration.ofSeconds(10)) || !stderr.join(Duration.ofSeconds(10))) {
                throw new AssertionError(command + " exited but its output did not end "
                        + "(a child process still holds it?)\n" + partial());
            }
            return new Result(process.exitValue(), stdout.text(), stderr.text());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the tracer if it is still running (use in try-with-resources). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitEither(Predicate<String> match, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        try {
            // Either stream may carry the line: poll both in short slices.
            while (true) {
                boolean ended = !process.isAlive() && stdout.join(Duration.ZERO) && stderr.join(Duration.ZERO);
                Instant now = Instant.now();
                if (stdout.awaitLine(match, now) || stderr.awaitLine(match, now)) return;
                if (ended) {
                    throw new AssertionError(command + " exited before " + what + "\n"
                            + new Result(process.exitValue(), stdout.text(), stderr.text()));
                }
                if (now.isAfter(deadline)) break;
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        process.destroyForcibly();
        throw new AssertionError("no " + what + " from " + command + " within " + limit + "; killed it\n" + partial());
    }

    private void await(StreamCollector stream, Predicate<String> match, Duration limit, String what) {
        try {
            if (stream.awaitLine(match, Instant.now().plus(limit))) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        boolean exited = !process.isAlive();
        if (!exited) process.destroyForcibly();
        throw new AssertionError("no " + what + " from " + command
                + (exited ? " before it exited" : " within " + limit + "; killed it") + "\n" + partial());
    }

    private String partial() {
        return "--- stdout ---\n" + stdout.text() + "--- stderr ---\n" + stderr.text() + "---";
    }

}
