package jtrace.elf;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsdtArgumentParserTest {
    private static final Map<String, Long> SYMBOLS = Map.of("counter", 0x4010L);

    private static UsdtArgument one(String spec) throws ElfFormatException {
        return UsdtArgumentParser.parseOne(spec, s -> SYMBOLS.getOrDefault(s, 0L), 0x1000);
    }

    @Test
    void theSpecOfATypicalProbe() throws Exception {
        List<UsdtArgument> args = UsdtArgumentParser.parse("-4@%edi 8@-16(%rbp) -4@$-7", s -> 0L, 0);
        assertEquals(List.of(new UsdtArgument.Register(4, true, "rdi"),
                new UsdtArgument.Memory(8, false, "rbp", -16),
                new UsdtArgument.Constant(4, true, -7)), args);
    }

    @ParameterizedTest
    @CsvSource({
            "8@%rax, rax, 8, false", "-1@%al, rax, 1, true", "2@%r9w, r9, 2, false", "-4@%r12d, r12, 4, true",
            "1@%sil, rsi, 1, false", "8@%rsp, rsp, 8, false", "%rdx, rdx, 8, false"})
    void registers(String spec, String register, int size, boolean signed) throws Exception {
        assertEquals(new UsdtArgument.Register(size, signed, register), one(spec));
    }

    @ParameterizedTest
    @CsvSource({
            "8@(%rbx), rbx, 0", "-4@0x10(%rsp), rsp, 16", "4@-8(%rbp), rbp, -8",
            "8@counter(%rip), rip, 0x3010", "8@counter+8(%rip), rip, 0x3018", "8@counter-4(%rip), rip, 0x300c"})
    void memory(String spec, String base, String displacement) throws Exception {
        UsdtArgument.Memory m = (UsdtArgument.Memory) one(spec);
        assertEquals(base, m.base());
        assertEquals(Long.decode(displacement), m.displacement());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8@(%rax,%rdx,8)|indexed USDT argument '8@(%rax,%rdx,8)' is not supported",
            "3@%eax|bad USDT argument size in '3@%eax'",
            "4@%xmm0|unknown register %xmm0 in USDT argument '4@%xmm0'",
            "8@nosuch(%rip)|USDT argument '8@nosuch(%rip)' names unknown symbol nosuch",
            "8@$zz|bad number 'zz' in USDT argument '8@$zz'"})
    void refused(String spec, String message) {
        assertEquals(message, assertThrows(ElfFormatException.class, () -> one(spec)).getMessage());
    }
}
