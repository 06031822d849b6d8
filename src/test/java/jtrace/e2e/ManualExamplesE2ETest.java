package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Examples from bpftrace's reference manual (docs/language.md, docs/stdlib.md) that the conformance
 * sweep (SWEEP.md) found failing, each run unchanged except that it ends by itself.
 */
class ManualExamplesE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            # language.md, Map Printing: print_maps_on_exit=0 prints no map at the end
            config = { print_maps_on_exit=0 } begin { @a = 1; @b[1] = 1; printf("x\\n"); exit(); } | x\\n
            config = { print_maps_on_exit=false } begin { @a = 1; exit(); }                     | ''
            # language.md, interval: the one-part duration form
            interval:1s { printf("%s\\n", probe); exit(); }                                       | interval:us:1000000\\n
            # stdlib.md, bswap: the bytes reversed within the argument's width, unsigned
            begin { printf("%d %d %d %x\n", bswap((uint8)1), bswap((uint16)1), bswap((uint32)1), bswap((int16)0x1234)); exit(); } | 1 256 16777216 3412\n
            begin { printf("%d\n", bswap(0x0102030405060708)); exit(); }               | 578437695752307201\n
            """)
    void printsWhatTheManualSays(String program, String stdout) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", stdout.replace("\\n", "\n"), r.stdout());
    }
}
