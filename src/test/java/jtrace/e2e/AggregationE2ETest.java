package jtrace.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every aggregation function on read sizes jtwl makes exactly, printed at Ctrl-C: two blank
 * lines, then the maps in name order; hist/lhist as "@name:" + one row per bucket from the first
 * to the last non-empty one + a blank line. Bars are count/max*52 '@', truncated.
 */
class AggregationE2ETest {
    @TempDir
    Path dir;

    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    /** Reads of 100, 100, 100, 1000, 1000 bytes: count 5, total 2300, average 460. */
    @Test
    void unkeyedAggregationsOfKnownReadSizes() {
        Kernel.Run run = Kernel.trace("""
                t:syscalls:sys_exit_read /pid == $1/ {
                  @cnt = count(); @sum = sum(args.ret); @avg = avg(args.ret);
                  @min = min(args.ret); @max = max(args.ret); @stats = stats(args.ret);
                  @hist = hist(args.ret); @lhist = lhist(args.ret, 0, 2000, 500);
                }""",
                "read", dir.resolve("a").toString(), "3", "100", "read", dir.resolve("b").toString(), "2", "1000");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", """


                @avg: 460
                @cnt: 5
                @hist:
                [64, 128)              3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
                [128, 256)             0 |                                                    |
                [256, 512)             0 |                                                    |
                [512, 1K)              2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |

                @lhist:
                [0, 500)               3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
                [500, 1000)            0 |                                                    |
                [1000, 1500)           2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |

                @max: 1000
                @min: 100
                @stats: { .count = 5, .average = 460, .total = 2300 }
                @sum: 2300
                """, r.stdout());
        GoldenText.assertSameText("stderr", "Attached 1 probe\n", r.stderr());
    }

    /**
     * Keyed by comm, with negative values: 2 x -9 (EBADF), 4 x 100, 1 x 5000. count 7,
     * total 5382, average 5382/7 = 768 (integer division). -9 falls below every bucket,
     * 5000 above the lhist range.
     */
    @Test
    void keyedAggregationsWithNegativeAndOutOfRangeValues() {
        Kernel.Run run = Kernel.trace("""
                t:syscalls:sys_exit_read /pid == $1/ {
                  @a[comm] = avg(args.ret); @c[comm] = count(); @h[comm] = hist(args.ret);
                  @l[comm] = lhist(args.ret, 0, 1000, 100); @mn[comm] = min(args.ret);
                  @mx[comm] = max(args.ret); @s[comm] = sum(args.ret); @st[comm] = stats(args.ret);
                }""",
                "badread", "2", "read", dir.resolve("a").toString(), "4", "100",
                "read", dir.resolve("b").toString(), "1", "5000");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", """


                @a[jtwl]: 768
                @c[jtwl]: 7
                @h[jtwl]:
                (..., 0)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |
                [0]                    0 |                                                    |
                [1]                    0 |                                                    |
                [2, 4)                 0 |                                                    |
                [4, 8)                 0 |                                                    |
                [8, 16)                0 |                                                    |
                [16, 32)               0 |                                                    |
                [32, 64)               0 |                                                    |
                [64, 128)              4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
                [128, 256)             0 |                                                    |
                [256, 512)             0 |                                                    |
                [512, 1K)              0 |                                                    |
                [1K, 2K)               0 |                                                    |
                [2K, 4K)               0 |                                                    |
                [4K, 8K)               1 |@@@@@@@@@@@@@                                       |

                @l[jtwl]:
                (..., 0)               2 |@@@@@@@@@@@@@@@@@@@@@@@@@@                          |
                [0, 100)               0 |                                                    |
                [100, 200)             4 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
                [200, 300)             0 |                                                    |
                [300, 400)             0 |                                                    |
                [400, 500)             0 |                                                    |
                [500, 600)             0 |                                                    |
                [600, 700)             0 |                                                    |
                [700, 800)             0 |                                                    |
                [800, 900)             0 |                                                    |
                [900, 1000)            0 |                                                    |
                [1000, ...)            1 |@@@@@@@@@@@@@                                       |

                @mn[jtwl]: -9
                @mx[jtwl]: 5000
                @s[jtwl]: 5382
                @st[jtwl]: { .count = 7, .average = 768, .total = 5382 }
                """, r.stdout());
    }

    /** The lab one-liner as written, system-wide; only jtwl's entry is compared. */
    @Test
    void labOneLinerHistogramOfReadSizesPerComm() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read { @[comm] = hist(args.ret); }",
                "read", dir.resolve("a").toString(), "3", "100", "read", dir.resolve("b").toString(), "2", "1000");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        GoldenText.assertSameText("stdout", """


                @[jtwl]:
                [64, 128)              3 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|
                [128, 256)             0 |                                                    |
                [256, 512)             0 |                                                    |
                [512, 1K)              2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@                  |

                """, OutputFilter.onlyComm(r.stdout(), "jtwl"));
    }

    /** Counts per (comm, return value) tuple key: the tuple's parentheses are not printed. */
    @Test
    void tupleKeysInValueOrder() {
        Kernel.Run run = Kernel.trace("t:syscalls:sys_exit_read /pid == $1/ { @[comm, args.ret] = count(); }",
                "badread", "3", "read", dir.resolve("a").toString(), "2", "100");
        JtraceProcess.Result r = run.result().assertExitCode(0);
        // bpftrace sorts count maps by value, ascending
        GoldenText.assertSameText("stdout", "\n\n@[jtwl, 100]: 2\n@[jtwl, -9]: 3\n", r.stdout());
    }
}
