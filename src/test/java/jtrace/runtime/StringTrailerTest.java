package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import jtrace.types.StructLayout;
import jtrace.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** bpftrace's value formatter marks a string with no NUL inside its buffer with str_trunc_trailer. */
class StringTrailerTest {
    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.ISO_8859_1); }

    @ParameterizedTest(name = "{0} in string[{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {  // '#' stands for NUL
            "abc##|5|abc",          // NUL inside: as it is
            "abcd#|5|abcd",         // length + 1 == size, NUL included: not cut
            "abcde|5|abcde..",      // no NUL at all: cut
            "abcdefg|5|abcde..",    // bytes past the buffer do not count
            "#bcde|5|''",
    })
    void trailerOnlyWithoutNul(String data, int size, String want) {
        assertEquals(want, ValueText.text(ValueDecoder.decode(new Type.Str(size), bytes(data.replace('#', '\0')), 0, Symbolizer.DETACHED, "..")));
    }

    @Test
    void printfKeepsItsOwnTestAndNoTrailerMeansNone() {
        assertEquals("abcde", ValueText.text(ValueDecoder.decode(new Type.Str(5), bytes("abcde"), 0)));
    }

    @Test
    void tupleAndStructFieldsAndArraysGetTheTrailer() {
        Type.Struct st = new Type.Struct("struct tag", 6, () -> List.of(
                new StructLayout.Field("code", new Type.Str(4), 0, 0),
                new StructLayout.Field("two", new Type.Array(new Type.Str(1), 2), 32, 0)));
        byte[] b = bytes("ABCDx\u0000");
        assertEquals("{ .code = ABCD~, .two = [x~,] }", ValueText.text(ValueDecoder.decode(st, b, 0, Symbolizer.DETACHED, "~")));
        Type.Tuple t = new Type.Tuple(List.of(new Type.Str(2), new Type.Str(2)));
        assertEquals("(ab~, c)", ValueText.text(ValueDecoder.decode(t, bytes("ab\u0000\u0000\u0000\u0000\u0000\u0000c\u0000"), 0, Symbolizer.DETACHED, "~")));
    }
}
