package jtrace.asm;

import static jtrace.asm.AssemblerTest.hex;
import static jtrace.asm.AssemblerTest.slot;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** BPF-to-BPF calls and subprogram addresses: byte-exact encodings and their listing. */
class SubprogramInsnTest {

    @Test
    void localCallAndFunctionAddressEncodeRelativeSlotOffsets() {
        Label sub = new Label("cb");
        Assembled a = Assembler.assemble(List.of(
                new Insn.LoadFunc(Reg.R2, sub),          // slots 0-1
                new Insn.CallLocal(sub),                 // slot 2
                new Insn.Exit(),                         // slot 3
                new Insn.Mark(sub),
                new Insn.Alu(AluOp.MOV, true, Reg.R0, Operand.of(0)), // slot 4
                new Insn.Exit()));
        // ld_imm64, src_reg BPF_PSEUDO_FUNC (4), imm = 4 - (0 + 1) = 3; second half all zero.
        assertEquals("18 42 00 00 03 00 00 00", hex(slot(a.code(), 0)));
        assertEquals("00 00 00 00 00 00 00 00", hex(slot(a.code(), 1)));
        // call, src_reg BPF_PSEUDO_CALL (1), imm = 4 - (2 + 1) = 1.
        assertEquals("85 10 00 00 01 00 00 00", hex(slot(a.code(), 2)));
        assertEquals(6, a.slotCount());
        assertTrue(a.relocations().isEmpty());
    }

    @Test
    void backwardCallHasNegativeImmediate() {
        Label sub = new Label("sub");
        Assembled a = Assembler.assemble(List.of(
                new Insn.Mark(sub), new Insn.Exit(), new Insn.CallLocal(sub), new Insn.Exit()));
        assertEquals("85 10 00 00 fe ff ff ff", hex(slot(a.code(), 1)));
    }

    @Test
    void listingNamesCallsAndFunctionAddresses() {
        Label sub = new Label("cb");
        Assembled a = Assembler.assemble(List.of(
                new Insn.LoadFunc(Reg.R2, sub), new Insn.CallLocal(sub), new Insn.Exit(),
                new Insn.Mark(sub), new Insn.Exit()));
        assertEquals(List.of(
                "   0: (18) r2 = func pc+3",
                "   2: (85) call pc+1",
                "   3: (95) exit",
                "   4: (95) exit"), Disassembler.disassemble(a));
    }

    @Test
    void unplacedSubprogramIsABug() {
        assertThrows(IllegalStateException.class,
                () -> Assembler.assemble(List.of(new Insn.LoadFunc(Reg.R1, new Label("x")), new Insn.Exit())));
    }
}
