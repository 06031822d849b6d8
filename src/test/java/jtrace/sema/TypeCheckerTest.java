package jtrace.sema;

import jtrace.ast.Stmt;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Semantic analysis of whole programs against {@link FakeTracepoints}: the types expressions get,
 * map types inferred across probes, and every error as {@link DiagnosticPrinter} prints it.
 * Cases marked "0.17" print exactly what bpftrace 0.17 prints.
 */
class TypeCheckerTest {
    private static final String EXIT_READ = "tracepoint:syscalls:sys_exit_read";
    private static final String OPENAT = "tracepoint:syscalls:sys_enter_openat";
    private static final String SWITCH = "tracepoint:sched:sched_switch";

    static CheckedProgram analyze(String text, CompileOptions options) {
        SourceFile src = new SourceFile("stdin", text);
        return new SemanticAnalyzer(new FakeTracepoints(), options).analyze(src, Parser.parse(src));
    }

    static CheckedProgram analyze(String text) { return analyze(text, CompileOptions.defaults()); }

    /** The diagnostic the program fails with, as jtrace prints it. */
    static String error(String text, CompileOptions options) {
        SourceFile src = new SourceFile("stdin", text);
        CompileError e = assertThrows(CompileError.class,
                () -> new SemanticAnalyzer(new FakeTracepoints(), options).analyze(src, Parser.parse(src)),
                () -> "expected a compile error for: " + text);
        return DiagnosticPrinter.error(src, e.span(), e.getMessage());
    }

    static String error(String text) { return error(text, CompileOptions.defaults()); }

    // ---- types of expressions ----

    static Stream<Arguments> expressionTypes() {
        return Stream.of(
                // probe, expression, type display
                Arguments.of("BEGIN", "pid", "uint32"),
                Arguments.of("BEGIN", "tid", "uint32"),
                Arguments.of("BEGIN", "uid", "uint32"),
                Arguments.of("BEGIN", "cpu", "uint32"),
                Arguments.of("BEGIN", "nsecs", "uint64"),
                Arguments.of("BEGIN", "elapsed", "uint64"),
                Arguments.of("BEGIN", "comm", "string[16]"),
                Arguments.of("BEGIN", "probe", "string[6]"),
                Arguments.of(EXIT_READ, "probe", "string[34]"),
                Arguments.of("BEGIN", "1", "int64"),
                Arguments.of("BEGIN", "0xffffffffffffffff", "uint64"),
                Arguments.of("BEGIN", "\"abc\"", "string[4]"),
                Arguments.of("BEGIN", "\"\"", "string[1]"),
                Arguments.of("BEGIN", "true", "bool"),
                Arguments.of("BEGIN", "1 + 2", "int64"),
                Arguments.of("BEGIN", "pid + 1", "uint64"),
                Arguments.of("BEGIN", "pid * pid", "uint64"),
                Arguments.of("BEGIN", "-pid", "int64"),
                Arguments.of("BEGIN", "~1", "int64"),
                Arguments.of("BEGIN", "1 < 2", "bool"),
                Arguments.of("BEGIN", "pid == 1", "bool"),
                Arguments.of("BEGIN", "comm == \"bash\"", "bool"),
                Arguments.of("BEGIN", "comm != \"bash\"", "bool"),
                Arguments.of("BEGIN", "1 && 0", "bool"),
                Arguments.of("BEGIN", "!pid", "bool"),
                Arguments.of("BEGIN", "pid > 1 ? 1 : 2", "int64"),
                Arguments.of("BEGIN", "pid > 1 ? \"a\" : \"bcd\"", "string[4]"),
                Arguments.of("BEGIN", "(1, \"ab\")", "(int64, string[3])"),
                Arguments.of("BEGIN", "(pid, comm)", "(uint64, string[16])"),
                Arguments.of("BEGIN", "(uint8)300", "uint8"),
                Arguments.of("BEGIN", "(int32)-1", "int32"),
                Arguments.of("BEGIN", "sizeof(uint16)", "uint64"),
                Arguments.of("BEGIN", "$#", "int64"),
                Arguments.of(EXIT_READ, "args.ret", "int64"),
                Arguments.of(EXIT_READ, "args->ret", "int64"),
                Arguments.of(EXIT_READ, "args.__syscall_nr", "int32"),
                Arguments.of(EXIT_READ, "args.ret > 0", "bool"),
                Arguments.of(OPENAT, "args.filename", "const char *"),
                Arguments.of(OPENAT, "args.dfd", "uint64"),
                Arguments.of(OPENAT, "str(args.filename)", "string[1024]"),
                Arguments.of(OPENAT, "str(args.filename, 10)", "string[11]"),
                Arguments.of(OPENAT, "str(args.filename, 1000)", "string[1001]"),
                Arguments.of(OPENAT, "str(args.filename, 2000)", "string[1024]"),
                Arguments.of(SWITCH, "args.prev_comm", "string[16]"),
                Arguments.of(SWITCH, "args.next_pid", "int32"),
                Arguments.of(SWITCH, "args.prev_state", "int64"),
                Arguments.of("tracepoint:sched:sched_process_exec", "args.filename", "string[1024]"),
                Arguments.of("tracepoint:sched:sched_process_exec", "str(args.filename)", "string[1024]"));
    }

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @MethodSource("expressionTypes")
    void typeOfExpression(String probe, String expr, String display) {
        CheckedProgram p = analyze(probe + " { $v = " + expr + "; }");
        assertEquals(display, p.probes().getFirst().variables().get("v").display());
    }

    @Test
    void maxStrlenSizesStringsFromPointers() {
        CheckedProgram p = analyze(OPENAT + " { $v = str(args.filename); $w = str(args.filename, 10); }",
                new CompileOptions(8, 4096, List.of()));
        assertEquals(new Type.Str(8), p.probes().getFirst().variables().get("v"));
        assertEquals(new Type.Str(8), p.probes().getFirst().variables().get("w"));
    }

    @Test
    void positionalParametersTypedByTheirText() {
        CheckedProgram p = analyze("BEGIN { $a = $1; $b = $2; $c = $3; $n = $#; }",
                new CompileOptions(64, 4096, List.of("42", "hello")));
        var vars = p.probes().getFirst().variables();
        assertEquals(Type.Int.INT64, vars.get("a"));
        assertEquals(new Type.Str(6), vars.get("b"));
        assertEquals(Type.Int.INT64, vars.get("c"), "a missing parameter reads as 0");
        assertEquals(Type.Int.INT64, vars.get("n"));
    }

    /** softirqstat.bt's unroll($1): the count folds from a numeric parameter; text or 0 is refused. */
    @Test
    void unrollCountFoldsFromAPositionalParameter() {
        CheckedProgram p = analyze("BEGIN { unroll($1 + 1) { } }", new CompileOptions(64, 4096, List.of("4")));
        Stmt.Unroll u = (Stmt.Unroll) p.probes().getFirst().ast().body().stmts().getFirst();
        assertEquals(5L, p.probes().getFirst().constant(u.count()));
        assertEquals("stdin:1:16-18: ERROR: unroll maximum value is 100 and minimum is 1\n"
                + "BEGIN { unroll($1) { } }\n"
                + "               ~~\n", error("BEGIN { unroll($1) { } }", new CompileOptions(64, 4096, List.of("x"))));
        assertEquals("stdin:1:16-18: ERROR: unroll maximum value is 100 and minimum is 1\n"
                + "BEGIN { unroll($1) { } }\n"
                + "               ~~\n", error("BEGIN { unroll($1) { } }", new CompileOptions(64, 4096, List.of())));
    }

    @Test
    void variableWidensToTheLargerString() {
        CheckedProgram p = analyze("BEGIN { $s = \"a\"; $s = \"abcdef\"; }");
        assertEquals(new Type.Str(7), p.probes().getFirst().variables().get("s"));
    }

    @Test
    void probeBodyCheckedOncePerTarget() {
        CheckedProgram p = analyze("tracepoint:syscalls:sys_enter_* { @[probe] = count(); }");
        assertEquals(List.of("tracepoint:syscalls:sys_enter_openat", "tracepoint:syscalls:sys_enter_read"),
                p.probes().stream().map(c -> c.target().name()).toList());
        // The key is as wide as the longest probe name any target gives.
        assertEquals(List.of(new Type.Str("tracepoint:syscalls:sys_enter_openat".length() + 1)), p.maps().get("@").keys());
    }

    @Test
    void sameFieldNameDiffersBetweenTargets() {
        // filename is a pointer in one tracepoint and a __data_loc string in the other.
        CheckedProgram p = analyze(OPENAT + ", tracepoint:sched:sched_process_exec { $f = args.filename; }");
        assertEquals(2, p.probes().size());
        assertInstanceOf(Type.Pointer.class, p.probes().get(0).variables().get("f"));
        assertEquals(new Type.Str(1024), p.probes().get(1).variables().get("f"));
    }

    // ---- map types ----

    static Stream<Arguments> mapTypes() {
        return Stream.of(
                // program, map, key displays, value display
                Arguments.of("BEGIN { @a = 1; }", "@a", "[]", "int64"),
                Arguments.of("BEGIN { @a = pid; }", "@a", "[]", "uint32"),
                Arguments.of("BEGIN { @a[pid] = 1; }", "@a", "[uint64]", "int64"),
                Arguments.of("BEGIN { @a[1, \"x\"] = \"s\"; }", "@a", "[int64, string[2]]", "string[2]"),
                // language.md, Map Keys: @a[(k1, k2)] is the same key as @a[k1, k2]
                Arguments.of("BEGIN { @a[(1, \"x\")] = 1; }", "@a", "[int64, string[2]]", "int64"),
                Arguments.of("BEGIN { $t = (1, \"x\"); @a[$t] = 1; }", "@a", "[(int64, string[2])]", "int64"),
                Arguments.of("BEGIN { @a[comm] = count(); }", "@a", "[string[16]]", "count_t"),
                Arguments.of("BEGIN { @a = sum(5); }", "@a", "[]", "sum_t"),
                Arguments.of("BEGIN { @a = hist(5); }", "@a", "[]", "hist_t"),
                Arguments.of("BEGIN { @a = lhist(5, 0, 100, 10); }", "@a", "[]", "lhist_t"),
                Arguments.of("BEGIN { @a = stats(5); }", "@a", "[]", "stats_t"),
                Arguments.of("BEGIN { @a++; }", "@a", "[]", "int64"),
                Arguments.of("BEGIN { @a[1] += 5; }", "@a", "[int64]", "int64"),
                Arguments.of("BEGIN { @a[\"x\"] = \"a\"; @a[\"yyyy\"] = \"bbbbbb\"; }", "@a", "[string[5]]", "string[7]"),
                Arguments.of("BEGIN { @a = 1; @a = pid; }", "@a", "[]", "int64"),
                // Read in an earlier probe, typed by a later one.
                Arguments.of("BEGIN { printf(\"%d\\n\", @late[\"k\"]); } END { @late[comm] = 5; }", "@late", "[string[16]]", "int64"),
                Arguments.of("BEGIN { $x = @c; } END { @c = count(); }", "@c", "[]", "count_t"),
                Arguments.of(EXIT_READ + " { @bytes[comm] = sum(args.ret); } END { print(@bytes); }", "@bytes", "[string[16]]", "sum_t"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mapTypes")
    void mapTypesInferred(String program, String map, String keys, String value) {
        MapInfo info = analyze(program).maps().get(map);
        assertEquals(keys, info.keys().stream().map(Type::display).toList().toString());
        assertEquals(value, info.value().display());
    }

    @Test
    void readBeforeAssignmentGetsTheLaterType() {
        CheckedProgram p = analyze("BEGIN { $x = @late[1]; } END { @late[2] = \"abc\"; }");
        assertEquals(new Type.Str(4), p.probes().getFirst().variables().get("x"));
    }

    @Test
    void countReadsAsUnsigned() {
        CheckedProgram p = analyze("BEGIN { @c = count(); $x = @c; }");
        assertEquals(Type.Int.UINT64, p.probes().getFirst().variables().get("x"));
    }

    @Test
    void onlyBeginEndDetected() {
        assertTrue(analyze("BEGIN { } END { }").onlyBeginEnd());
        assertEquals(false, analyze("BEGIN { } " + EXIT_READ + " { }").onlyBeginEnd());
    }

    // ---- errors ----

    static Stream<Arguments> errors() {
        return Stream.of(
                // jtrace's wording: an integer needs a cast to a pointer before *
                Arguments.of("BEGIN { $x = 1; print(*$x); }",
                        "stdin:1:23-26: ERROR: Can not dereference a value of type 'int64': cast it to a pointer first, e.g. *(uint64 *)x\n"
                                + "BEGIN { $x = 1; print(*$x); }\n"
                                + "                      ~~~\n"),
                // 0.17
                Arguments.of("BEGIN { $x = foo; }",
                        "stdin:1:14-17: ERROR: Unknown identifier: 'foo'\n"
                                + "BEGIN { $x = foo; }\n"
                                + "             ~~~\n"),
                // 0.17
                Arguments.of("BEGIN { foo(); }",
                        "stdin:1:9-12: ERROR: Unknown function: foo\n"
                                + "BEGIN { foo(); }\n"
                                + "        ~~~\n"),
                // 0.17
                Arguments.of("BEGIN { $x = $y; }",
                        "stdin:1:14-16: ERROR: Undefined or undeclared variable: $y\n"
                                + "BEGIN { $x = $y; }\n"
                                + "             ~~\n"),
                Arguments.of("BEGIN { $y++; }",
                        "stdin:1:9-11: ERROR: Undefined or undeclared variable: $y\n"
                                + "BEGIN { $y++; }\n"
                                + "        ~~\n"),
                Arguments.of("BEGIN { $y += 1; }",
                        "stdin:1:9-11: ERROR: Undefined or undeclared variable: $y\n"
                                + "BEGIN { $y += 1; }\n"
                                + "        ~~\n"),
                // 0.17 (which drops the closing quote after the old type)
                Arguments.of("BEGIN { @a = 1; @a = \"abc\"; }",
                        "stdin:1:17-19: ERROR: Type mismatch for @a: trying to assign value of type 'string[4]' "
                                + "when map already contains a value of type 'int64'\n"
                                + "BEGIN { @a = 1; @a = \"abc\"; }\n"
                                + "                ~~\n"),
                // Across probes: the later assignment is the one reported.
                Arguments.of("BEGIN { @a = \"x\"; } END { @a = 2; }",
                        "stdin:1:27-29: ERROR: Type mismatch for @a: trying to assign value of type 'int64' "
                                + "when map already contains a value of type 'string[2]'\n"
                                + "BEGIN { @a = \"x\"; } END { @a = 2; }\n"
                                + "                          ~~\n"),
                // 0.17 calls the literal's type 'unsigned int64'.
                Arguments.of("BEGIN { @a[1] = 1; @a[\"x\"] = 2; }",
                        "stdin:1:20-27: ERROR: Argument mismatch for @a: trying to access with arguments: [string[2]] "
                                + "when map expects arguments: [int64]\n"
                                + "BEGIN { @a[1] = 1; @a[\"x\"] = 2; }\n"
                                + "                   ~~~~~~~\n"),
                Arguments.of("BEGIN { @a = 1; } END { @a[1] = 2; }",
                        "stdin:1:25-30: ERROR: Argument mismatch for @a: trying to access with arguments: [int64] "
                                + "when map expects arguments: []\n"
                                + "BEGIN { @a = 1; } END { @a[1] = 2; }\n"
                                + "                        ~~~~~\n"),
                Arguments.of("BEGIN { @a[1, 2] = 1; $x = @a[1]; }",
                        "stdin:1:28-33: ERROR: Argument mismatch for @a: trying to access with arguments: [int64] "
                                + "when map expects arguments: [int64, int64]\n"
                                + "BEGIN { @a[1, 2] = 1; $x = @a[1]; }\n"
                                + "                           ~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { $x = \"abc\" + 1; }",
                        "stdin:1:14-23: ERROR: Type mismatch for '+': comparing 'string[4]' with 'int64'\n"
                                + "BEGIN { $x = \"abc\" + 1; }\n"
                                + "             ~~~~~~~~~\n"),
                Arguments.of("BEGIN { $x = comm * 2; }",
                        "stdin:1:14-22: ERROR: Type mismatch for '*': comparing 'string[16]' with 'int64'\n"
                                + "BEGIN { $x = comm * 2; }\n"
                                + "             ~~~~~~~~\n"),
                Arguments.of("BEGIN { $x = comm < \"a\"; }",
                        "stdin:1:14-24: ERROR: Type mismatch for '<': comparing 'string[16]' with 'string[2]'\n"
                                + "BEGIN { $x = comm < \"a\"; }\n"
                                + "             ~~~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { $x = -\"a\"; }",
                        "stdin:1:14-15: ERROR: The - operator can not be used on expressions of type 'string[2]'\n"
                                + "BEGIN { $x = -\"a\"; }\n"
                                + "             ~\n"),
                // 0.17 (which drops the closing quote after count_t's name, which it calls 'count')
                Arguments.of("BEGIN { @a = count(); @a = 1; }",
                        "stdin:1:23-25: ERROR: Type mismatch for @a: trying to assign value of type 'int64' "
                                + "when map already contains a value of type 'count_t'\n"
                                + "BEGIN { @a = count(); @a = 1; }\n"
                                + "                      ~~\n"),
                Arguments.of("BEGIN { @a = 1; @a = count(); }",
                        "stdin:1:17-19: ERROR: Type mismatch for @a: trying to assign value of type 'count_t' "
                                + "when map already contains a value of type 'int64'\n"
                                + "BEGIN { @a = 1; @a = count(); }\n"
                                + "                ~~\n"),
                Arguments.of("BEGIN { @a = count(); @a = sum(1); }",
                        "stdin:1:23-25: ERROR: Type mismatch for @a: trying to assign value of type 'sum_t' "
                                + "when map already contains a value of type 'count_t'\n"
                                + "BEGIN { @a = count(); @a = sum(1); }\n"
                                + "                      ~~\n"),
                // 0.17 capitalises "Not"/"Too".
                Arguments.of("BEGIN { printf(\"%d %d\\n\", 1); }",
                        "stdin:1:9-29: ERROR: printf: not enough arguments for format string (1 supplied, 2 expected)\n"
                                + "BEGIN { printf(\"%d %d\\n\", 1); }\n"
                                + "        ~~~~~~~~~~~~~~~~~~~~\n"),
                Arguments.of("BEGIN { printf(\"%d\\n\", 1, 2); }",
                        "stdin:1:9-29: ERROR: printf: too many arguments for format string (2 supplied, 1 expected)\n"
                                + "BEGIN { printf(\"%d\\n\", 1, 2); }\n"
                                + "        ~~~~~~~~~~~~~~~~~~~~\n"),
                // 0.17: "printf: %d specifier expects a value of type integer (string supplied)"
                Arguments.of("BEGIN { printf(\"%d\\n\", \"abc\"); }",
                        "stdin:1:9-30: ERROR: printf: unsupported format specifier for type 'string[4]': d\n"
                                + "BEGIN { printf(\"%d\\n\", \"abc\"); }\n"
                                + "        ~~~~~~~~~~~~~~~~~~~~~\n"),
                Arguments.of("BEGIN { @c = count(); printf(\"%d\\n\", @c[1]); }",
                        "stdin:1:38-43: ERROR: Argument mismatch for @c: trying to access with arguments: [int64] "
                                + "when map expects arguments: []\n"
                                + "BEGIN { @c = count(); printf(\"%d\\n\", @c[1]); }\n"
                                + "                                     ~~~~~\n"),
                Arguments.of("BEGIN { printf(\"%d\\n\", (1, 2)); }",
                        "stdin:1:9-31: ERROR: printf: can not print a value of type (int64, int64)\n"
                                + "BEGIN { printf(\"%d\\n\", (1, 2)); }\n"
                                + "        ~~~~~~~~~~~~~~~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { printf(); }",
                        "stdin:1:9-17: ERROR: printf() requires at least one argument (0 provided)\n"
                                + "BEGIN { printf(); }\n"
                                + "        ~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { printf(1); }",
                        "stdin:1:9-18: ERROR: printf() expects a string literal (integer provided)\n"
                                + "BEGIN { printf(1); }\n"
                                + "        ~~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { @a = count(1); }",
                        "stdin:1:14-22: ERROR: count() requires no arguments (1 provided)\n"
                                + "BEGIN { @a = count(1); }\n"
                                + "             ~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { @a = sum(); }",
                        "stdin:1:14-19: ERROR: sum() requires one argument (0 provided)\n"
                                + "BEGIN { @a = sum(); }\n"
                                + "             ~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { @a = sum(1, 2); }",
                        "stdin:1:14-23: ERROR: sum() requires one argument (2 provided)\n"
                                + "BEGIN { @a = sum(1, 2); }\n"
                                + "             ~~~~~~~~~\n"),
                Arguments.of("BEGIN { @a = sum(\"x\"); }",
                        "stdin:1:18-21: ERROR: sum() expects an integer (string[2] provided)\n"
                                + "BEGIN { @a = sum(\"x\"); }\n"
                                + "                 ~~~\n"),
                // 0.17
                Arguments.of("BEGIN { count(); }",
                        "stdin:1:9-16: ERROR: count() should be directly assigned to a map\n"
                                + "BEGIN { count(); }\n"
                                + "        ~~~~~~~\n"),
                Arguments.of("BEGIN { $x = count(); }",
                        "stdin:1:14-21: ERROR: count() should be directly assigned to a map\n"
                                + "BEGIN { $x = count(); }\n"
                                + "             ~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { @a = lhist(1, 10, 0, 1); }",
                        "stdin:1:14-32: ERROR: lhist() min must be less than max (provided min 10 and max 0)\n"
                                + "BEGIN { @a = lhist(1, 10, 0, 1); }\n"
                                + "             ~~~~~~~~~~~~~~~~~~\n"),
                // 0.17 says "...with tracepoint/kfunc/uprobeprobes (special used here)".
                Arguments.of("BEGIN { $x = args.ret; }",
                        "stdin:1:14-18: ERROR: The args builtin can only be used with tracepoint probes (begin used here)\n"
                                + "BEGIN { $x = args.ret; }\n"
                                + "             ~~~~\n"),
                Arguments.of("END { $x = args; }",
                        "stdin:1:12-16: ERROR: The args builtin can only be used with tracepoint probes (end used here)\n"
                                + "END { $x = args; }\n"
                                + "           ~~~~\n"),
                Arguments.of("BEGIN { $x = arg0; }",
                        "stdin:1:14-18: ERROR: The arg0 builtin can not be used with begin probes\n"
                                + "BEGIN { $x = arg0; }\n"
                                + "             ~~~~\n"),
                // 0.17: "Can not access field 'foo' on type '(ctx) struct _tracepoint_syscalls_sys_exit_read *'. ..."
                Arguments.of(EXIT_READ + " { $x = args.foo; }",
                        "stdin:1:42-50: ERROR: Struct/union of type 'struct _tracepoint_syscalls_sys_exit_read' "
                                + "does not contain a field named 'foo'\n"
                                + EXIT_READ + " { $x = args.foo; }\n"
                                + "                                         ~~~~~~~~\n"),
                // A tracepoint named exactly that does not exist: a missing probe (bpftrace 0.24).
                Arguments.of("tracepoint:syscalls:sys_nope { }",
                        "stdin:1:1-29: ERROR: Tracepoint not found: syscalls:sys_nope\n"
                                + "tracepoint:syscalls:sys_nope { }\n"
                                + "~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
                                + "HINT: If this is expected, set the 'missing_probes' config variable to 'warn' or 'ignore'.\n"),
                // 0.17 underlines from the space before the second BEGIN (1:10-16).
                Arguments.of("BEGIN { } BEGIN { }",
                        "stdin:1:11-16: ERROR: More than one BEGIN probe defined\n"
                                + "BEGIN { } BEGIN { }\n"
                                + "          ~~~~~\n"),
                Arguments.of("END { } END { }",
                        "stdin:1:9-12: ERROR: More than one END probe defined\n"
                                + "END { } END { }\n"
                                + "        ~~~\n"),
                // kprobes compile now and fail at attach on a kernel without them: KernelProbeTest, KernelProbesE2ETest.
                Arguments.of("nosuch:x { }",
                        "stdin:1:1-9: ERROR: Invalid probe type: nosuch\n"
                                + "nosuch:x { }\n"
                                + "~~~~~~~~\n"),
                // stdlib.md, kstack: kstack() and kstack(3) are different stack types; bpftrace names them by mode and depth.
                Arguments.of("BEGIN { @[kstack()] = count(); @[kstack(3)] = count(); }",
                        "stdin:1:32-44: ERROR: Argument mismatch for @: trying to access with arguments: [stack_bpftrace_3] "
                                + "when map expects arguments: [stack_bpftrace_127]\n"
                                + "BEGIN { @[kstack()] = count(); @[kstack(3)] = count(); }\n"
                                + "                               ~~~~~~~~~~~~\n"),
                // The manual's Data Types example: no integer type holds both a uint64 and an int64.
                Arguments.of("BEGIN { $c = (uint64)1; $d = (int64)-1; $c = $d; }",
                        "stdin:1:41-43: ERROR: Type mismatch for $c: trying to assign value of type 'int64' "
                                + "when variable already contains a value of type 'uint64'\n"
                                + "BEGIN { $c = (uint64)1; $d = (int64)-1; $c = $d; }\n"
                                + "                                        ~~\n"),
                Arguments.of("BEGIN { $c = nsecs; $c = -1; }",
                        "stdin:1:21-23: ERROR: Type mismatch for $c: trying to assign value of type 'int8' "
                                + "when variable already contains a value of type 'uint64'\n"
                                + "BEGIN { $c = nsecs; $c = -1; }\n"
                                + "                    ~~\n"),
                Arguments.of("BEGIN { @c = (int64)-1; @c = (uint64)1; }",
                        "stdin:1:25-27: ERROR: Type mismatch for @c: trying to assign value of type 'uint64' "
                                + "when map already contains a value of type 'int64'\n"
                                + "BEGIN { @c = (int64)-1; @c = (uint64)1; }\n"
                                + "                        ~~\n"),
                // 0.17 puts the error at the value (1:20-21); jtrace at the variable.
                Arguments.of("BEGIN { $x = 1; $x = \"a\"; }",
                        "stdin:1:17-19: ERROR: Type mismatch for $x: trying to assign value of type 'string[2]' "
                                + "when variable already contains a value of type 'int64'\n"
                                + "BEGIN { $x = 1; $x = \"a\"; }\n"
                                + "                ~~\n"),
                // 0.17 says "Invalid condition in if(): string" with no position.
                Arguments.of("BEGIN { if (\"a\") { } }",
                        "stdin:1:13-16: ERROR: Invalid condition in if(): string[2]\n"
                                + "BEGIN { if (\"a\") { } }\n"
                                + "            ~~~\n"),
                Arguments.of("BEGIN /comm/ { }",
                        "stdin:1:8-12: ERROR: Invalid type for predicate: string[16]\n"
                                + "BEGIN /comm/ { }\n"
                                + "       ~~~~\n"),
                // 0.17: "break used outside of a loop"
                Arguments.of("BEGIN { break; }",
                        "stdin:1:9-14: ERROR: 'break' statement is not allowed outside of a loop\n"
                                + "BEGIN { break; }\n"
                                + "        ~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { str(1, 2, 3); }",
                        "stdin:1:9-21: ERROR: str() takes up to 2 arguments (3 provided)\n"
                                + "BEGIN { str(1, 2, 3); }\n"
                                + "        ~~~~~~~~~~~~\n"),
                // 0.17
                Arguments.of("BEGIN { $x = (1, \"a\"); $y = $x.5; }",
                        "stdin:1:29-33: ERROR: Invalid tuple index: 5. Found 2 elements in tuple.\n"
                                + "BEGIN { $x = (1, \"a\"); $y = $x.5; }\n"
                                + "                            ~~~~\n"),
                Arguments.of("BEGIN { @h = hist(1); $x = @h; }",
                        "stdin:1:28-30: ERROR: Map value of type hist_t can not be used in an expression\n"
                                + "BEGIN { @h = hist(1); $x = @h; }\n"
                                + "                           ~~\n"),
                Arguments.of("BEGIN { $x = @nope; }",
                        "stdin:1:14-19: ERROR: Undefined map: @nope\n"
                                + "BEGIN { $x = @nope; }\n"
                                + "             ~~~~~\n"),
                Arguments.of("BEGIN { @s = \"a\"; @s++; }",
                        "stdin:1:19-23: ERROR: The ++ operator can not be used on a map holding 'string[2]'\n"
                                + "BEGIN { @s = \"a\"; @s++; }\n"
                                + "                  ~~~~\n"),
                Arguments.of("BEGIN { @x = printf(\"a\"); }",
                        "stdin:1:14-25: ERROR: Value of type 'none' can not be assigned to a map\n"
                                + "BEGIN { @x = printf(\"a\"); }\n"
                                + "             ~~~~~~~~~~~\n"),
                Arguments.of("BEGIN { clear(1); }",
                        "stdin:1:9-17: ERROR: clear() expects a map argument\n"
                                + "BEGIN { clear(1); }\n"
                                + "        ~~~~~~~~\n"),
                Arguments.of("BEGIN { exit(\"a\"); }",
                        "stdin:1:14-17: ERROR: exit() only supports int arguments (string[2] provided)\n"
                                + "BEGIN { exit(\"a\"); }\n"
                                + "             ~~~\n"),
                Arguments.of("BEGIN { unroll(101) { } }",
                        "stdin:1:16-19: ERROR: unroll maximum value is 100 and minimum is 1\n"
                                + "BEGIN { unroll(101) { } }\n"
                                + "               ~~~\n"),
                Arguments.of("BEGIN { $x = pid > 1 ? 1 : \"a\"; }",
                        "stdin:1:14-31: ERROR: Ternary operator must return the same type: have 'int64' and 'string[2]'\n"
                                + "BEGIN { $x = pid > 1 ? 1 : \"a\"; }\n"
                                + "             ~~~~~~~~~~~~~~~~~\n"),
                // Multi-line source: the line of the error is shown.
                Arguments.of("BEGIN {\n  $x = 1;\n  $y = nope;\n}",
                        "stdin:3:8-12: ERROR: Unknown identifier: 'nope'\n"
                                + "  $y = nope;\n"
                                + "       ~~~~\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsAsPrinted(String program, String expected) {
        assertEquals(expected, error(program));
    }

    @Test
    void errorInOneWildcardTargetReported() {
        // prev_comm exists only in sched_switch; the glob picks up events without it.
        String e = error("tracepoint:sched:* { $x = args.prev_comm; }");
        assertTrue(e.startsWith("stdin:1:27-41: ERROR: Struct/union of type 'struct _tracepoint_sched_sched_process_exec' "
                + "does not contain a field named 'prev_comm'\n"), e);
    }

    @Test
    void checkedProgramKeepsEveryTypedExpression() {
        CheckedProgram p = analyze(EXIT_READ + " /args.ret > 0/ { @[comm] = sum(args.ret); }");
        CheckedProbe probe = p.probes().getFirst();
        var pred = (jtrace.ast.Expr.Binary) probe.ast().predicate();
        assertEquals(new Type.Bool(), probe.typeOf(pred));
        assertEquals(Type.Int.INT64, probe.typeOf(pred.left()));
        assertEquals(new Type.Sum(Type.Int.INT64), p.maps().get("@").value());
        if (!(probe.target() instanceof ProbeTarget.Tracepoint tp)) {
            fail("not a tracepoint target: " + probe.target());
            return;
        }
        assertEquals("sys_exit_read", tp.event());
    }
}
