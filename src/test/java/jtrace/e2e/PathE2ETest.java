package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * path() in an iterator program, which bpf_d_path allows: the manual's
 * {@code iter:task_file { printf("%s\n", path(ctx.file.f_path)); }}, narrowed to jtwl's open file.
 */
class PathE2ETest {
    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void pathOfEachOpenFileOfATask() {
        Path file = dir.resolve("data");
        try (Workload w = Workload.start("read", file.toString(), "1", "8")) {
            JtraceProcess.Result r = Kernel.selfExiting("-e", "iter:task_file /ctx.task.tgid == $1 && ctx.fd > 2/ { "
                    + "printf(\"%d %s|%s\\n\", ctx.fd, path(ctx.file.f_path), path(ctx.file.f_path, 5)); }",
                    Long.toString(w.pid())).assertExitCode(0);
            // A buffer too small: bpf_d_path fills it from the end and fails; bpftrace prints what it holds.
            GoldenText.assertSameText("stdout", "3 " + file + "|data\n", r.stdout());
            GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
            w.go();
            assertEquals(0, w.waitFor());
        }
    }

    @Test
    void refusedOutsideFentryFexitAndIter() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { $p = (struct path *)0; print(path($p)); }").assertExitCode(1);
        GoldenText.assertSameText("stderr", """
                stdin:1:38-46: ERROR: The path function can only be used with 'fentry', 'fexit', 'iter' probes
                BEGIN { $p = (struct path *)0; print(path($p)); }
                                                     ~~~~~~~~
                """, r.stderr());
    }
}
