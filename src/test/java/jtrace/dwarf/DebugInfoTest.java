package jtrace.dwarf;

import jtrace.e2e.CProgram;
import jtrace.elf.ElfFile;
import jtrace.types.StructLayout;
import jtrace.types.Type;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DWARF reader against src/test/c/dwarf_target.c as gcc writes it: DWARF 5, DWARF 4, compressed, -O0/-O2. */
class DebugInfoTest {
    /** variant name → gcc flags. */
    static final Map<String, List<String>> VARIANTS = Map.of(
            "dwarf5", List.of("-g", "-O1"),
            "dwarf4", List.of("-gdwarf-4", "-O1"),
            "dwarf5z", List.of("-g", "-gz", "-O1"),
            "dwarf4z", List.of("-gdwarf-4", "-gz=zlib", "-O2"),
            "dwarf5O0", List.of("-g", "-O0"));
    private static final Map<String, DebugInfo> READ = new ConcurrentHashMap<>();

    static DebugInfo read(String variant) {
        return READ.computeIfAbsent(variant, v -> {
            Path bin = CProgram.build("dwarf_target.c", "dwarf_target_" + v, VARIANTS.get(v).toArray(String[]::new));
            try {
                return DebugInfo.read(ElfFile.read(bin));
            } catch (Exception e) {
                throw new AssertionError(v + ": " + e, e);
            }
        });
    }

    private static DwarfFunction fn(String variant, String name) {
        return read(variant).function(name).orElseThrow(() -> new AssertionError(name + " not found in " + variant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dwarf5", "dwarf4", "dwarf5z", "dwarf4z", "dwarf5O0"})
    void integerParametersTheirTypesAndRegisters(String variant) {
        DwarfFunction f = fn(variant, "dt_ints");
        assertEquals(List.of("int a", "long int b", "unsigned char c", "short int d", "counter_t e", "enum level f"),
                f.parameters().stream().map(DwarfParameter::listing).toList());
        assertEquals(List.of(Type.Int.INT32, Type.Int.INT64, new Type.Int(1, false), new Type.Int(2, true), Type.Int.UINT64,
                new Type.Enum("level", 4, Map.of())), f.parameters().stream().map(DwarfParameter::type).toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), f.parameters().stream().map(DwarfParameter::register).toList());
        assertTrue(f.parameters().stream().allMatch(DwarfParameter::readable));
        assertEquals(Type.Int.INT32, f.returnType());
        assertEquals("int", f.returnTypeName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dwarf5", "dwarf4", "dwarf5z", "dwarf4z", "dwarf5O0"})
    void pointersAndStructMembers(String variant) {
        DwarfFunction s = fn(variant, "dt_str");
        assertEquals("const char* name", s.parameters().get(0).listing());
        Type.Pointer name = assertInstanceOf(Type.Pointer.class, s.parameters().get(0).type());
        assertEquals("const char", name.target());
        assertTrue(name.user());
        assertEquals(new Type.Int(1, true), name.pointee());

        DwarfFunction r = fn(variant, "dt_rec");
        assertEquals(List.of("struct record* rec", "char* buf"), r.parameters().stream().map(DwarfParameter::listing).toList());
        Type.Pointer rec = assertInstanceOf(Type.Pointer.class, r.parameters().get(0).type());
        assertEquals("struct record *", rec.display());
        Type.Struct record = assertInstanceOf(Type.Struct.class, rec.pointee());
        assertEquals("struct record", record.name());
        assertEquals(72, record.size());
        StructLayout l = record.layout();
        assertField(l, "id", Type.Int.INT64, 0, 0);
        assertField(l, "name", new Type.Str(16), 16 * 8, 0);
        assertField(l, "flags", Type.Int.UINT32, 48 * 8, 3);
        assertField(l, "mode", Type.Int.UINT32, 48 * 8 + 3, 5);
        assertField(l, "vals", new Type.Array(Type.Int.INT32, 4), 52 * 8, 0);
        assertField(l, "c", new Type.Int(1, true), 68 * 8, 0); // through the anonymous union
        Type.Struct point = assertInstanceOf(Type.Struct.class, l.find("pos").orElseThrow().type());
        assertField(point.layout(), "y", Type.Int.INT32, 32, 0);
        assertEquals(8 * 8, l.find("pos").orElseThrow().bitOffset());
        // struct record *next points back at the same struct
        Type.Pointer next = assertInstanceOf(Type.Pointer.class, l.find("next").orElseThrow().type());
        assertEquals(record, next.pointee());
        Type.Pointer label = assertInstanceOf(Type.Pointer.class, l.find("label").orElseThrow().type());
        assertEquals("const char", label.target());
    }

    /** An enum parameter is a Type.Enum with its enumerators; -1 (DW_FORM_sdata) is kept at the enum's 32 bits. */
    @ParameterizedTest
    @ValueSource(strings = {"dwarf5", "dwarf4", "dwarf5z", "dwarf4z", "dwarf5O0"})
    void enumParameterKeepsItsEnumerators(String variant) {
        DwarfFunction f = fn(variant, "dt_enum");
        assertEquals(List.of("enum color c", "int a"), f.parameters().stream().map(DwarfParameter::listing).toList());
        Type.Enum color = assertInstanceOf(Type.Enum.class, f.parameters().get(0).type());
        assertEquals("enum color", color.display());
        assertEquals(4, color.size());
        assertEquals(Map.of(0xFFFF_FFFFL, "NONE", 0L, "RED", 1L, "GREEN", 4L, "BLUE"), color.names());
        assertEquals("NONE", color.text(-1));
        assertEquals("3", color.text(3));
        assertEquals(0, f.parameters().get(0).register());
    }

    private static void assertField(StructLayout l, String name, Type type, long bitOffset, int bitSize) {
        StructLayout.Field f = l.find(name).orElseThrow(() -> new AssertionError("no member " + name));
        assertEquals(type, f.type(), name);
        assertEquals(bitOffset, f.bitOffset(), name + " offset");
        assertEquals(bitSize, f.bitSize(), name + " bits");
    }

    @Test
    void floatingPointArgumentsTakeNoIntegerRegister() {
        DwarfFunction f = fn("dwarf5", "dt_mixed");
        assertEquals(List.of("double x", "int a", "float y", "long int b"), f.parameters().stream().map(DwarfParameter::listing).toList());
        assertEquals(List.of(-1, 0, -1, 1), f.parameters().stream().map(DwarfParameter::register).toList());
        assertFalse(f.parameters().get(0).readable());
        assertNull(f.parameters().get(0).type());
        assertNull(f.returnType());
        assertEquals("double", f.returnTypeName());
    }

    @Test
    void structByValueMakesItAndLaterArgumentsUnreadable() {
        DwarfFunction f = fn("dwarf5", "dt_byval");
        assertEquals("struct point p", f.parameters().get(0).listing());
        assertTrue(f.parameters().get(0).unreadable().contains("passed by value"), f.parameters().get(0).unreadable());
        assertFalse(f.parameters().get(1).readable());
    }

    @Test
    void stackArgumentsCountOnAndReturnTypes() {
        DwarfFunction many = fn("dwarf4", "dt_many");
        assertEquals(7, many.parameters().size());
        assertEquals(6, many.parameters().get(6).register());
        DwarfFunction ret = fn("dwarf5", "dt_ret");
        Type.Pointer p = assertInstanceOf(Type.Pointer.class, ret.returnType());
        assertEquals("struct record", p.target());
        assertEquals("struct record*", ret.returnTypeName());
        assertEquals("void", fn("dwarf5", "die").returnTypeName());
        assertNull(fn("dwarf5", "die").returnType());
    }

    @Test
    void functionsAreIndexedAndUnknownOnesAbsent() {
        DebugInfo d = read("dwarf5");
        assertTrue(d.functionNames().containsAll(List.of("main", "dt_ints", "dt_rec", "die")), d.functionNames().toString());
        assertTrue(d.function("no_such_function").isEmpty());
        assertEquals(List.of(), fn("dwarf5", "main").parameters().stream().filter(p -> p.name().isEmpty()).toList());
    }

    @Test
    void fileWithoutDebugInfoIsEmpty() throws Exception {
        Path bin = CProgram.build("dwarf_target.c", "dwarf_target_nodebug", "-O1");
        ElfFile elf = ElfFile.read(bin);
        assertFalse(DebugInfo.present(elf));
        assertTrue(DebugInfo.read(elf).functionNames().isEmpty());
        assertNotNull(DebugInfo.read(elf));
    }
}
