package jtrace.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class PtRegsTest {
    @ParameterizedTest
    @CsvSource({"rdi, 112", "rsi, 104", "rax, 80", "rbp, 32", "rsp, 152", "rip, 128", "r8, 72", "r9, 64", "r10, 56", "r15, 0"})
    void assemblerNamesMapToKernelFields(String register, int offset) {
        assertEquals(offset, PtRegs.offsetOfRegister(register));
    }

    @Test
    void callingConventionAndReturnValue() {
        int[] expected = {112, 104, 96, 88, 72, 64};
        assertEquals(expected.length, PtRegs.ARGUMENTS_IN_REGISTERS);
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], PtRegs.argumentOffset(i));
        assertEquals(80, PtRegs.returnValueOffset());
        assertEquals(152, PtRegs.stackPointerOffset());
    }

    @Test
    void kernelNamesOnly() {
        assertTrue(PtRegs.has("orig_ax"));
        assertTrue(PtRegs.has("flags"));
        assertFalse(PtRegs.has("rax"));
        assertThrows(IllegalArgumentException.class, () -> PtRegs.offset("eflags"));
    }
}
