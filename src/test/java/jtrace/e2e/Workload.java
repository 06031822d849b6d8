package jtrace.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The jtwl workload (src/test/c/jtwl.c), a process whose comm is "jtwl" and whose syscalls
 * after the go signal are exactly those of its steps. Usage in an end-to-end test:
 * <pre>
 *   try (Workload w = Workload.start("read", file.toString(), "5", "100");   // 1. workload, parked
 *        JtraceProcess t = JtraceProcess.jtrace("-e", script,                 // 2. tracer,
 *                Long.toString(w.pid())).start()) {                            //    pid as $1
 *       t.awaitAttached();                                                     // 3. probes live
 *       w.go();                                                                // 4. work
 *       assertEquals(0, w.waitFor());
 *       JtraceProcess.Result r = t.interrupt();                                // 5. SIGINT, exit
 *   }
 * </pre>
 * Start the workload before the tracer: it is then already parked, nothing of its startup is
 * traced, and its pid is known, so the script can pick its events with {@code /pid == $1/}
 * ({@code comm == "jtwl"} would also match the workloads of test runs going on at the same
 * time). Steps: see jtwl.c
 * (read FILE N SIZE, write FILE N SIZE, badread N, getpid N, openat PATH N, sleep MS, call N).
 * Exit status 0 = every step behaved, 2 = usage/setup error, 3 = a step misbehaved.
 */
public final class Workload implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static Path binary;

    private final Process process;
    private final StreamCollector stdout;
    private final StreamCollector stderr;
    private final long pid;

    private Workload(Process process, boolean awaitReady) {
        this.process = process;
        this.stdout = new StreamCollector("jtwl-stdout", process.getInputStream(), Set.of());
        this.stderr = new StreamCollector("jtwl-stderr", process.getErrorStream(), Set.of());
        this.pid = process.pid();
        String ready = "ready " + pid;
        if (!awaitReady) return;
        try {
            if (!stdout.awaitLine(ready::equals, Instant.now().plus(DEFAULT_TIMEOUT))) {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
                stderr.join(Duration.ofSeconds(5));
                throw new AssertionError("jtwl did not get ready (exit " + exitCodeOrAlive()
                        + "); stderr:\n" + stderr.text());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while starting jtwl", e);
        }
    }

    /** Path of the compiled workload, target/jtwl; compiled with gcc when missing or older than jtwl.c. */
    public static synchronized Path binary() {
        if (binary == null) {
            binary = compile();
        }
        return binary;
    }

    /** Starts jtwl with the given steps and returns once it is parked waiting for {@link #go()}. */
    public static Workload start(String... steps) {
        return launch(false, steps);
    }

    /** Starts jtwl with --now: it runs its steps at once. */
    public static Workload startNow(String... steps) {
        return launch(true, steps);
    }

    /** Runs jtwl --now to completion and returns its exit status. */
    public static int runNow(String... steps) {
        try (Workload w = launch(true, false, steps)) {
            return w.waitFor();
        }
    }

    private static Workload launch(boolean now, String... steps) {
        return launch(now, true, steps);
    }

    /** Starts another workload binary that follows jtwl's ready/go protocol (e.g. uprobe_target), parked. */
    public static Workload startBinary(Path program, String... steps) {
        return launch(program, false, true, steps);
    }

    private static Workload launch(boolean now, boolean awaitReady, String... steps) {
        return launch(binary(), now, awaitReady, steps);
    }

    private static Workload launch(Path program, boolean now, boolean awaitReady, String... steps) {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        if (now) cmd.add("--now");
        cmd.addAll(List.of(steps));
        try {
            return new Workload(new ProcessBuilder(cmd).start(), awaitReady);
        } catch (IOException e) {
            throw new AssertionError("cannot start " + cmd, e);
        }
    }

    public long pid() { return pid; }

    /** Releases the parked workload (SIGUSR1). */
    public void go() {
        Signal.USR1.sendTo(pid);
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT} for the exit status. */
    public int waitFor() {
        return waitFor(DEFAULT_TIMEOUT);
    }

    /** Waits for the exit status; kills the process and fails after the timeout. */
    public int waitFor(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("jtwl (pid " + pid + ") still running after " + timeout
                        + " (was go() called?); stderr:\n" + stderr.text());
            }
            stderr.join(Duration.ofSeconds(5));
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for jtwl", e);
        }
    }

    /** What jtwl wrote to stdout so far (the ready line, and the address of a poke step). */
    public String stdout() { return stdout.text(); }

    /** What jtwl wrote to stderr so far (usage and setup errors). */
    public String stderr() { return stderr.text(); }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String exitCodeOrAlive() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }

    private static Path compile() {
        Path source = Project.root().resolve("src/test/c/jtwl.c");
        Path out = Project.target().resolve("jtwl");
        try {
            if (Files.isExecutable(out)
                    && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(source)) > 0) {
                return out;
            }
            Files.createDirectories(out.getParent());
            // Compile to a private name, then rename: concurrent test JVMs never see half a binary.
            Path tmp = Files.createTempFile(out.getParent(), "jtwl", ".tmp");
            String why = gcc(source, tmp, true);
            if (why != null) {
                String dynamicWhy = gcc(source, tmp, false); // no static libc installed
                if (dynamicWhy != null) {
                    Files.deleteIfExists(tmp);
                    throw new AssertionError("cannot compile " + source + " with gcc:\n" + why + dynamicWhy);
                }
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot build jtwl", e);
        }
    }

    /** Runs gcc; returns null on success, else its output. */
    private static String gcc(Path source, Path out, boolean statically) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O1", "-g", "-fno-omit-frame-pointer", "-Wall", "-o", out.toString(), source.toString()));
        if (statically) cmd.add(1, "-static");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "gcc timed out\n";
            }
            return p.exitValue() == 0 ? null : String.join(" ", cmd) + "\n" + output;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return "interrupted\n";
        }
    }
}
