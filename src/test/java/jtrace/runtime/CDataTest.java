package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import jtrace.types.StructLayout;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;

/** Whole C values decoded from their C layout and printed as bpftrace prints them, in text and JSON. */
class CDataTest {
    private static final Type.Struct INNER = new Type.Struct("struct in", 8, () -> List.of(
            new StructLayout.Field("x", new Type.Int(2, true), 0, 0),
            new StructLayout.Field("y", Type.Int.UINT32, 32, 0)));

    /** struct rec { int a; char name[6]; u16 arr[3]; struct in in; struct rec *next; unsigned f:3; int g:5; } */
    private static final Type.Struct REC = new Type.Struct("struct rec", 40, () -> List.of(
            new StructLayout.Field("a", Type.Int.INT32, 0, 0),
            new StructLayout.Field("name", new Type.Str(6), 32, 0),
            new StructLayout.Field("arr", new Type.Array(new Type.Int(2, false), 3), 80, 0),
            new StructLayout.Field("in", INNER, 128, 0),
            new StructLayout.Field("next", new Type.Pointer("struct rec", null, false), 192, 0),
            new StructLayout.Field("f", Type.Int.UINT32, 256, 3),
            new StructLayout.Field("g", Type.Int.INT32, 259, 5)));

    private static byte[] record() {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, -7);
        b.put(4, "abc\0zz".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.putShort(10, (short) 1).putShort(12, (short) 65535).putShort(14, (short) 3);
        b.putShort(16, (short) -2).putInt(20, 40);
        b.putLong(24, 0xffff888012345678L);
        b.put(32, (byte) (5 | (0b10110 << 3))); // f = 5, g = -10 (5 bits 10110)
        return b.array();
    }

    @Test
    void structPrintsAsBpftraceRecords() {
        Value v = ValueDecoder.decode(REC, record(), 0);
        assertEquals("{ .a = -7, .name = abc, .arr = [1,65535,3], .in = { .x = -2, .y = 40 }, .next = 0xffff888012345678,"
                + " .f = 5, .g = -10 }", ValueText.text(v));
    }

    @Test
    void structInJson() {
        Value v = ValueDecoder.decode(REC, record(), 0);
        assertEquals("{\"a\": -7, \"name\": \"abc\", \"arr\": [1,65535,3], \"in\": {\"x\": -2, \"y\": 40}, \"next\": "
                + "\"" + Long.toUnsignedString(0xffff888012345678L) + "\"" + ", \"f\": 5, \"g\": -10}",
                new JsonWriter().value(v).take());
    }

    /** struct with an enum member: the name in text, the number in JSON; an unnamed value as its number. */
    @Test
    void enumMembersAndValues() {
        java.util.LinkedHashMap<String, Long> values = new java.util.LinkedHashMap<>();
        values.put("OFF", 0L);
        values.put("ON", 1L);
        Type.Enum state = Type.Enum.of("state", 4, values);
        Type.Struct s = new Type.Struct("struct sw", 8, () -> List.of(
                new StructLayout.Field("a", state, 0, 0), new StructLayout.Field("b", state, 32, 0)));
        byte[] b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1).putInt(4, 7).putLong(8, 0).array();
        Value v = ValueDecoder.decode(s, b, 0);
        assertEquals("{ .a = ON, .b = 7 }", ValueText.text(v));
        assertEquals("{\"a\": 1, \"b\": 7}", new JsonWriter().value(v).take());
        assertEquals("OFF", ValueText.text(ValueDecoder.decode(state.withBytes(8), b, 8)));
    }

    @Test
    void arraysAndPointersAtTopLevel() {
        byte[] b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1).putInt(4, -2).putLong(8, 0x1000).array();
        assertEquals("[1,-2]", ValueText.text(ValueDecoder.decode(new Type.Array(Type.Int.INT32, 2), b, 0)));
        assertEquals("0x1000", ValueText.text(ValueDecoder.decode(new Type.Pointer("void"), b, 8)));
        assertEquals("{}", ValueText.text(ValueDecoder.decode(new Type.Struct("struct empty", 0, List::of), b, 0)));
    }
}
