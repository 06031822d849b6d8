package jtrace.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Idioms of the tool scripts bpftrace publishes (docs/tools.md), each in a script of this project
 * written in the same style, run against jtwl and filtered by its pid ($1), so the output is exact.
 */
class PublishedToolIdiomsE2ETest {
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
    }

    /** Runs the script with jtwl's pid as $1 and {@code more} as $2..., lets jtwl run, then Ctrl-C. */
    private static JtraceProcess.Result trace(String script, String[] more, String... steps) {
        try (Workload w = Workload.start(steps)) {
            String[] args = new String[3 + more.length];
            args[0] = "-e";
            args[1] = script;
            args[2] = Long.toString(w.pid());
            System.arraycopy(more, 0, args, 3, more.length);
            try (JtraceProcess t = JtraceProcess.jtrace(args).start()) {
                t.awaitAttached();
                w.go();
                assertEquals(0, w.waitFor(), "jtwl exit status; stderr: " + w.stderr());
                return t.interrupt().assertExitCode(0);
            }
        }
    }

    /** softirqstat prints one row per CPU with unroll($1): the count of an unroll may be a positional parameter. */
    @Test
    void unrollCountFromAPositionalParameter() {
        String script = """
                tracepoint:syscalls:sys_enter_read /pid == $1/ { @reads[args.count / 100] += 1; }
                END {
                  printf("%-6s %s\\n", "SIZE", "READS");
                  $i = 1;
                  unroll($2) {
                    printf("%-6d %d\\n", $i * 100, @reads[$i]);
                    $i = $i + 1;
                  }
                  clear(@reads);
                }
                """;
        String file = dir.resolve("data").toString();
        JtraceProcess.Result r = trace(script, new String[]{"3"}, "read", file, "2", "100", "read", file, "3", "200");
        GoldenText.assertSameText("stdout", """
                SIZE   READS
                100    2
                200    3
                300    0


                """, r.stdout());
        GoldenText.assertSameText("stderr", "Attached 2 probes\n", r.stderr());
    }
}
