package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jtrace.load.ProgramStats;
import org.junit.jupiter.api.Test;

class VerboseLogTest {
    @Test
    void describesOneProgram() {
        assertEquals("Program ID: 42\nload tracepoint:syscalls:sys_enter_read: 17 instructions, verified (15 processed)\n",
                VerboseLog.describe("tracepoint:syscalls:sys_enter_read", 17, new ProgramStats(42, 0, 0, 17, 15)));
        assertEquals("Program ID: 1\nload BEGIN: 1 instruction, verified (1 processed)\n",
                VerboseLog.describe("BEGIN", 1, new ProgramStats(1, 0, 0, 1, 1)));
    }
}
