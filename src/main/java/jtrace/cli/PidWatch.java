package jtrace.cli;

import java.util.Optional;

/** -p PID: the process traced, and a watcher that ends the run when it exits, as bpftrace does. */
final class PidWatch {
    /** bpftrace checks the process once per poll round; so does this. */
    private static final long PERIOD_MILLIS = 100;
    /** The nominal maximum pid on 64-bit systems. */
    static final long PID_MAX = 0x400000;

    private PidWatch() {}

    /** Parses and checks -p's argument; the message of the exception is bpftrace's error. */
    static ProcessHandle find(String text) throws ProcessSetupException {
        long pid;
        try {
            pid = Long.parseLong(text);
            if (pid < 0) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new ProcessSetupException("Failed to parse pid: '" + text + "' is not a valid pid");
        }
        if (pid > PID_MAX) throw new ProcessSetupException("Pid out of range: " + pid);
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            throw new ProcessSetupException("Failed to attach to pid: Unable to open pidfd (No such process)");
        }
        return h.get();
    }

    /** Runs {@code action} once {@code process} has exited (ProcessHandle.onExit polls too slowly for a non-child). */
    static void onExit(ProcessHandle process, Runnable action) {
        Thread t = new Thread(() -> {
            try {
                while (process.isAlive()) Thread.sleep(PERIOD_MILLIS);
                action.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pid-watch");
        t.setDaemon(true);
        t.start();
    }
}
