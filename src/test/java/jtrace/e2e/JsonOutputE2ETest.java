package jtrace.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * jtrace -f json in the kernel, full stdout compared. The expected lines follow current
 * bpftrace's JSON output (src/output/json.cpp): attached_probes on stdout with its count twice,
 * no blank lines at exit, then one line per map in name order.
 */
class JsonOutputE2ETest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot() {
        assumeTrue(BpfObjects.available(), "needs root for BPF");
    }

    private static JtraceProcess.Result run(String... args) {
        try (JtraceProcess t = JtraceProcess.jtrace(args).start()) {
            return t.waitFor();
        }
    }

    @Test
    void beginProgramPrintsRecordsThenMaps() {
        JtraceProcess.Result r = run("-f", "json", "-e",
                "BEGIN { printf(\"hi\\n\"); @c = count(); @h = hist(5); @s[1, \"a\"] = sum(3); exit(); }");
        r.assertExitCode(0);
        GoldenText.assertSameText("""
                {"type": "attached_probes", "count": 1, "data": {"probes": 1}}
                {"type": "printf", "data": "hi\\n"}
                {"type": "map", "data": {"@c": 1}}
                {"type": "hist", "data": {"@h": [{"min": 4, "max": 7, "count": 1}]}}
                {"type": "map", "data": {"@s": {"1,a": 3}}}
                """, r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void everyValueKindWithQuietDroppingAttachedProbes() {
        JtraceProcess.Result r = run("-q", "-fjson", "-e", """
                BEGIN {
                    printf("tab\\tquote\\" back\\\\ %d\\n", -1);
                    @a = avg(7); @a = avg(2);
                    @st["x y"] = stats(4);
                    @l = lhist(-7, -10, 10, 5);
                    @m = max(-3);
                    @big = 9223372036854775807;
                    @t = (1, "two");
                    @e = count(); clear(@e);
                    @z = sum(5); print(@z, 0, 5);
                    print((1, "x"));
                    print("str");
                    exit();
                }
                """);
        r.assertExitCode(0);
        GoldenText.assertSameText("""
                {"type": "printf", "data": "tab\\tquote\\" back\\\\ -1\\n"}
                {"type": "map", "data": {"@z": 1}}
                {"type": "value", "data": [1,"x"]}
                {"type": "value", "data": "str"}
                {"type": "stats", "data": {"@a": 4}}
                {"type": "map", "data": {"@big": "9223372036854775807"}}
                {"type": "hist", "data": {"@l": [{"min": -10, "max": -6, "count": 1}]}}
                {"type": "map", "data": {"@m": -3}}
                {"type": "stats", "data": {"@st": {"xy": {"count": 1, "average": 4, "total": 4}}}}
                {"type": "map", "data": {"@t": [1,"two"]}}
                {"type": "map", "data": {"@z": 5}}
                """, r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void tracepointMapsOfTheWorkload() {
        // By pid: other jtwl processes may run at the same time.
        String script = """
                t:syscalls:sys_exit_read /pid == $1/ {
                    printf("%s %d\\n", comm, args.ret);
                    @r[comm] = count(); @b[comm] = sum(args.ret);
                    @h = hist(args.ret); @l[comm, 7] = lhist(args.ret, 0, 200, 50);
                }
                """;
        JtraceProcess.Result r;
        try (Workload w = Workload.start("read", dir.resolve("f").toString(), "3", "100");
             JtraceProcess t = JtraceProcess.jtrace("-f", "json", "-e", script, Long.toString(w.pid())).start()) {
            t.awaitAttached();
            w.go();
            assertEquals(0, w.waitFor());
            r = t.interrupt().assertExitCode(0);
        }
        GoldenText.assertSameText("""
                {"type": "attached_probes", "count": 1, "data": {"probes": 1}}
                {"type": "printf", "data": "jtwl 100\\n"}
                {"type": "printf", "data": "jtwl 100\\n"}
                {"type": "printf", "data": "jtwl 100\\n"}
                {"type": "map", "data": {"@b": {"jtwl": 300}}}
                {"type": "hist", "data": {"@h": [{"min": 64, "max": 127, "count": 3}]}}
                {"type": "hist", "data": {"@l": {"jtwl,7": [{"min": 100, "max": 149, "count": 3}]}}}
                {"type": "map", "data": {"@r": {"jtwl": 3}}}
                """, r.stdout());
    }

    @Test
    void textIsTheDefaultFormat() {
        String script = "BEGIN { printf(\"hi\\n\"); @c = count(); exit(); }";
        JtraceProcess.Result text = run("-f", "text", "-e", script).assertExitCode(0);
        JtraceProcess.Result plain = run("-e", script).assertExitCode(0);
        assertEquals(plain.toString(), text.toString());
    }

    @Test
    void unknownFormatIsRejectedAfterCompiling() {
        JtraceProcess.Result r = run("-f", "xml", "-e", "BEGIN { exit(); }").assertExitCode(1);
        assertEquals("", r.stdout());
        assertEquals("ERROR: Invalid output format \"xml\"\nValid formats: 'text', 'json'\n", r.stderr());
    }
}
