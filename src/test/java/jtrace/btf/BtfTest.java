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

    @Test
    void structsUnionsEnumsArraysAndTypedefs() throws Exception {
        Builder b = new Builder();
        int u32 = b.type("unsigned int", BtfType.BTF_KIND_INT, 0, 4, 32);
        int s8 = b.type("char", BtfType.BTF_KIND_INT, 0, 1, (BtfType.BTF_INT_SIGNED | BtfType.BTF_INT_CHAR) << 24 | 8);
        int arr = b.type("", BtfType.BTF_KIND_ARRAY, 0, 0, s8, u32, 16);
        int color = b.type("color", BtfType.BTF_KIND_ENUM, 2, 4, b.str("RED"), 0, b.str("BLUE"), 7);
        int big = b.type("big", BtfType.BTF_KIND_ENUM64, 1, 8, b.str("HUGE"), 1, 2);
        int fwd = b.type("thing", BtfType.BTF_KIND_FWD, 0, 0);
        int fwdPtr = b.type("", BtfType.BTF_KIND_PTR, 0, fwd);
        // kind_flag set: member offsets carry the bitfield size in their top byte.
        int thing = b.type("thing", BtfType.BTF_KIND_STRUCT | 0x80, 5, 32,
                b.str("id"), u32, 0,
                b.str("flags"), u32, 3 << 24 | 32,
                b.str("mode"), u32, 5 << 24 | 35,
                b.str("name"), arr, 64,
                b.str("next"), fwdPtr, 192);
        int volatileThing = b.type("", BtfType.BTF_KIND_VOLATILE, 0, thing);
        int thingT = b.type("thing_t", BtfType.BTF_KIND_TYPEDEF, 0, volatileThing);
        int un = b.type("either", BtfType.BTF_KIND_UNION, 2, 8, b.str("a"), u32, 0, b.str("b"), color, 0);
        int dbl = b.type("double", BtfType.BTF_KIND_FLOAT, 0, 8);
        int tag = b.type("user", BtfType.BTF_KIND_DECL_TAG, 0, thing, 1);

        Btf btf = Btf.parse(b.build());
        assertEquals(thing, btf.find(BtfType.BTF_KIND_STRUCT, "thing"));
        assertEquals(fwd, btf.find(BtfType.BTF_KIND_FWD, "thing"));
        assertEquals(-1, btf.find(BtfType.BTF_KIND_UNION, "thing"));
        assertEquals(thing, btf.resolve(thingT));
        assertEquals(32, btf.sizeOf(thingT));
        assertEquals(16, btf.sizeOf(arr));
        assertEquals(8, btf.sizeOf(fwdPtr));
        assertEquals(8, btf.sizeOf(dbl));
        assertEquals(BtfType.BTF_KIND_DECL_TAG, btf.kind(tag));
        assertEquals(List.of(new BtfType.Member("id", u32, 0, 0), new BtfType.Member("flags", u32, 32, 3),
                new BtfType.Member("mode", u32, 35, 5), new BtfType.Member("name", arr, 64, 0),
                new BtfType.Member("next", fwdPtr, 192, 0)), btf.type(thing).members());
        assertEquals(new BtfType.Array(s8, u32, 16), btf.type(arr).array());
        assertTrue(btf.type(s8).intSigned() && btf.type(s8).intChar());
        assertEquals(32, btf.type(u32).intBits());
        assertEquals(List.of(new BtfType.Enumerator("RED", 0), new BtfType.Enumerator("BLUE", 7)), btf.type(color).enumerators());
        assertEquals(List.of(new BtfType.Enumerator("HUGE", 1L | 2L << 32)), btf.type(big).enumerators());
        assertEquals(2, btf.type(un).members().size());
        assertEquals(List.of(thing, fwd, tag).size(), btf.findAll("thing").length + 1);
    }

    /** Every member of task_struct as bpftool's raw dump lists it: name, type id, bit offset, bitfield size. */
    @Test
    void kernelTaskStructAgreesWithBpftool() throws Exception {
        assumeTrue(Files.isReadable(Btf.VMLINUX), "no kernel BTF");
        java.nio.file.Path bpftool = java.nio.file.Path.of("/usr/sbin/bpftool");
        assumeTrue(Files.isExecutable(bpftool), "no bpftool");
        Process p = new ProcessBuilder(bpftool.toString(), "btf", "dump", "file", Btf.VMLINUX.toString())
                .redirectErrorStream(true).start();
        List<String> lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))
                .lines().toList();
        p.waitFor();
        long t0 = System.nanoTime();
        Btf btf = Btf.read(Btf.VMLINUX);
        int id = btf.find(BtfType.BTF_KIND_STRUCT, "task_struct");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("kernel BTF read and task_struct found in " + millis + " ms");
        String header = "[" + id + "] STRUCT 'task_struct' size=" + btf.type(id).sizeOrType() + " vlen=" + btf.type(id).vlen();
        int at = lines.indexOf(header);
        assertTrue(at >= 0, "bpftool has no line " + header);
        java.util.regex.Pattern member = java.util.regex.Pattern.compile(
                "\\s*'(.*)' type_id=(\\d+) bits_offset=(\\d+)(?: bitfield_size=(\\d+))?");
        List<BtfType.Member> expected = new java.util.ArrayList<>();
        for (int i = at + 1; i < lines.size(); i++) {
            java.util.regex.Matcher m = member.matcher(lines.get(i));
            if (!m.matches()) break;
            expected.add(new BtfType.Member(m.group(1).equals("(anon)") ? "" : m.group(1), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4))));
        }
        assertEquals(btf.type(id).vlen(), expected.size());
        assertEquals(expected, btf.type(id).members());
        assertTrue(btf.type(id).members().stream().anyMatch(m -> m.name().equals("comm")));
        assertTrue(millis < 1000, "took " + millis + " ms");
    }
}
