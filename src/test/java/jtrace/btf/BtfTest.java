package jtrace.btf;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BtfTest {
    /** Builds a little BTF blob type by type, as the kernel lays it out. */
    static final class Builder {
        private final ByteArrayOutputStream types = new ByteArrayOutputStream();
        private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
        private int next = 1;

        Builder() { strings.write(0); }

        int str(String s) {
            if (s.isEmpty()) return 0;
            int off = strings.size();
            strings.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            strings.write(0);
            return off;
        }

        private void u32(int v) {
            types.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }

        int type(String name, int kind, int vlen, int sizeOrType, int... extra) {
            u32(str(name));
            u32(kind << 24 | vlen);
            u32(sizeOrType);
            for (int e : extra) u32(e);
            return next++;
        }

        byte[] build() {
            byte[] t = types.toByteArray(), s = strings.toByteArray();
            ByteBuffer b = ByteBuffer.allocate(24 + t.length + s.length).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24)
                    .putInt(0).putInt(t.length).putInt(t.length).putInt(s.length).put(t).put(s);
            return b.array();
        }
    }

    @Test
    void rawTracepointsAndTheirArguments() throws Exception {
        Builder b = new Builder();
        int uint = b.type("unsigned int", BtfType.BTF_KIND_INT, 0, 4, 32);
        int task = b.type("task_struct", BtfType.BTF_KIND_STRUCT, 1, 8, b.str("pid"), uint, 0);
        int taskPtr = b.type("", BtfType.BTF_KIND_PTR, 0, task);
        int voidPtr = b.type("", BtfType.BTF_KIND_PTR, 0, 0);
        int chr = b.type("char", BtfType.BTF_KIND_INT, 0, 1, 8);
        int constChar = b.type("", BtfType.BTF_KIND_CONST, 0, chr);
        int str = b.type("", BtfType.BTF_KIND_PTR, 0, constChar);
        int strPtr = b.type("", BtfType.BTF_KIND_PTR, 0, str);
        int proto = b.type("", BtfType.BTF_KIND_FUNC_PROTO, 4, 0,
                b.str("__data"), voidPtr, b.str("prev"), taskPtr, b.str("state"), uint, b.str("names"), strPtr);
        b.type("__probestub_sched_thing", BtfType.BTF_KIND_FUNC, 0, proto);
        b.type("__traceiter_sched_thing", BtfType.BTF_KIND_FUNC, 0, proto);
        b.type("__traceiter_other", BtfType.BTF_KIND_FUNC, 0, proto);
        b.type("plain_function", BtfType.BTF_KIND_FUNC, 0, proto);
        int longProto = b.type("", BtfType.BTF_KIND_FUNC_PROTO, 7, 0,
                0, uint, 0, uint, 0, uint, 0, uint, 0, uint, 0, uint, 0, uint);
        b.type("__probestub_too_many_args", BtfType.BTF_KIND_FUNC, 0, longProto);

        Btf btf = Btf.parse(b.build());
        assertEquals("struct task_struct *", CDeclaration.of(btf, taskPtr));
        assertEquals("const char **", CDeclaration.of(btf, strPtr));
        assertEquals("void *", CDeclaration.of(btf, voidPtr));

        RawTracepoints rt = new RawTracepoints("vmlinux", btf);
        assertEquals(List.of("vmlinux:other", "vmlinux:sched_thing"), List.copyOf(rt.names()));
        assertEquals(List.of("struct task_struct * prev", "unsigned int state", "const char ** names"),
                rt.params("sched_thing"));
        assertEquals(List.of(), rt.params("plain_function"));
    }

    @Test
    void rejectsNonBtf() {
        assertThrows(BtfFormatException.class, () -> Btf.parse(new byte[32]));
        Builder b = new Builder();
        b.type("x", 31, 0, 0);
        byte[] unknownKind = b.build();
        assertThrows(BtfFormatException.class, () -> Btf.parse(unknownKind));
    }

    @Test
    void kernelBtfHasSchedSwitch() throws Exception {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF");
        RawTracepoints rt = new RawTracepoints("vmlinux", Btf.read(Btf.VMLINUX));
        assertTrue(rt.names().contains("vmlinux:sched_switch"));
        assertTrue(rt.params("sched_switch").contains("struct task_struct * prev"), rt.params("sched_switch").toString());
    }
}
