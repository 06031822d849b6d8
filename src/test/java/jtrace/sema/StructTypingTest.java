package jtrace.sema;

import jtrace.btf.Btf;
import jtrace.btf.BtfType;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * C types in scripts against a small hand-built BTF (a task_struct with pid, comm, parent and a
 * bitfield) and script-defined structs: the types expressions get, sizeof/offsetof values, and
 * the errors with bpftrace's messages.
 */
class StructTypingTest {
    static final Btf BTF = kernel();

    private static Btf kernel() {
        ByteArrayOutputStream types = new ByteArrayOutputStream(), strings = new ByteArrayOutputStream();
        strings.write(0);
        java.util.function.ToIntFunction<String> str = s -> {
            int off = strings.size();
            strings.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            strings.write(0);
            return off;
        };
        java.util.function.IntConsumer u32 = v -> types.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        int[] next = {1};
        java.util.function.Function<int[], Integer> type = w -> {
            for (int v : w) u32.accept(v);
            return next[0]++;
        };
        int i32 = type.apply(new int[]{str.applyAsInt("int"), BtfType.BTF_KIND_INT << 24, 4, 1 << 24 | 32});
        int pidT = type.apply(new int[]{str.applyAsInt("pid_t"), BtfType.BTF_KIND_TYPEDEF << 24, i32});
        int chr = type.apply(new int[]{str.applyAsInt("char"), BtfType.BTF_KIND_INT << 24, 1, 3 << 24 | 8});
        int comm = type.apply(new int[]{0, BtfType.BTF_KIND_ARRAY << 24, 0, chr, i32, 16});
        int fwd = type.apply(new int[]{str.applyAsInt("task_struct"), BtfType.BTF_KIND_FWD << 24, 0});
        int ptr = type.apply(new int[]{0, BtfType.BTF_KIND_PTR << 24, fwd});
        int u32t = type.apply(new int[]{str.applyAsInt("unsigned int"), BtfType.BTF_KIND_INT << 24, 4, 32});
        int arr = type.apply(new int[]{0, BtfType.BTF_KIND_ARRAY << 24, 0, u32t, i32, 4});
        type.apply(new int[]{str.applyAsInt("task_struct"), (BtfType.BTF_KIND_STRUCT << 24) | (1 << 31) | 6, 64,
                str.applyAsInt("pid"), pidT, 0, str.applyAsInt("comm"), comm, 32, str.applyAsInt("parent"), ptr, 192,
                str.applyAsInt("flag"), u32t, 1 << 24 | 258, str.applyAsInt("mode"), u32t, 3 << 24 | 259,
                str.applyAsInt("cpus"), arr, 320});
        type.apply(new int[]{str.applyAsInt("skb_drop_reason"), BtfType.BTF_KIND_ENUM << 24 | 2, 4,
                str.applyAsInt("SKB_NOT_DROPPED_YET"), 0, str.applyAsInt("SKB_DROP_REASON_NOT_SPECIFIED"), 2});
        byte[] t = types.toByteArray(), s = strings.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(24 + t.length + s.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0xeB9F).put((byte) 1).put((byte) 0).putInt(24).putInt(0).putInt(t.length).putInt(t.length)
                .putInt(s.length).put(t).put(s);
        try {
            return Btf.parse(b.array());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static CheckedProgram analyze(String text) {
        SourceFile src = new SourceFile("stdin", text);
        return new SemanticAnalyzer(new FakeTracepoints(), CompileOptions.defaults(), () -> BTF).analyze(src, Parser.parseScript(src));
    }

    static String error(String text) {
        SourceFile src = new SourceFile("stdin", text);
        CompileError e = assertThrows(CompileError.class, () -> analyze(text));
        return DiagnosticPrinter.error(src, e.span(), e.getMessage());
    }

    /** The type of {@code $x = EXPR} in BEGIN. */
    static Type typeOf(String preamble, String expr) {
        CheckedProbe p = analyze(preamble + " BEGIN { $x = " + expr + "; }").probes().getFirst();
        return p.variables().get("x");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "curtask | struct task_struct *",
            "curtask->pid | int32",
            "curtask.pid | int32",
            "curtask->comm | string[16]",
            "curtask->comm[1] | int8",
            "curtask->parent | struct task_struct *",
            "curtask->parent->parent->pid | int32",
            "((struct task_struct *)0)->pid | int32",
            "(*curtask).pid | int32",
            "curtask->flag | uint32",
            "curtask->mode | uint32",
            "curtask->cpus[3] | uint32",
            "sizeof(struct task_struct) | uint64",
            "(pid_t)1 | int32",
    })
    void kernelTypes(String expr, String type) {
        assertEquals(type, typeOf("", expr).display());
    }

    /** Pointers to pointers show every level, as C writes them: {@code int8 **}, not {@code int8 *}. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(int8 **)0 | int8 **",
            "*(int8 **)0 | int8 *",
            "(uint32 ***)0 | uint32 ***",
            "**(uint32 ***)0 | uint32 *",
            "(struct task_struct **)0 | struct task_struct **",
            "*(struct task_struct **)0 | struct task_struct *",
            "((struct pp *)0)->q | int32 **",
            "*((struct pp *)0)->q | int32 *",
    })
    void multiLevelPointers(String expr, String type) {
        assertEquals(type, typeOf("struct pp { int **q; };", expr).display());
    }

    /** As bpftrace (clang): only plain char arrays are strings; unsigned char, signed char and u8 arrays hold integers. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "((struct cs *)0)->a | string[4]",
            "((struct cs *)0)->b | uint8[6]",
            "((struct cs *)0)->c | int8[2]",
            "((struct cs *)0)->d | uint8[3]",
            "((struct cs *)0)->b[1] | uint8",
    })
    void onlyPlainCharArraysAreStrings(String expr, String type) {
        assertEquals(type, typeOf("struct cs { char a[4]; unsigned char b[6]; signed char c[2]; u8 d[3]; };", expr).display());
    }

    @Test
    void multiLevelPointerInAnError() {
        assertEquals("stdin:1:31-39: ERROR: Type mismatch for '+': comparing 'int8 **' with 'string[2]'\n"
                + "BEGIN { $p = (int8 **)0; $q = $p + \"a\"; }\n" + " ".repeat(30) + "~~~~~~~~\n",
                error("BEGIN { $p = (int8 **)0; $q = $p + \"a\"; }"));
    }

    @Test
    void constantsFromBtfAndScriptStructs() {
        CheckedProbe p = analyze("struct rec { char a; int b; short c[3]; long d; unsigned int e:3, f:5; char name[5]; };"
                        + " BEGIN { @ = (sizeof(struct task_struct), offsetof(struct task_struct, cpus),"
                        + " sizeof(struct rec), offsetof(struct rec, b), offsetof(struct rec, d), offsetof(struct rec, name)); }")
                .probes().getFirst();
        Type.Tuple t = (Type.Tuple) p.types().entrySet().stream().filter(e -> e.getKey() instanceof jtrace.ast.Expr.Tuple)
                .findFirst().orElseThrow().getValue();
        assertEquals(6, t.elements().size());
        java.util.List<Long> values = p.constants().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.getKey().span().start())).map(java.util.Map.Entry::getValue).toList();
        // rec as gcc lays it out: a@0, b@4, c@8 (6 bytes), d@16, e/f in the int at 24, name@25, size 32
        assertEquals(java.util.List.of(64L, 40L, 32L, 4L, 16L, 25L), values);
    }

    @Test
    void scriptStructBitfieldsAndNesting() {
        Type.Struct rec = (Type.Struct) ((Type.Pointer) typeOf(
                "struct in { u8 x; u64 y; }; struct rec { unsigned int e:3, f:30; struct in i; struct rec2 *p; };",
                "(struct rec *)0")).pointee();
        assertEquals(32, rec.size()); // as gcc: e/f in one int, i at 8 (16 bytes), p at 24
        // f does not fit in the rest of e's int, so it starts the next one, as gcc places it
        assertEquals(32L, rec.layout().find("f").orElseThrow().bitOffset());
        assertEquals(30, rec.layout().find("f").orElseThrow().bitSize());
        assertEquals(64L, rec.layout().find("i").orElseThrow().bitOffset());
        assertEquals(192L, rec.layout().find("p").orElseThrow().bitOffset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { $x = (struct nope *)0; } | stdin:1:14-30: ERROR: Cannot resolve unknown type \"struct nope\"",
            "BEGIN { $x = curtask->nope; } | stdin:1:14-27: ERROR: Struct/union of type 'struct task_struct' does not contain a field named 'nope'",
            "BEGIN { $x = sizeof(struct nope); } | stdin:1:14-33: ERROR: Cannot resolve unknown type \"struct nope\"",
            "BEGIN { $x = offsetof(struct task_struct, nope); } | stdin:1:43-47: ERROR: 'struct task_struct' has no field named 'nope'",
            "BEGIN { $x = (struct task_struct *)\"s\"; } | stdin:1:14-39: ERROR: Cannot cast from \"string[2]\" to \"struct task_struct *\"",
    })
    void errors(String program, String message) {
        assertEquals(message, error(program).lines().findFirst().orElseThrow());
    }

    @Test
    void enumeratorsAreConstants() {
        CheckedProbe p = analyze("BEGIN { $x = SKB_DROP_REASON_NOT_SPECIFIED + SKB_NOT_DROPPED_YET; }").probes().getFirst();
        // Arithmetic on enums gives an integer; enums are unsigned, as bpftrace has them.
        assertEquals("uint64", p.variables().get("x").display());
        assertEquals(java.util.List.of(2L, 0L), p.constants().entrySet().stream()
                .sorted(java.util.Comparator.comparingInt(e -> e.getKey().span().start())).map(java.util.Map.Entry::getValue).toList());
        assertEquals("stdin:1:14-26: ERROR: Unknown identifier: 'SKB_NOPE_XYZ'",
                error("BEGIN { $x = SKB_NOPE_XYZ; }").lines().findFirst().orElseThrow());
    }

    /** Enumerators, casts to enums and struct members of enum type are typed as their enum (bpftrace prints their names). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | SKB_DROP_REASON_NOT_SPECIFIED | enum skb_drop_reason | 8",
            "'' | (enum skb_drop_reason)2 | enum skb_drop_reason | 4",
            "'' | SKB_NOT_DROPPED_YET == 0 | bool | 1",
            "'' | SKB_NOT_DROPPED_YET * 2 | uint64 | 8",
            "enum Color { RED = 1, GREEN }; | GREEN | enum Color | 8",
            "enum { A = -1, B }; | B | enum (anonymous) | 8",
            "enum Color { RED }; struct s { enum Color c; }; | ((struct s *)0)->c | enum Color | 4",
            "enum Color { RED }; | (RED, 1) | (enum Color, int64) | 16",
    })
    void enumTypes(String preamble, String expr, String type, int size) {
        Type t = typeOf(preamble, expr);
        assertEquals(type, t.display());
        assertEquals(size, t instanceof Type.Tuple tu ? tu.size() : t.size());
    }

    @Test
    void enumNamesComeFromTheirDefinition() {
        Type.Enum e = (Type.Enum) typeOf("enum Color { RED = 1, GREEN, BLUE = 0x10, CYAN = 1 };", "(enum Color)1");
        assertEquals(java.util.Map.of(1L, "RED", 2L, "GREEN", 16L, "BLUE"), e.names());
        assertEquals("SKB_DROP_REASON_NOT_SPECIFIED", ((Type.Enum) typeOf("", "SKB_DROP_REASON_NOT_SPECIFIED")).text(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { $x = (enum nope)1; } | stdin:1:14-26: ERROR: Unknown enum: nope",
            "enum Color { RED = 1 }; BEGIN { $x = (enum Color)5; } | stdin:1:38-51: ERROR: Enum: Color doesn't contain a variant value of 5",
            "BEGIN { $x = (enum skb_drop_reason)1; } | stdin:1:14-37: ERROR: Enum: skb_drop_reason doesn't contain a variant value of 1",
            "enum Color { RED = x }; BEGIN { } | stdin:1:1-24: ERROR: jtrace cannot read this enum definition: cannot read enumerator 'RED = x'",
    })
    void enumErrors(String program, String message) {
        assertEquals(message, error(program).lines().findFirst().orElseThrow());
    }

    /** Pointer arithmetic keeps the pointer type; its step (the pointee's size) is resolved for code generation. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "curtask + 1 | struct task_struct * | 64",
            "2 + curtask | struct task_struct * | 64",
            "curtask - 1 | struct task_struct * | 64",
            "(uint32 *)0 + 1 | uint32 * | 4",
            "(int8 **)0 + 1 | int8 ** | 8",
            "(void *)0 + 1 | void * | 0",
    })
    void pointerArithmetic(String expr, String type, int step) {
        Type t = typeOf("", expr);
        assertEquals(type, t.display());
        Type pointee = ((Type.Pointer) t).pointee();
        assertEquals(step, pointee == null ? 0 : pointee.size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { $x = curtask - curtask; } | stdin:1:14-31: ERROR: The - operator can not be used on two pointers ('struct task_struct *' and 'struct task_struct *'): pointer arithmetic takes a pointer and an integer",
            "BEGIN { $x = 1 - curtask; } | stdin:1:14-25: ERROR: The - operator can not take a pointer on its right side ('struct task_struct *'): subtract an integer from a pointer instead",
            "struct big { char a[40000]; } BEGIN { $x = *(struct big *)0; } | stdin:1:44-60: ERROR: Value of type 'struct big' is too large (40000 bytes): jtrace holds struct and array values of at most 32768 bytes; read its members instead",
            "BEGIN { printf(\"%s\", *curtask); } | stdin:1:9-31: ERROR: printf: can not print a value of type struct task_struct",
    })
    void pointerAndValueErrors(String program, String message) {
        assertEquals(message, error(program.replace("\\\"", "\"")).lines().findFirst().orElseThrow());
    }

    /** Whole struct and array values are values like any other: variables, map values and keys, print. */
    @Test
    void structValues() {
        CheckedProbe p = analyze("struct rec { int a; char b[4]; } BEGIN { $s = *curtask; $r = *(struct rec *)0; @m[$r] = $s;"
                + " $c = curtask->cpus; print($r); print($s.pid); }").probes().getFirst();
        assertEquals("struct task_struct", p.variables().get("s").display());
        assertEquals("struct rec", p.variables().get("r").display());
        assertEquals("uint32[4]", p.variables().get("c").display());
    }

    /** Includes are not read: a struct BTF lacks says why it is not found. */
    @Test
    void includesAreNotRead() {
        assertEquals("stdin:2:14-30: ERROR: Cannot resolve unknown type \"struct nope\" (jtrace takes kernel types from BTF and does not read #include headers)",
                error("#include <linux/sched.h>\nBEGIN { $x = (struct nope *)0; }").lines().findFirst().orElseThrow());
        assertEquals("int32", typeOf("#include <linux/sched.h>\n", "curtask->pid").display());
    }

}
