package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** -p limits profile and software probes to that process's samples, as bpftrace passes it the pid. */
class PerfEventPidE2ETest {
    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    private static String samples(long spinner, String probe) throws Exception {
        try (JtraceProcess t = JtraceProcess.jtrace("-p", Long.toString(spinner),
                "-e", probe + " { @[pid == " + spinner + " ? \"spinner\" : \"other\"] = count(); }").start()) {
            t.awaitAttached();
            Thread.sleep(1000);
            return t.interrupt().stdout();
        }
    }

    @Test
    void profileAndSoftwareCountOnlyTheTracedProcess() throws Exception {
        // A second spinner the probes must not see, so "other" samples surely exist to be left out.
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        Process other = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            for (String probe : new String[]{"profile:hz:99", "software:cpu-clock:1000000"}) {
                String out = samples(spinner.pid(), probe);
                GoldenText.assertMatches(probe, "\n\n@[spinner]: {{\\d+}}\n", out);
                assertTrue(!out.contains("@[spinner]: 0\n"), out);
            }
        } finally {
            spinner.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            other.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
