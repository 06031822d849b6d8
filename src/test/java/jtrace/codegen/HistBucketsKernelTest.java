package jtrace.codegen;

import jtrace.runtime.HistBucketsProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The kernel's bucket for each value (computed by the generated program) must be the bucket the
 * printer labels it with: hist(v, k) for many values and every k, compared with the same values
 * bucketed in Java and printed by the same printer.
 */
class HistBucketsKernelTest {
    private static final long[] VALUES = {-100, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 33, 63, 64, 100, 127,
            128, 1000, 1023, 1024, 1500, 4095, 65536, 1_000_000, 123_456_789, 1L << 40, (1L << 40) + 12345,
            Long.MAX_VALUE};

    @BeforeEach
    void root() { assumeTrue("root".equals(System.getProperty("user.name")), "loads programs: needs root"); }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void kernelBucketsMatchThePrintersBuckets(int k) {
        StringJoiner prog = new StringJoiner(" ", "BEGIN { ", " }");
        for (long v : VALUES) prog.add("@h = hist(" + v + ", " + k + ");");
        String expected = "\n\n" + HistBucketsProbe.print("@h", VALUES, k);
        CodegenKernelTest.Run r = CodegenKernelTest.run("-q", "-e", prog.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(expected, r.out());
    }
}
