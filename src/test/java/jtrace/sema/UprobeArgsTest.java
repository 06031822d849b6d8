package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.e2e.CProgram;
import jtrace.elf.ElfFile;
import jtrace.types.Type;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code args} and {@code args.NAME} of uprobes typed from the DWARF of src/test/c/dwarf_target.c. */
class UprobeArgsTest {
    private static Path bin;
    private static UprobeSignature.Source source;

    @BeforeAll
    static void build() throws Exception {
        bin = CProgram.dwarfTarget();
        source = new UprobeSignature.Source(ElfFile.read(bin));
    }

    private static ProbeTarget.Uprobe target(String function) {
        return new ProbeTarget.Uprobe("uprobe:" + bin + ":" + function, bin.toString(), function, 0x1000, false, -1, true,
                source.of(function));
    }

    private static Type field(String function, String name) {
        ProbeTarget.Uprobe u = target(function);
        Expr.Ident args = new Expr.Ident("args", new Span(0, 4));
        assertEquals(new Type.Args(u.name() + "_args"), UserProbeBuiltins.typeOf(args, u));
        return UserProbeBuiltins.field(new Expr.FieldAccess(args, name, false, new Span(0, 5 + name.length())), u);
    }

    @Test
    void parametersHaveTheirCTypes() {
        assertEquals(Type.Int.INT32, field("dt_ints", "a"));
        assertEquals(new Type.Int(1, false), field("dt_ints", "c"));
        assertEquals(new Type.Int(2, true), field("dt_ints", "d"));
        assertEquals(Type.Int.UINT64, field("dt_ints", "e"));
        Type.Pointer name = assertInstanceOf(Type.Pointer.class, field("dt_str", "name"));
        assertTrue(name.user());
        Type.Pointer rec = assertInstanceOf(Type.Pointer.class, field("dt_rec", "rec"));
        assertEquals("struct record", assertInstanceOf(Type.Struct.class, rec.pointee()).name());
        assertEquals(Type.Int.INT64, field("dt_mixed", "b"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dt_str|zz|does not contain a field named 'zz'",
            "dt_mixed|x|Can not read args.x (double): it is a floating-point value",
            "dt_byval|p|Can not read args.p (struct point): it is a struct point passed by value",
            "dt_byval|a|it follows 'p', passed by value",
            "dt_many|a1|'args' builtin is not supported for probes with stack-passed arguments."})
    void refused(String function, String name, String message) {
        CompileError e = assertThrows(CompileError.class, () -> field(function, name));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void probesAwayFromAnEntryHaveNoArgs() {
        ProbeTarget.Uprobe u = new ProbeTarget.Uprobe("uprobe:" + bin + ":dt_str+4", bin.toString(), "dt_str", 0x1004, false, -1, true);
        CompileError e = assertThrows(CompileError.class, () -> UserProbeBuiltins.typeOf(new Expr.Ident("args", new Span(0, 4)), u));
        assertTrue(e.getMessage().endsWith("args are only available at the entry of a function"), e.getMessage());
    }
}
