package jtrace.cli;

import jtrace.sys.Syscalls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The -c command. It is started before compiling, so that {@code cpid} is known, but held stopped
 * until every probe is attached: a shell stops itself, and once continued execs the command in
 * the same process, so the pid does not change. Its stdio is jtrace's.
 */
final class ChildCommand implements AutoCloseable {
    /** How long a child that jtrace no longer waits for gets to exit after SIGTERM. */
    private static final long TERM_GRACE_MILLIS = 2000;

    /** Whether a child's clean-up hook was registered: only then must the JVM end through System.exit. */
    private static volatile boolean hookRegistered;

    private final Process process;
    private volatile boolean resumed;

    private ChildCommand(Process process) { this.process = process; }

    /** Splits CMD at spaces as bpftrace does (no shell quoting), finds the binary, starts it stopped. */
    static ChildCommand startStopped(String command) throws ProcessSetupException {
        List<String> args = new ArrayList<>(Arrays.stream(command.split(" ")).filter(s -> !s.isEmpty()).toList());
        if (args.isEmpty()) throw new ProcessSetupException("Empty command (No such file or directory)");
        Path binary = resolve(args.getFirst());
        if (binary == null) {
            throw new ProcessSetupException("Path '" + args.getFirst() + "' does not exist or is not executable (No such file or directory)");
        }
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", "kill -STOP $$ && exec \"$0\" \"$@\"", binary.toString()));
        cmd.addAll(args.subList(1, args.size()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).inheritIO().start();
        } catch (IOException e) {
            throw new ProcessSetupException("Unable to fork child process (" + e.getMessage() + ")");
        }
        ChildCommand child = new ChildCommand(p);
        // Also when the JVM ends without unwinding (a signal before tracing starts): never leave it stopped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!p.isAlive()) return;
            if (child.resumed) p.destroy();
            else p.destroyForcibly();
        }, "child-cleanup"));
        hookRegistered = true;
        try {
            child.awaitStopped();
        } catch (ProcessSetupException e) {
            child.close();
            throw e;
        }
        return child;
    }

    /** The binary as execve would find it: a path with a slash as given, else the first match on PATH. */
    static Path resolve(String name) {
        if (name.contains("/")) return executable(Path.of(name)) ? Path.of(name) : null;
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (executable(p)) return p;
        }
        return null;
    }

    private static boolean executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    /** Waits for the shell's self-SIGSTOP, so that the later SIGCONT cannot come first and be lost. */
    private void awaitStopped() throws ProcessSetupException {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new ProcessSetupException("Child exited unexpectedly");
            try {
                String s = Files.readString(stat);
                char state = s.charAt(s.lastIndexOf(')') + 2);
                if (state == 'T') return;
                Thread.sleep(1);
            } catch (IOException e) {
                // The process just exited: the next round says so.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProcessSetupException("interrupted");
            }
        }
        throw new ProcessSetupException("child did not stop");
    }

    /** Whether some child registered its shutdown hook, which only System.exit runs. */
    static boolean shutdownHookRegistered() { return hookRegistered; }

    long pid() { return process.pid(); }

    /** Lets the command run: it execs now. */
    void resume() {
        resumed = true;
        Syscalls.kill(process.pid(), Syscalls.SIGCONT);
    }

    /** Runs {@code action} (once) when the command has exited. */
    void onExit(Runnable action) {
        process.onExit().thenRun(action);
    }

    /** "Child exited with code: N" or "Child terminated by signal: N", once it has exited. */
    String exitDescription() {
        if (process.isAlive()) return null;
        int v = process.exitValue();
        return v > 128 ? "Child terminated by signal: " + (v - 128) : "Child exited with code: " + v;
    }

    /** If still running: SIGTERM (SIGKILL if it never ran or ignores SIGTERM), and reaps it. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        try {
            if (resumed) {
                process.destroy();
                if (process.waitFor(TERM_GRACE_MILLIS, TimeUnit.MILLISECONDS)) return;
            }
            process.destroyForcibly();
            process.waitFor(TERM_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
