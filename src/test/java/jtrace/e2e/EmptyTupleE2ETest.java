package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The empty tuple printed as bpftrace prints tuples: text {@code ()}, JSON {@code []}. */
class EmptyTupleE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @Test
    void printsAsText() {
        JtraceProcess.Result r = Kernel.selfExiting("-e",
                "BEGIN { print(()); $t = (); print($t); print((1, $t, (2,))); @m[1, $t] = ($t, 3); exit(); }").assertExitCode(0);
        GoldenText.assertSameText("stdout", "()\n()\n(1, (), (2))\n\n\n@m[1, ()]: ((), 3)\n", r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    @Test
    void printsAsJson() {
        JtraceProcess.Result r = Kernel.selfExiting("-f", "json", "-e", "BEGIN { print(()); print((1, ())); exit(); }")
                .assertExitCode(0);
        GoldenText.assertSameText("stdout", "{\"type\": \"attached_probes\", \"count\": 1, \"data\": {\"probes\": 1}}\n"
                + "{\"type\": \"value\", \"data\": []}\n{\"type\": \"value\", \"data\": [1,[]]}\n", r.stdout());
    }
}
