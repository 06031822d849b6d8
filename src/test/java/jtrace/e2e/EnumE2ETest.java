package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Enums as bpftrace has them: values of a BTF enum (a tracepoint field, a cast) and of an enum
 * defined in the script print as their enumerator's name with %s, print(), in map keys and values
 * and tuples; %d and arithmetic see the number; JSON prints the number except in map keys.
 */
class EnumE2ETest {
    @BeforeEach
    void setUp() {
        Kernel.assumeRoot();
    }

    /** jtwl's nanosleep(2) starts a relative hrtimer: timer:hrtimer_start's field is {@code enum hrtimer_mode mode}. */
    @Test
    void tracepointFieldOfEnumType() {
        try (Workload w = Workload.start("sleep", "20");
             JtraceProcess t = JtraceProcess.jtrace("-e", "t:timer:hrtimer_start /pid == " + w.pid() + "/ {"
                     + " $m = args.mode; printf(\"%s %d %d %d\\n\", $m, $m, $m + 1, $m == HRTIMER_MODE_REL);"
                     + " print(($m, 7)); @m[args.mode] = count(); @last = $m; }").start()) {
            t.awaitAttached();
            w.go();
            org.junit.jupiter.api.Assertions.assertEquals(0, w.waitFor(), "jtwl exit status; stderr: " + w.stderr());
            JtraceProcess.Result r = t.interrupt().assertExitCode(0);
            GoldenText.assertSameText("stdout", "HRTIMER_MODE_REL 1 2 1\n(HRTIMER_MODE_REL, 7)\n\n\n"
                    + "@last: HRTIMER_MODE_REL\n@m[HRTIMER_MODE_REL]: 1\n", r.stdout());
        }
    }

    /** Casts to a kernel enum, its enumerators by name, and a value no enumerator has (printed as its number). */
    @Test
    void castsAndEnumeratorsOfAKernelEnum() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "BEGIN { $n = 100000; printf(\"%s|%d|%s|%s|%u\\n\","
                + " (enum skb_drop_reason)2, SKB_DROP_REASON_NOT_SPECIFIED, SKB_DROP_REASON_NO_SOCKET,"
                + " (enum skb_drop_reason)$n, SKB_DROP_REASON_NO_SOCKET - 1);"
                + " print(SKB_DROP_REASON_NOT_SPECIFIED); @r[SKB_DROP_REASON_NO_SOCKET, 1] = SKB_DROP_REASON_NOT_SPECIFIED; exit(); }");
        r.assertExitCode(0);
        GoldenText.assertSameText("stdout", "SKB_DROP_REASON_NOT_SPECIFIED|2|SKB_DROP_REASON_NO_SOCKET|100000|2\n"
                + "SKB_DROP_REASON_NOT_SPECIFIED\n\n\n@r[SKB_DROP_REASON_NO_SOCKET, 1]: SKB_DROP_REASON_NOT_SPECIFIED\n",
                r.stdout());
    }

    /** bpftrace's JSON drops the name for the number, except in map keys, which are text. */
    @Test
    void scriptEnumInJson() {
        JtraceProcess.Result r = Kernel.selfExiting("-q", "-f", "json", "-e", "enum Color { RED = 1, GREEN, BLUE = 10 };"
                + " BEGIN { printf(\"%s %s\\n\", GREEN, (enum Color)10); print(BLUE); @[RED] = GREEN; exit(); }");
        r.assertExitCode(0);
        GoldenText.assertSameText("stdout", "{\"type\": \"printf\", \"data\": \"GREEN BLUE\\n\"}\n"
                + "{\"type\": \"value\", \"data\": 10}\n"
                + "{\"type\": \"map\", \"data\": {\"@\": {\"RED\": 2}}}\n", r.stdout());
    }

    @Test
    void castOfALiteralNoEnumeratorHasIsAnError() {
        JtraceProcess.Result r = Kernel.selfExiting("-e", "enum Color { RED = 1 }; BEGIN { print((enum Color)5); }");
        org.junit.jupiter.api.Assertions.assertNotEquals(0, r.exitCode());
        org.junit.jupiter.api.Assertions.assertTrue(r.stderr().contains("Enum: Color doesn't contain a variant value of 5"), r.stderr());
    }
}
