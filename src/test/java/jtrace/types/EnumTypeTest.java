package jtrace.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Enum values to text as bpftrace prints them, at the enum's width; enums as integers. */
class EnumTypeTest {
    private static Type.Enum mode(int bytes) {
        LinkedHashMap<String, Long> values = new LinkedHashMap<>();
        values.put("ABS", 0L);
        values.put("REL", 1L);
        values.put("ALIAS", 1L); // a second name for 1: the first declared names it
        values.put("NEG", -1L);
        return Type.Enum.of("mode", bytes, values);
    }

    @ParameterizedTest
    @CsvSource({
            "4, 0, ABS",
            "4, 1, REL",
            "4, 2, 2",
            "4, 4294967295, NEG",
            "4, -1, NEG",
            "8, -1, NEG",
            "8, 4294967295, 4294967295",
            "1, 255, NEG",
            "1, 256, ABS",
            "4, 4294967296, ABS",
            "8, 4294967296, 4294967296",
    })
    void textIsTheEnumeratorElseTheNumber(int bytes, long value, String text) {
        assertEquals(text, mode(bytes).text(value));
    }

    @Test
    void unnamedValuesPrintUnsigned() {
        Type.Enum e = Type.Enum.of("e", 8, new LinkedHashMap<>());
        assertEquals("18446744073709551614", e.text(-2));
        assertNull(e.nameOf(-2));
    }

    @Test
    void anEnumIsAnUnsignedIntegerOfItsWidth() {
        assertEquals(new Type.Int(4, false), Type.intOf(mode(4)));
        assertEquals(Type.Int.INT32, Type.intOf(Type.Int.INT32));
        assertNull(Type.intOf(new Type.Str(4)));
        assertEquals(true, Type.isInteger(mode(2)));
        assertEquals("enum mode", mode(4).display());
        assertEquals(4, mode(4).size());
    }

    /** A 4-byte enum held in 8 bytes (a variable, a map) still finds its negative enumerator. */
    @Test
    void widenedEnumKeepsItsDeclaredValues() {
        assertEquals("NEG", mode(4).withBytes(8).text(4294967295L));
    }

    @Test
    void sameTypeWhenNameAndWidthAgree() {
        assertEquals(mode(4), Type.Enum.of("mode", 4, new LinkedHashMap<>()));
        assertNotEquals(mode(4), mode(8));
        assertEquals(mode(8), mode(4).withBytes(8));
        assertEquals("REL", mode(4).withBytes(8).text(1));
    }
}
