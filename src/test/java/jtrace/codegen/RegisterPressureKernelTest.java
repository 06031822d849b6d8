package jtrace.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the frame in scratch memory (R9 taken) and printf's record in R7, one register is left for
 * a whole argument: operands of comparisons and arithmetic spill instead of running out.
 */
class RegisterPressureKernelTest {
    private static final String STRINGS = "$s1 = str(0); $s2 = str(1); $a = 1; $b = 3; ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "printf(\"%d %d %d %d\\n\", $a == 1, $b > 2, $a < $b, $a != $b)|1 1 1 1",
            "printf(\"%d %d\\n\", ($a + $b) * ($b - $a), $b / ($a + 0 * $b))|8 3",
            "printf(\"%d\\n\", ($a < $b) + ($b >= $a + $a))|2",
            "printf(\"%d\\n\", (uint64)($a + ((int8 *)$b + $a)))|5",
    })
    void operandsSpillWithOneFreeRegister(String call, String want) {
        String program = "BEGIN { " + STRINGS + call + "; }";
        assertTrue(CodegenStackTest.usesScratch(CodegenStackTest.compile(program, 1024)), "frame not in scratch memory");
        CodegenKernelTest.Run r = CodegenKernelTest.run("-e", program);
        assertEquals(want + "\n", r.out(), () -> "stderr: " + r.err());
        assertEquals(0, r.status(), r.err());
    }
}
