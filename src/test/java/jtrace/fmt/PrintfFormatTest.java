package jtrace.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrintfFormatTest {

    static Stream<Arguments> renderings() {
        long umax = -1L;
        return Stream.of(
                // format, args, expected
                Arguments.of("%d", List.of(0L), "0"),
                Arguments.of("%d", List.of(-1L), "-1"),
                Arguments.of("%i", List.of(42L), "42"),
                Arguments.of("%d", List.of(Long.MAX_VALUE), "9223372036854775807"),
                Arguments.of("%d", List.of(Long.MIN_VALUE), "-9223372036854775808"),
                Arguments.of("%u", List.of(-1L), "18446744073709551615"),
                Arguments.of("%u", List.of(0L), "0"),
                Arguments.of("%d", List.of(new FormatArg.Int(umax, false)), "-1"),
                Arguments.of("%s", List.of(new FormatArg.Int(umax, false)), "18446744073709551615"),
                Arguments.of("%s", List.of(-1L), "-1"),
                Arguments.of("%x", List.of(255L), "ff"),
                Arguments.of("%X", List.of(255L), "FF"),
                Arguments.of("%x", List.of(-1L), "ffffffffffffffff"),
                Arguments.of("%x", List.of(FormatArg.integer(0xFFFF_FFFFL, 4, true)), "ffffffffffffffff"),
                Arguments.of("%x", List.of(FormatArg.integer(0xFFFF_FFFFL, 4, false)), "ffffffff"),
                Arguments.of("%d", List.of(FormatArg.integer(0xFFFF_FFFFL, 4, false)), "4294967295"),
                Arguments.of("%d", List.of(FormatArg.integer(0x80, 1, true)), "-128"),
                Arguments.of("%x", List.of(Long.MIN_VALUE), "8000000000000000"),
                Arguments.of("%o", List.of(8L), "10"),
                Arguments.of("%#o", List.of(8L), "010"),
                Arguments.of("%#o", List.of(0L), "0"),
                Arguments.of("%#x", List.of(255L), "0xff"),
                Arguments.of("%#X", List.of(255L), "0XFF"),
                Arguments.of("%#x", List.of(0L), "0"),
                Arguments.of("%hhx", List.of(257L), "1"),
                Arguments.of("%hhu", List.of(97L), "97"),
                Arguments.of("%hhd", List.of(255L), "-1"),
                Arguments.of("%hd", List.of(65537L), "1"),
                Arguments.of("%hu", List.of(-1L), "65535"),
                Arguments.of("%lx", List.of(-1L), "ffffffffffffffff"),
                Arguments.of("%llu", List.of(-2L), "18446744073709551614"),
                Arguments.of("%zd", List.of(-3L), "-3"),
                Arguments.of("%5d", List.of(42L), "   42"),
                Arguments.of("%-5d|", List.of(42L), "42   |"),
                Arguments.of("%05d", List.of(42L), "00042"),
                Arguments.of("%05d", List.of(-42L), "-0042"),
                Arguments.of("%-05d|", List.of(-42L), "-42  |"),
                Arguments.of("%+d", List.of(5L), "+5"),
                Arguments.of("%+d", List.of(-5L), "-5"),
                Arguments.of("% d", List.of(5L), " 5"),
                Arguments.of("%+u", List.of(5L), "5"),
                Arguments.of("%08x", List.of(0xbeefL), "0000beef"),
                Arguments.of("%#08x", List.of(0xbeefL), "0x00beef"),
                Arguments.of("%.3d", List.of(5L), "005"),
                Arguments.of("%8.3d", List.of(-5L), "    -005"),
                Arguments.of("%08.3d", List.of(5L), "     005"),
                Arguments.of("%.0d", List.of(0L), ""),
                Arguments.of("%2d", List.of(12345L), "12345"),
                Arguments.of("%c", List.of(65L), "A"),
                Arguments.of("%3c|", List.of(65L), "  A|"),
                Arguments.of("%-3c|", List.of(65L), "A  |"),
                Arguments.of("%c", List.of(0x141L), "A"),
                Arguments.of("%s", List.of("abc"), "abc"),
                Arguments.of("%10s|", List.of("abc"), "       abc|"),
                Arguments.of("%-10s|", List.of("abc"), "abc       |"),
                Arguments.of("%.2s", List.of("abc"), "ab"),
                Arguments.of("%5.1s|", List.of("abc"), "    a|"),
                Arguments.of("%s", List.of(""), ""),
                Arguments.of("%s", List.of(true), "true"),
                Arguments.of("%d", List.of(true), "1"),
                Arguments.of("%d", List.of(false), "0"),
                Arguments.of("%d", List.of("abc"), "!{invalid integer conversion: abc}"),
                Arguments.of("%p", List.of(0xffffffff81000000L), "0xffffffff81000000"),
                Arguments.of("%p", List.of(0L), "0"),
                Arguments.of("100%%", List.of(), "100%"),
                Arguments.of("%d%%", List.of(7L), "7%"),
                Arguments.of("%", List.of(), "%"),
                Arguments.of("%y", List.of(), "%y"),
                Arguments.of("%ds\n", List.of(3L), "3s\n"),
                Arguments.of("a %s b %d c", List.of("x", 1L), "a x b 1 c"),
                Arguments.of("%r", List.of(new byte[] {'h', 'i', 0, (byte) 0xff}), "hi\\x00\\xff"),
                Arguments.of("%rx", List.of(new byte[] {'h', 0}), "\\x68\\x00"),
                Arguments.of("%rh", List.of(new byte[] {'h', 0, 1}), "68 00 01"),
                Arguments.of("%r", List.of("plain"), "plain"),
                Arguments.of("%*d", List.of(5L), "5"),
                // enums: %s shows the enumerator, integer conversions its number
                Arguments.of("%s %d %x", List.of(new FormatArg.Sym(2, "TWO"), new FormatArg.Sym(2, "TWO"), new FormatArg.Sym(26, "Z")), "TWO 2 1a"),
                Arguments.of("%-5s|%5s|", List.of(new FormatArg.Sym(1, "A"), new FormatArg.Sym(7, "7")), "A    |    7|"),
                Arguments.of("%.2s", List.of(new FormatArg.Sym(1, "ABC")), "AB"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("renderings")
    void rendersLikeBpftrace(String format, List<?> args, String expected) {
        assertEquals(expected, PrintfFormat.parse(format).render(args));
    }

    @Test
    void splitsLiteralsAndConversions() {
        PrintfFormat f = PrintfFormat.parse("pid %-6d comm %s\n");
        assertEquals(List.of("pid ", " comm ", "\n"), f.literals());
        assertEquals(2, f.conversions().size());
        Conversion first = f.conversions().getFirst();
        assertEquals("%-6d", first.text());
        assertEquals(true, first.leftAlign());
        assertEquals(6, first.width());
        assertEquals("d", first.specifier());
    }

    @Test
    void parsesAllFlagsWidthPrecisionAndLength() {
        Conversion c = PrintfFormat.parse("%-+ #012.5llx").conversions().getFirst();
        assertEquals(new Conversion("%-+ #012.5llx", true, true, true, true, true, 12, 5, "ll", "x"), c);
    }

    @Test
    void tooManyArguments() {
        var e = assertThrows(PrintfFormatException.class,
                () -> PrintfFormat.parse("%d\n").render(List.of(1L, 2L)));
        assertEquals("too many arguments for format string (2 supplied, 1 expected)", e.getMessage());
    }

    @Test
    void notEnoughArguments() {
        var e = assertThrows(PrintfFormatException.class,
                () -> PrintfFormat.parse("%d %s\n").checkArgCount(1));
        assertEquals("not enough arguments for format string (1 supplied, 2 expected)", e.getMessage());
    }

    @Test
    void percentPercentTakesNoArgument() {
        PrintfFormat.parse("50%% done\n").checkArgCount(0);
    }

    @Test
    void checkRejectsUnsupportedSpecifier() {
        var e = assertThrows(PrintfFormatException.class, () -> PrintfFormat.parse("%f")
                .check(List.of(new ArgType(ArgType.Kind.INTEGER, "int64"))));
        assertEquals("unsupported format specifier: f", e.getMessage());
    }

    @Test
    void checkRejectsStringForInteger() {
        var e = assertThrows(PrintfFormatException.class, () -> PrintfFormat.parse("%d")
                .check(List.of(new ArgType(ArgType.Kind.OTHER, "string[4]"))));
        assertEquals("unsupported format specifier for type 'string[4]': d", e.getMessage());
    }

    @Test
    void checkRejectsIntegerForBuffer() {
        var e = assertThrows(PrintfFormatException.class, () -> PrintfFormat.parse("%rx")
                .check(List.of(new ArgType(ArgType.Kind.INTEGER, "int64"))));
        assertEquals("unsupported format specifier for type 'int64': rx", e.getMessage());
    }

    @Test
    void checkAcceptsMatchingTypes() {
        PrintfFormat.parse("%d %s %p %c %r").check(List.of(
                new ArgType(ArgType.Kind.BOOLEAN, "bool"),
                new ArgType(ArgType.Kind.OTHER, "string[16]"),
                new ArgType(ArgType.Kind.POINTER, "struct task_struct *"),
                new ArgType(ArgType.Kind.INTEGER, "int8"),
                new ArgType(ArgType.Kind.BUFFER, "buffer[8]")));
    }

    @Test
    void countIsCheckedBeforeTypes() {
        var e = assertThrows(PrintfFormatException.class, () -> PrintfFormat.parse("%f %d")
                .check(List.of(new ArgType(ArgType.Kind.INTEGER, "int64"))));
        assertEquals("not enough arguments for format string (1 supplied, 2 expected)", e.getMessage());
    }
}
