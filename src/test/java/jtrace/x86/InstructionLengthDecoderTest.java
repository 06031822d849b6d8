package jtrace.x86;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodings whose lengths GNU as/objdump agree on, each followed by filler the decoder must not take. */
class InstructionLengthDecoderTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "90                            | nop                      | 1",
            "c3                            | ret                      | 1",
            "c2 08 00                      | ret imm16                | 3",
            "55                            | push rbp                 | 1",
            "48 89 e5                      | mov rbp,rsp              | 3",
            "f3 0f 1e fa                   | endbr64                  | 4",
            "48 8d 05 10 20 30 40          | lea rip-relative         | 7",
            "8b 04 25 01 02 03 04          | SIB without base         | 7",
            "8b 44 24 08                   | SIB disp8                | 4",
            "8b 84 24 00 01 00 00          | SIB disp32               | 7",
            "8b 45 f8                      | rbp disp8                | 3",
            "48 b8 01 02 03 04 05 06 07 08 | mov rax, imm64           | 10",
            "b8 01 02 03 04                | mov eax, imm32           | 5",
            "66 b8 01 02                   | mov ax, imm16            | 4",
            "48 c7 c0 01 02 03 04          | mov r/m64, imm32         | 7",
            "66 c7 04 25 01 02 03 04 05 06 | movw imm16 to absolute   | 10",
            "a1 01 02 03 04 05 06 07 08    | mov eax, moffs64         | 9",
            "67 a1 01 02 03 04             | mov eax, moffs32         | 6",
            "f6 c8 01                      | test al, imm8 (/1)       | 3",
            "f7 08 01 02 03 04             | test m32, imm32          | 6",
            "f6 10                         | not m8: no immediate     | 2",
            "66 f7 c0 01 02                | test ax, imm16           | 5",
            "c8 01 02 03                   | enter                    | 4",
            "6a 01                         | push imm8                | 2",
            "68 01 02 03 04                | push imm32               | 5",
            "69 c0 01 02 03 04             | imul imm32               | 6",
            "6b c0 01                      | imul imm8                | 3",
            "83 c4 08                      | add rsp, imm8            | 3",
            "3c 01                         | cmp al, imm8             | 2",
            "66 3d 01 02                   | cmp ax, imm16            | 4",
            "eb fe                         | jmp rel8                 | 2",
            "e8 01 02 03 04                | call rel32               | 5",
            "66 e8 00 00                   | callw rel16              | 4",
            "66 48 e8 00 00 00 00          | REX.W keeps rel32        | 7",
            "0f 84 01 02 03 04             | je rel32                 | 6",
            "66 0f 84 00 00                | je rel16                 | 5",
            "c7 f8 01 02 03 04             | xbegin                   | 6",
            "c6 f8 01                      | xabort                   | 3",
            "0f 05                         | syscall                  | 2",
            "0f a2                         | cpuid                    | 2",
            "0f 01 d0                      | xgetbv                   | 3",
            "0f ba e0 05                   | bt imm8                  | 4",
            "0f a4 c0 05                   | shld imm8                | 4",
            "66 0f 70 c1 1b                | pshufd                   | 5",
            "66 0f 3a 0f c1 08             | palignr (0F3A)           | 6",
            "66 0f 38 00 c1                | pshufb (0F38)            | 5",
            "66 0f 78 c0 01 02             | extrq two imm8           | 6",
            "0f 0f c0 9e                   | 3DNow! pfadd             | 4",
            "0f ff c0                      | ud0                      | 3",
            "dd 1c 24                      | fstp m64                 | 3",
            "d9 c9                         | fxch                     | 2",
            "9b 90                         | fwait alone              | 1",
            "9b d9 7c 24 02                | fstcw (fwait joined)     | 5",
            "66 9b d9 3c 24                | data16 fstcw             | 5",
            "9b db e3                      | finit                    | 3",
            "c5 f8 77                      | vzeroupper               | 3",
            "c5 fd 6f 06                   | vmovdqa ymm, m           | 4",
            "c4 e3 79 0f c1 08             | vpalignr (VEX 0F3A)      | 6",
            "c4 e2 7d 00 c1                | vpshufb (VEX 0F38)       | 5",
            "c5 f9 70 c1 1b                | vpshufd (VEX imm8)       | 5",
            "62 f1 7d 48 70 44 24 01 05    | vpshufd zmm (EVEX)       | 9",
            "62 e1 fe 28 6f 06             | vmovdqu64 (EVEX)         | 6",
            "62 b3 7d 48 3e c0 04          | vpcmpub (EVEX 0F3A)      | 7",
            "8f e8 78 c2 c0 01             | vprotd (XOP map 8)       | 6",
            "8f ea 78 10 c0 01 02 03 04    | bextr imm32 (XOP map 10) | 9",
            "8f c0                         | pop rax (not XOP)        | 2",
            "66 2e 0f 1f 84 00 00 00 00 00 | cs nopw                  | 10",
            "f0 48 0f b1 0f                | lock cmpxchg             | 5",
            "48 66 90                      | REX before a prefix      | 1",
            "66 48 48 90                   | data16 rex.W, alone      | 2",
            "d5 08 b8 01 02 03 04 05 06 07 08 | REX2.W mov imm64      | 11",
    })
    void lengths(String bytes, String what, int expected) throws Exception {
        // Trailing filler: the decoder must stop at the instruction's end, not at the array's.
        byte[] code = hex(bytes + " cc cc cc cc");
        assertEquals(expected, InstructionLengthDecoder.length(code, 0), what);
    }

    @Test
    void decodesAtAnOffsetInsideTheArray() throws Exception {
        byte[] code = hex("55 48 89 e5 48 b8 01 02 03 04 05 06 07 08 c3");
        assertEquals(3, InstructionLengthDecoder.length(code, 1));
        assertEquals(10, InstructionLengthDecoder.length(code, 4));
        assertEquals(1, InstructionLengthDecoder.length(code, 14));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "06                   | opcode 06 is invalid in 64-bit mode",
            "d4 0a                | opcode d4 is invalid in 64-bit mode",
            "48 b8 01 02 03       | the code ends inside the instruction",
            "0f 84 01             | the code ends inside the instruction",
            "62 f1 7d             | the code ends inside the instruction",
            "c4 e7 79 0f c1 08    | VEX map 7 does not exist",
            "66 66 66 66 66 66 66 66 66 66 66 66 66 66 66 90 | more than 15 prefix bytes",
    })
    void undecodable(String bytes, String message) {
        UndecodableInstructionException e = assertThrows(UndecodableInstructionException.class,
                () -> InstructionLengthDecoder.length(hex(bytes), 0));
        assertTrue(e.getMessage().endsWith(message), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot decode the instruction at offset 0 (" + bytes.substring(0, 2)), e.getMessage());
    }

    @Test
    void offsetOutsideTheCodeIsAnError() {
        assertThrows(UndecodableInstructionException.class, () -> InstructionLengthDecoder.length(hex("90"), 1));
    }

    /** push rbp; mov rbp,rsp; lea rax,[rip+x]; ret: boundaries at 0, 1, 4, 11. */
    private static final byte[] FUNCTION = hex("55 48 89 e5 48 8d 05 10 20 30 40 c3");

    @Test
    void walkFindsEveryStart() throws Exception {
        assertArrayEquals(new int[] {0, 1, 4, 11}, InstructionWalk.starts(FUNCTION, FUNCTION.length));
    }

    @Test
    void startsAtIsTrueOnBoundariesOnly() throws Exception {
        for (int off = 0; off < FUNCTION.length; off++) {
            boolean boundary = off == 0 || off == 1 || off == 4 || off == 11;
            assertEquals(boundary, InstructionWalk.startsAt(FUNCTION, off), "offset " + off);
        }
    }

    @Test
    void startsAtReportsUndecodableCodeBeforeTheOffset() {
        byte[] code = hex("90 06 90 90");
        UndecodableInstructionException e = assertThrows(UndecodableInstructionException.class, () -> InstructionWalk.startsAt(code, 3));
        assertEquals(1, e.offset());
    }

    @Test
    void startsAtDoesNotDecodeBeyondTheOffset() throws Exception {
        assertTrue(InstructionWalk.startsAt(hex("90 06 90 90"), 1));
        assertFalse(InstructionWalk.startsAt(hex("48 89 e5 06"), 2));
    }
}
