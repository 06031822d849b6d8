package jtrace.parse;

import jtrace.ast.AttachPoint;
import jtrace.ast.Expr;
import jtrace.ast.Preamble;
import jtrace.ast.Probe;
import jtrace.ast.Program;
import jtrace.ast.Script;
import jtrace.ast.Stmt;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ParserTest {

    static Program parse(String src) {
        return Parser.parse(new SourceFile("stdin", src));
    }

    /** The program printed back by AstPrinter. */
    static String shape(String src) {
        return AstPrinter.print(parse(src));
    }

    /** The body of {@code BEGIN { stmts }} printed back. */
    static String body(String stmts) {
        String p = shape("BEGIN { " + stmts + " }");
        return p.substring("BEGIN { ".length(), p.length() - 2);
    }

    static Stream<Arguments> oneLiners() {
        return Stream.of(
                Arguments.of("BEGIN { printf(\"hello world\\n\"); }",
                        "BEGIN { printf(\"hello world\\n\"); }"),
                Arguments.of("tracepoint:syscalls:sys_enter_read { printf(\"%s\\n\", comm); }",
                        "tracepoint:syscalls:sys_enter_read { printf(\"%s\\n\", comm); }"),
                Arguments.of("t:syscalls:sys_exit_read /args.ret < 0/ { printf(\"%s %d %d\\n\", comm, pid, args.ret); }",
                        "t:syscalls:sys_exit_read /((args.ret) < 0)/ { printf(\"%s %d %d\\n\", comm, pid, (args.ret)); }"),
                Arguments.of("t:syscalls:sys_exit_read /args.ret > 0/ { @bytes_read[comm] += args.ret; }",
                        "t:syscalls:sys_exit_read /((args.ret) > 0)/ { @bytes_read[comm] += (args.ret); }"),
                Arguments.of("t:syscalls:sys_exit_read /args->ret > 0/ { @bytes[comm] = hist(args->ret); }",
                        "t:syscalls:sys_exit_read /((args->ret) > 0)/ { @bytes[comm] = hist((args->ret)); }"),
                Arguments.of("interval:s:2 { print(@bytes_read); clear(@bytes_read); }  t:syscalls:sys_exit_read /args.ret > 0/ { @bytes_read[comm] += args.ret; }",
                        "interval:s:2 { print(@bytes_read); clear(@bytes_read); }\n"
                                + "t:syscalls:sys_exit_read /((args.ret) > 0)/ { @bytes_read[comm] += (args.ret); }"),
                Arguments.of("uprobe:/bin/bash:readline /pid == 123/ { @[comm] = count() }",
                        "uprobe:/bin/bash:readline /(pid == 123)/ { @[comm] = count(); }"),
                Arguments.of("t:syscalls:sys_enter_read,t:syscalls:sys_enter_write { }",
                        "t:syscalls:sys_enter_read,t:syscalls:sys_enter_write { }"),
                Arguments.of("BEGIN,END{}", "BEGIN,END { }"),
                Arguments.of("BEGIN/1/{}", "BEGIN /1/ { }"),
                Arguments.of("kprobe:f , \n kretprobe:f\n/arg0/\n{ 1 }", "kprobe:f,kretprobe:f /arg0/ { 1; }"),
                Arguments.of("#!/usr/bin/bpftrace\n// c\nBEGIN /* x */ { exit(); } // done\n", "BEGIN { exit(); }"),
                Arguments.of("BEGIN { $x = 1 / 2 }", "BEGIN { $x = (1 / 2); }"),
                Arguments.of("BEGIN /$1 / 2/ { }", "BEGIN /($1 / 2)/ { }"));
    }

    @ParameterizedTest
    @MethodSource("oneLiners")
    void programs(String src, String expected) {
        assertEquals(expected, shape(src));
    }

    static Stream<Arguments> attachPoints() {
        return Stream.of(
                Arguments.of("BEGIN", List.of("BEGIN")),
                Arguments.of("END", List.of("END")),
                Arguments.of("begin", List.of("begin")),
                Arguments.of("end", List.of("end")),
                Arguments.of("tracepoint:syscalls:sys_enter_read", List.of("tracepoint", "syscalls", "sys_enter_read")),
                Arguments.of("t:syscalls:*read*", List.of("t", "syscalls", "*read*")),
                Arguments.of("tracepoint:syscalls:sys_exit_*", List.of("tracepoint", "syscalls", "sys_exit_*")),
                Arguments.of("interval:s:2", List.of("interval", "s", "2")),
                Arguments.of("interval:ms:100", List.of("interval", "ms", "100")),
                Arguments.of("interval:1s", List.of("interval", "1s")),
                Arguments.of("profile:hz:99", List.of("profile", "hz", "99")),
                Arguments.of("software:cpu-clock:1000", List.of("software", "cpu-clock", "1000")),
                Arguments.of("uprobe:/bin/bash:readline", List.of("uprobe", "/bin/bash", "readline")),
                Arguments.of("uretprobe:/lib/x86_64-linux-gnu/libc.so.6:malloc",
                        List.of("uretprobe", "/lib/x86_64-linux-gnu/libc.so.6", "malloc")),
                Arguments.of("usdt:/path/bin:provider:probe", List.of("usdt", "/path/bin", "provider", "probe")),
                Arguments.of("kprobe:do_sys_open+10", List.of("kprobe", "do_sys_open+10")),
                Arguments.of("rawtracepoint:sched_switch", List.of("rawtracepoint", "sched_switch")),
                Arguments.of("fentry:vfs_read", List.of("fentry", "vfs_read")),
                Arguments.of("iter:task", List.of("iter", "task")),
                Arguments.of("watchpoint:0x1234:8:w", List.of("watchpoint", "0x1234", "8", "w")),
                Arguments.of("kprobe:ext4_?et*", List.of("kprobe", "ext4_?et*")),
                Arguments.of("uprobe:./a.out:main", List.of("uprobe", "./a.out", "main")),
                Arguments.of("uprobe:$1:main", List.of("uprobe", "$1", "main")),
                Arguments.of("uprobe:\"/my dir/prog\":\"ns::fn\"", List.of("uprobe", "/my dir/prog", "ns::fn")),
                Arguments.of("kprobe:mod:fn", List.of("kprobe", "mod", "fn")));
    }

    @ParameterizedTest
    @MethodSource("attachPoints")
    void attachPointParts(String raw, List<String> parts) {
        String src = raw + " /pid == 1/ { }";
        Probe p = parse(src).probes().getFirst();
        AttachPoint ap = p.attachPoints().getFirst();
        assertEquals(raw, ap.raw());
        assertEquals(parts, ap.parts());
        assertEquals(new Span(0, raw.length()), ap.span());
        assertInstanceOf(Expr.Binary.class, p.predicate());
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("@x = 1;", "@x = 1;"),
                Arguments.of("@x[1] = 2", "@x[1] = 2;"),
                Arguments.of("@x[1, \"a\"] = 2", "@x[1, \"a\"] = 2;"),
                Arguments.of("$v = 1", "$v = 1;"),
                Arguments.of("@ = 1", "@ = 1;"),
                Arguments.of("@a += 1; @a -= 1; @a *= 2; @a /= 2; @a %= 3; @a &= 1; @a |= 1; @a ^= 1; @a <<= 1; @a >>= 1",
                        "@a += 1; @a -= 1; @a *= 2; @a /= 2; @a %= 3; @a &= 1; @a |= 1; @a ^= 1; @a <<= 1; @a >>= 1;"),
                Arguments.of("@x++; ++@x; $x--; --$x", "(@x++); (++@x); ($x--); (--$x);"),
                Arguments.of("@m[1]++", "(@m[1]++);"),
                Arguments.of("if (1) { 2 }", "if (1) { 2; }"),
                Arguments.of("if (1) { 2 } else { 3 }", "if (1) { 2; } else { 3; }"),
                Arguments.of("if (1) { 2 } else if (3) { 4 } else { 5 }",
                        "if (1) { 2; } else { if (3) { 4; } else { 5; } }"),
                Arguments.of("if (1) { } 2", "if (1) { } 2;"),
                Arguments.of("if (1) { }; 2", "if (1) { } 2;"),
                Arguments.of("while ($i < 10) { $i++; if ($i == 5) { break } continue; }",
                        "while (($i < 10)) { ($i++); if (($i == 5)) { break; } continue; }"),
                Arguments.of("unroll(5) { @a++ }", "unroll (5) { (@a++); }"),
                Arguments.of("for ($kv : @map) { print($kv.0); print($kv.1) }",
                        "for ($kv : @map) { print(($kv.0)); print(($kv.1)); }"),
                Arguments.of("for ($i : 0..10) { }", "for ($i : 0..10) { }"),
                // assert is bpftrace's standard library macro
                Arguments.of("assert($a == 1, \"m\")", "if ((!($a == 1))) { errorf(\"assert failed: %s\", \"m\"); exit(1); }"),
                // the one-element tuple; a tuple in a map's brackets is its key list
                Arguments.of("print((1,)); $t = (1, 2,)", "print(tuple(1)); $t = tuple(1, 2);"),
                Arguments.of("@[(pid, comm)]++", "(@[pid, comm]++);"),
                // builtins called as functions, as stdlib.md allows
                Arguments.of("print(pid()); print(comm()); print(tid(init)); print(pid(curr_ns))",
                        "print(pid); print(comm); print(tid); print(pid);"),
                Arguments.of("print(comm(1)); print(kstack())", "print(comm(1)); print(kstack());"),
                // the header without parentheses, as stdlib.md's print example writes it
                Arguments.of("for $elem : 1..$i { @[$elem] = 1; }", "for ($elem : 1..$i) { @[$elem] = 1; }"),
                Arguments.of("for $kv : @map { print($kv.1) }", "for ($kv : @map) { print(($kv.1)); }"),
                Arguments.of("for ($i : $a..-$b) { }", "for ($i : $a..(-$b)) { }"),
                Arguments.of("return; break; continue", "return; break; continue;"),
                Arguments.of("let $x; let $y = 1; let $z: uint64 = 2; let $p: struct task_struct * = curtask;",
                        "let $x; let $y = 1; let $z: uint64 = 2; let $p: struct task_struct * = curtask;"),
                Arguments.of("{ 1; { 2 } } 3", "{ 1; { 2; } } 3;"),
                Arguments.of("$x = \"a\\tb\\\"c\\\\\"", "$x = \"a\\tb\\\"c\\\\\";"),
                Arguments.of("$x = true; $y = false", "$x = true; $y = false;"),
                Arguments.of("print(($1, $#, $22))", "print(tuple($1, $#, $22));"),
                Arguments.of("$t = (1, \"a\", (2, 3)); print($t.2.0)",
                        "$t = tuple(1, \"a\", tuple(2, 3)); print((($t.2).0));"),
                Arguments.of("exit()", "exit();"),
                Arguments.of("kstack(perf, 3)", "kstack(perf, 3);"),
                Arguments.of("$x = 0xffffffffffffffff", "$x = 18446744073709551615u;"),
                Arguments.of("$x = -1", "$x = (-1);"),
                Arguments.of("$x = 1_000_000 + 1e3 + 10ms", "$x = ((1000000 + 1000) + 10000000);"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void statementShapes(String src, String expected) {
        assertEquals(expected, body(src));
    }

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("1 + 2 * 3 == 7 && !$x", "(((1 + (2 * 3)) == 7) && (!$x))"),
                Arguments.of("1 - 2 - 3", "((1 - 2) - 3)"),
                Arguments.of("8 / 4 / 2 % 3", "(((8 / 4) / 2) % 3)"),
                Arguments.of("a || b && c", "(a || (b && c))"),
                Arguments.of("a | b ^ c & d", "(a | (b ^ (c & d)))"),
                Arguments.of("a == b < c", "(a == (b < c))"),
                Arguments.of("a < b << c", "(a < (b << c))"),
                Arguments.of("a << b + c", "(a << (b + c))"),
                Arguments.of("a >> 1 >= 2 != 3", "(((a >> 1) >= 2) != 3)"),
                Arguments.of("a <= b > c", "((a <= b) > c)"),
                Arguments.of("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
                Arguments.of("a || b ? 1 + 2 : 3", "((a || b) ? (1 + 2) : 3)"),
                Arguments.of("-a * ~b", "((-a) * (~b))"),
                Arguments.of("!!a", "(!(!a))"),
                Arguments.of("*a + &b", "((*a) + (&b))"),
                Arguments.of("-(1 + 2)", "(-(1 + 2))"),
                Arguments.of("(uint8)x + 1", "(((uint8)x) + 1)"),
                Arguments.of("(int64)-1", "((int64)(-1))"),
                Arguments.of("(struct task_struct *)curtask", "((struct task_struct *)curtask)"),
                Arguments.of("((struct task_struct *)curtask)->pid", "(((struct task_struct *)curtask)->pid)"),
                Arguments.of("(struct task_struct *)curtask->parent", "((struct task_struct *)(curtask->parent))"),
                Arguments.of("(union u)x", "((union u)x)"),
                Arguments.of("(enum e)x", "((enum e)x)"),
                Arguments.of("(struct foo **)x", "((struct foo **)x)"),
                Arguments.of("(uint64_t)x", "((uint64_t)x)"),
                Arguments.of("(sk_buff *)x", "((sk_buff *)x)"),
                Arguments.of("(bool)x", "((bool)x)"),
                Arguments.of("(uint8[4])x", "((uint8[4])x)"),
                Arguments.of("(x)", "x"),
                Arguments.of("(x) * 2", "(x * 2)"),
                Arguments.of("(x * 2)", "(x * 2)"),
                Arguments.of("a[1][2]", "((a[1])[2])"),
                Arguments.of("args.filename", "(args.filename)"),
                Arguments.of("args->ret", "(args->ret)"),
                Arguments.of("$s.y[0]", "(($s.y)[0])"),
                Arguments.of("$p->a.b->c", "((($p->a).b)->c)"),
                Arguments.of("*$p->a", "(*($p->a))"),
                Arguments.of("-$x++", "(-($x++))"),
                Arguments.of("sizeof(struct task_struct)", "sizeof(struct task_struct)"),
                Arguments.of("sizeof(uint32)", "sizeof(uint32)"),
                Arguments.of("sizeof($x + 1)", "sizeof(($x + 1))"),
                Arguments.of("@m[1, 2] + @", "(@m[1, 2] + @)"),
                Arguments.of("str(args.filename, 10)", "str((args.filename), 10)"),
                Arguments.of("pid", "pid"),
                Arguments.of("arg0 + retval", "(arg0 + retval)"));
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void expressionShapes(String src, String expected) {
        assertEquals(expected + ";", body(src));
    }

    @Test
    void precedenceTreeIsNested() {
        Stmt.ExprStmt s = (Stmt.ExprStmt) parse("BEGIN { 1 + 2 * 3 == 7 && !$x }").probes().getFirst().body().stmts().getFirst();
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, s.expr());
        assertEquals(jtrace.ast.BinaryOp.LAND, and.op());
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, and.left());
        assertEquals(jtrace.ast.BinaryOp.EQ, eq.op());
        Expr.Binary add = assertInstanceOf(Expr.Binary.class, eq.left());
        assertEquals(jtrace.ast.BinaryOp.ADD, add.op());
        Expr.Binary mul = assertInstanceOf(Expr.Binary.class, add.right());
        assertEquals(jtrace.ast.BinaryOp.MUL, mul.op());
        Expr.Unary not = assertInstanceOf(Expr.Unary.class, and.right());
        assertEquals(jtrace.ast.UnaryOp.LNOT, not.op());
        assertEquals(new Expr.Variable("x", new Span(27, 29)), not.operand());
    }

    @Test
    void spansCoverSourceText() {
        String src = "kprobe:f /arg0 > 1/ { @a[comm, pid] += args->ret * (uint8)2; if ($x) { } else { } }";
        Probe p = parse(src).probes().getFirst();
        assertEquals(new Span(0, src.length()), p.span());
        assertEquals("arg0 > 1", text(src, p.predicate().span()));
        assertEquals("{ @a[comm, pid] += args->ret * (uint8)2; if ($x) { } else { } }", text(src, p.body().span()));
        Stmt.Assign a = (Stmt.Assign) p.body().stmts().get(0);
        assertEquals("@a[comm, pid] += args->ret * (uint8)2", text(src, a.span()));
        assertEquals("@a[comm, pid]", text(src, a.target().span()));
        Expr.Binary mul = (Expr.Binary) a.value();
        assertEquals("args->ret", text(src, mul.left().span()));
        assertEquals("(uint8)2", text(src, mul.right().span()));
        Stmt.If i = (Stmt.If) p.body().stmts().get(1);
        assertEquals("if ($x) { } else { }", text(src, i.span()));
    }

    @Test
    void spansOfCallsAndGroups() {
        String src = "BEGIN { printf(\"%d\", (1 + 2)); $x = (1, 2); @x[1]++; }";
        List<Stmt> stmts = parse(src).probes().getFirst().body().stmts();
        Expr.Call call = (Expr.Call) ((Stmt.ExprStmt) stmts.get(0)).expr();
        assertEquals("printf(\"%d\", (1 + 2))", text(src, call.span()));
        assertEquals("1 + 2", text(src, call.args().get(1).span())); // parentheses are not part of a node
        assertEquals("(1, 2)", text(src, ((Stmt.Assign) stmts.get(1)).value().span()));
        assertEquals("@x[1]++", text(src, stmts.get(2).span()));
    }

    @Test
    void letStatementParts() {
        Stmt.Let let = (Stmt.Let) parse("BEGIN { let $x: uint64 = 5 }").probes().getFirst().body().stmts().getFirst();
        assertEquals("x", let.variable().name());
        assertEquals("uint64", let.type());
        assertEquals(new Expr.IntLit(5, false, new Span(25, 26)), let.value());
        Stmt.Let bare = (Stmt.Let) parse("BEGIN { let $y }").probes().getFirst().body().stmts().getFirst();
        assertNull(bare.type());
        assertNull(bare.value());
    }

    @Test
    void preamble() {
        String src = """
                #include <linux/sched.h>
                #define X 1
                struct Foo { int a; struct { int b; } c; };
                config = { max_strlen = 100; stack_mode = perf; print_maps_on_exit = false; license = "GPL" }
                macro add_one($a, @b, c) { $a += 1; @b += 1; c + 1 }
                BEGIN { exit() }
                """;
        Script s = Parser.parseScript(new SourceFile("x.bt", src));
        List<Preamble.CDefinition> c = s.preamble().cDefinitions();
        assertEquals(List.of("#include <linux/sched.h>", "#define X 1", "struct Foo { int a; struct { int b; } c; };"),
                c.stream().map(Preamble.CDefinition::text).toList());
        Preamble.Config cfg = s.preamble().config();
        assertEquals(List.of("max_strlen", "stack_mode", "print_maps_on_exit", "license"),
                cfg.entries().stream().map(Preamble.ConfigEntry::name).toList());
        assertEquals(List.of("100", "perf", "false", "\"GPL\""),
                cfg.entries().stream().map(e -> AstPrinter.print(e.value())).toList());
        Preamble.Macro m = s.preamble().macros().getFirst();
        assertEquals("add_one", m.name());
        assertEquals(List.of("$a", "@b", "c"), m.params().stream().map(AstPrinter::print).toList());
        assertEquals("{ $a += 1; @b += 1; (c + 1); }", AstPrinter.print(m.body()));
        assertEquals("BEGIN { exit(); }", AstPrinter.print(s.program()));
    }

    @Test
    void structAttachPointIsNotADefinition() {
        // "struct" only starts a C definition when followed by a name and '{'.
        assertEquals("BEGIN { ((struct x *)0); }", shape("BEGIN { (struct x *)0 }"));
    }

    private static String text(String src, Span span) {
        return src.substring(span.start(), span.end());
    }
}
