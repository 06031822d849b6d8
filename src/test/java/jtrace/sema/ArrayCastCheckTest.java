package jtrace.sema;

import jtrace.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Casts between integers and integer arrays, with bpftrace's sizes and messages (its type_resolver/semantic_analyser tests). */
class ArrayCastCheckTest {
    private static final Type INT8 = new Type.Int(1, true);

    private static Type variable(String body) {
        CheckedProgram p = LanguageCheckTest.analyze("BEGIN { " + body + " }", Map.of());
        return p.probes().getFirst().variables().get("a");
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("$a = (int8[])1;", new Type.Array(INT8, 1)),
                Arguments.of("$a = (int8[])12345;", new Type.Array(INT8, 2)),
                Arguments.of("$a = (int8[])\"hello\";", new Type.Array(INT8, 6)),
                Arguments.of("$a = (int8[8])1;", new Type.Array(INT8, 8)),
                Arguments.of("$a = (int16[4])1;", new Type.Array(new Type.Int(2, true), 4)),
                Arguments.of("$a = (int64[1])1;", new Type.Array(Type.Int.INT64, 1)),
                Arguments.of("$a = (int8[2])(int16)1;", new Type.Array(INT8, 2)),
                Arguments.of("$a = (uint8[])(uint32)1;", new Type.Array(new Type.Int(1, false), 4)),
                Arguments.of("$a = (int8[6])\"hello\";", new Type.Array(INT8, 6)),
                Arguments.of("$x = (int8[8])1; $a = (uint64)$x;", Type.Int.UINT64),
                Arguments.of("$a = (uint32)pton(\"127.0.0.1\");", Type.Int.UINT32));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void typesAsBpftrace(String body, Type expected) {
        assertEquals(expected, variable(body));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("BEGIN { $a = (int8[2])(int32)1; }", "stdin:1:14-31: ERROR: Cannot cast from \"int32\" to \"int8[2]\""),
                Arguments.of("BEGIN { $a = (int8[16])1; }", "stdin:1:14-25: ERROR: Cannot cast from \"uint8\" to \"int8[16]\""),
                Arguments.of("BEGIN { $a = (bool[64])1; }", "stdin:1:14-25: ERROR: Cannot cast from \"uint8\" to \"bool[64]\""),
                Arguments.of("BEGIN { $a = (int32[])(int16)1; }", "stdin:1:14-31: ERROR: Cannot determine array size: "
                        + "the element size is incompatible with the cast integer size"),
                Arguments.of("BEGIN { $a = (int8[5])\"hello\"; }", "stdin:1:14-30: ERROR: Cannot cast from \"string[6]\" to \"int8[5]\""),
                Arguments.of("BEGIN { $a = (uint32)pton(\"::1\"); }", "stdin:1:14-33: ERROR: Cannot cast from \"uint8[16]\" to \"uint32\""),
                Arguments.of("BEGIN { $x = (int8[8])1; $a = (int32)$x; }", "stdin:1:31-40: ERROR: Cannot cast from \"int8[8]\" to \"int32\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsAsBpftrace(String program, String expected) {
        assertEquals(expected, LanguageCheckTest.message(program));
    }
}
