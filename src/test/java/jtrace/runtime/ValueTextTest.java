package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValueTextTest {
    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(Value.Int.int64(0), "0"),
                Arguments.of(Value.Int.int64(-1), "-1"),
                Arguments.of(Value.Int.uint64(-1), "18446744073709551615"),
                Arguments.of(new Value.Int(0xFF, 1, true), "-1"),
                Arguments.of(new Value.Int(0xFF, 1, false), "255"),
                Arguments.of(new Value.Int(0x1_0000_0005L, 4, false), "5"),
                Arguments.of(new Value.Str("abc"), "abc"),
                Arguments.of(new Value.Bool(true), "true"),
                Arguments.of(new Value.Bool(false), "false"),
                Arguments.of(new Value.Tuple(List.of(Value.Int.int64(1), new Value.Str("abc"))), "(1, abc)"),
                Arguments.of(new Value.Tuple(List.of(Value.Int.int64(1),
                        new Value.Tuple(List.of(new Value.Str("a"), new Value.Bool(true))))), "(1, (a, true))"),
                Arguments.of(new Value.Array(List.of(Value.Int.int64(1), Value.Int.int64(2))), "[1,2]"),
                Arguments.of(new Value.Record(List.of(new Value.Record.Field("a", Value.Int.int64(1)),
                        new Value.Record.Field("b", new Value.Str("x")))), "{ .a = 1, .b = x }"),
                Arguments.of(new Value.Record(List.of()), "{}"),
                Arguments.of(new Value.Sym("0xffff8881", 0xffff8881L), "0xffff8881"),
                Arguments.of(new Value.Buffer(new byte[] {'o', 'k', 0}), "ok\\x00"),
                Arguments.of(new Value.None(), "null"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("values")
    void text(Value v, String expected) {
        assertEquals(expected, ValueText.text(v));
    }
}
