package jtrace.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process started in the background by a non-interactive shell (CI, nohup, `cmd &`) ignores
 * SIGINT, and ignored signals are inherited across fork and exec: the tracer would then never see
 * our SIGINT. Starting it through `env --default-signal=...` (coreutils 8.31+) restores the defaults.
 */
final class SignalReset {
    private static final Path ENV = Path.of("/usr/bin/env");
    private static final List<String> PREFIX = probe();

    private SignalReset() {}

    /** Command words to put before the real command; empty when env cannot do it. */
    static List<String> prefix() { return PREFIX; }

    private static List<String> probe() {
        List<String> prefix = List.of(ENV.toString(), "--default-signal=HUP,INT,QUIT,TERM,USR1,USR2");
        if (!Files.isExecutable(ENV)) return List.of();
        try {
            Process p = new ProcessBuilder(concat(prefix, "true")).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? prefix : List.of();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<String> concat(List<String> a, String b) {
        return java.util.stream.Stream.concat(a.stream(), java.util.stream.Stream.of(b)).toList();
    }
}
