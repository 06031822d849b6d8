package jtrace.sema;

import jtrace.ast.AttachPoint;
import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.diag.DiagnosticPrinter;
import jtrace.diag.SourceFile;
import jtrace.diag.Span;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kprobe, kretprobe, fentry/fexit, watchpoint and iter probes: resolution and typing against fake kernel BTF. */
class KernelProbeTest {
    private static final FakeKernelFunctions FUNCTIONS = new FakeKernelFunctions();

    private static List<ProbeTarget> resolve(String text, CompileOptions options) {
        AttachPoint ap = new AttachPoint(text, List.of(text.split(":", -1)), new Span(0, text.length()));
        return new KernelProbeResolver(new FakeTracepoints(), FUNCTIONS, options).resolve(ap);
    }

    private static ProbeTarget resolveOne(String text) {
        List<ProbeTarget> targets = resolve(text, CompileOptions.defaults());
        assertEquals(1, targets.size(), () -> "targets of " + text + ": " + targets);
        return targets.getFirst();
    }

    private static CheckedProgram analyze(String text) {
        SourceFile src = new SourceFile("stdin", text);
        return new SemanticAnalyzer(new FakeTracepoints(), CompileOptions.defaults(), FUNCTIONS).analyze(src, Parser.parse(src));
    }

    private static String error(String text) {
        SourceFile src = new SourceFile("stdin", text);
        CompileError e = assertThrows(CompileError.class, () -> new SemanticAnalyzer(new FakeTracepoints(),
                CompileOptions.defaults(), FUNCTIONS).analyze(src, Parser.parse(src)), () -> "expected an error: " + text);
        return e.getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // attach point            | probe name                        | tracepoint alternative
            "kprobe:vfs_read           | kprobe:vfs_read                   | tracepoint:syscalls:sys_enter_read",
            "k:do_sys_openat2          | kprobe:do_sys_openat2             | tracepoint:syscalls:sys_enter_openat",
            "kretprobe:vfs_read        | kretprobe:vfs_read                | tracepoint:syscalls:sys_exit_read",
            "kr:do_sys_openat2         | kretprobe:do_sys_openat2          | ''",
            "kprobe:vfs_write+16       | kprobe:vfs_write+16               | ''",
            "kprobe:vfs_write+0x10     | kprobe:vfs_write+16               | ''",
            "kprobe:vmlinux:vfs_write  | kprobe:vmlinux:vfs_write          | ''",
            "kprobe:schedule           | kprobe:schedule                   | ''",
    })
    void resolvesKprobes(String text, String name, String alternative) {
        KprobeTarget k = assertInstanceOf(KprobeTarget.class, resolveOne(text));
        assertEquals(name, k.name());
        assertEquals(text.startsWith("kr"), k.ret());
        // vfs_write's fake syscall tracepoint is absent, so only the table entries for read/openat are offered.
        if (!k.function().equals("vfs_write")) assertEquals(alternative, k.tracepointAlternative());
    }

    @Test
    void sameNamedTracepointIsTheAlternative() {
        // FakeTracepoints has sched:sched_switch; a kprobe on a function of that name is served by it.
        assertEquals("tracepoint:syscalls:sys_enter_openat",
                TracepointAlternatives.of("__x64_sys_openat", false, new FakeTracepoints()));
        assertEquals("tracepoint:sched:sched_switch", TracepointAlternatives.of("sched_switch", false, new FakeTracepoints()));
        assertEquals("", TracepointAlternatives.of("sched_switch", true, new FakeTracepoints()));
    }

    @Test
    void wildcardsExpandOverBtfFunctions() {
        List<String> names = resolve("kprobe:vfs_*", CompileOptions.defaults()).stream().map(ProbeTarget::name).toList();
        assertEquals(List.of("kprobe:vfs_read", "kprobe:vfs_write"), names);
        List<String> fentries = resolve("f:vfs_*", CompileOptions.defaults()).stream().map(ProbeTarget::name).toList();
        assertEquals(List.of("fentry:vmlinux:vfs_read", "fentry:vmlinux:vfs_write"), fentries);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "kprobe:nosuchfn       | kprobe target not found: nosuchfn is not a function in the kernel's BTF (/sys/kernel/btf/vmlinux)",
            "kprobe:nosuch*        | kprobe probes not found: no kernel function matches nosuch*",
            "kprobe:many_*         | Can't attach to 1100 probes because it exceeds the current limit of 1024 probes: narrow the pattern many_*",
            "kretprobe:vfs_read+8  | Offset not allowed",
            "kprobe:vfs_read+8+8   | Cannot take more than one offset",
            "kprobe:vfs_read+zz    | Failed to parse 'zz' as a number",
            "kprobe:vfs_*+8        | Offset not allowed with wildcards",
            "kprobe                | kprobe probe type requires 1 or 2 arguments",
            "kprobe:a:b:c          | kprobe probe type requires 1 or 2 arguments",
            "fentry:nosuchfn       | fentry target not found: nosuchfn is not a function in the kernel's BTF (/sys/kernel/btf/vmlinux)",
            "kfunc:nosuchfn        | kfunc target not found: nosuchfn is not a function in the kernel's BTF (/sys/kernel/btf/vmlinux)",
            "fexit:kvm:x86_emulate | fexit probes on module functions are not supported by jtrace yet (only vmlinux BTF is read): kvm:x86_emulate",
            "watchpoint:0x1000:8   | watchpoint probe type requires 3 arguments",
            "watchpoint:0:8:w      | watchpoint must be attached to a non-zero address",
            "watchpoint:0x1000:3:w | watchpoint length must be one of (1,2,4,8)",
            "watchpoint:0x1000:8:q | watchpoint mode must be combination of (r,w,x)",
            "watchpoint:0x1000:8:ww | watchpoint mode must be combination of (r,w,x)",
            "watchpoint:0x1000:8:rx | watchpoint mode cannot watch execution together with reads or writes",
            "aw:increment+arg1:4:w | asyncwatchpoint:FUNCTION+argN is not supported by jtrace yet: give an absolute address",
            "iter:nosuch           | iter:nosuch: this kernel has no such BPF iterator",
            "iter:num_new          | iter:num_new: this kernel has no such BPF iterator",
            "iter:task*            | iter probe type does not support wildcards",
    })
    void rejectsBadAttachPoints(String text, String message) {
        CompileError e = assertThrows(CompileError.class, () -> resolve(text, CompileOptions.defaults()));
        assertEquals(message, e.getMessage());
    }

    @Test
    void fentryCarriesTheBtfPrototype() {
        FentryTarget f = assertInstanceOf(FentryTarget.class, resolveOne("fexit:vfs_read"));
        assertEquals("fexit:vmlinux:vfs_read", f.name());
        assertEquals(101, f.function().btfId());
        assertEquals(2, f.function().paramIndex("count"));
        assertTrue(f.exit());
    }

    @Test
    void watchpointIsUserSpaceWithPidAndKernelWithout() {
        WatchpointTarget kernel = assertInstanceOf(WatchpointTarget.class, resolveOne("watchpoint:0xffffffff81000000:8:rw"));
        assertEquals(-1, kernel.pid());
        assertEquals(0xffffffff81000000L, kernel.address());
        assertEquals("watchpoint:0xffffffff81000000:8:rw", kernel.name());
        CompileOptions p = CompileOptions.defaults().withProcesses(OptionalLong.empty(), OptionalLong.of(1234));
        WatchpointTarget user = assertInstanceOf(WatchpointTarget.class, resolve("w:4096:4:w", p).getFirst());
        assertEquals(1234, user.pid());
        assertEquals("watchpoint:0x1000:4:w", user.name());
        assertTrue(assertInstanceOf(WatchpointTarget.class, resolveOne("aw:0x10:1:x")).async());
    }

    @Test
    void iterFieldsComeFromTheIteratorFunction() {
        IterTarget it = assertInstanceOf(IterTarget.class, resolveOne("iter:task_file"));
        assertEquals(107, it.btfId());
        assertEquals(16, it.fieldOffset("fd"));
        assertEquals(24, it.fieldOffset("file"));
        assertEquals("iter:task_file", it.name());
        assertEquals("iter:task:list", resolveOne("it:task:list").name());
    }

    // ---- typing ----

    private static Type typeOfPrinted(String program) {
        CheckedProgram p = analyze(program);
        CheckedProbe probe = p.probes().getFirst();
        var stmt = (jtrace.ast.Stmt.ExprStmt) probe.ast().body().stmts().getFirst();
        Expr arg = ((Expr.Call) stmt.expr()).args().getFirst();
        return probe.typeOf(arg);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "kprobe:vfs_read         | arg0           | uint64",
            "kprobe:vfs_read         | arg5           | uint64",
            "kprobe:vfs_read         | func           | string[9]",
            "kretprobe:vfs_read      | retval         | uint64",
            "fentry:vfs_read         | args.count     | uint64",
            "fentry:do_sys_openat2   | args.dfd       | int32",
            "fexit:vfs_read          | retval         | int64",
            "fexit:tcp_retransmit_skb | args.segs     | int32",
            "fentry:vfs_read         | func           | string[9]",
            "iter:task_file          | ctx.fd         | uint32",
            "iter:task               | ctx.task       | uint64",
            "watchpoint:0x1000:8:w   | pid            | uint32",
    })
    void typesBuiltins(String probe, String expr, String type) {
        assertEquals(type, typeOfPrinted(probe + " { print(" + expr + "); }").display());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "kprobe:vfs_read     | arg6       | arg6 is out of range: kprobes read arg0 to arg5 (the x86-64 argument registers)",
            "kretprobe:vfs_read  | arg0       | The arg0 builtin can only be used with 'kprobe', 'uprobe' and 'usdt' probes (kretprobe used here)",
            "kprobe:vfs_read     | retval     | The retval builtin can only be used with 'kretprobe' and 'uretprobe' probes (kprobe used here)",
            "kprobe:vfs_read     | args       | The args builtin can not be used with kprobe probes: use arg0, arg1, ... (or fentry, which has args)",
            "fentry:vfs_read     | arg0       | The arg0 builtin can not be used with fentry probes: use args.NAME",
            "fentry:vfs_read     | retval     | The retval builtin can only be used with 'fexit' and 'kretprobe' probes (fentry used here)",
            "fexit:schedule      | retval     | schedule returns void: there is no retval",
            "fentry:vfs_read     | args.nope  | Struct/union of type 'struct _fentry_vfs_read' does not contain a field named 'nope'",
            "iter:task           | ctx.nope   | Struct/union of type 'struct bpf_iter__task' does not contain a field named 'nope'",
            "iter:task           | arg0       | The arg0 builtin can not be used with iter probes: use ctx.FIELD",
            "watchpoint:0x1000:8:w | arg0     | The arg0 builtin can not be used with watchpoint probes",
            "BEGIN               | ctx        | Unknown identifier: 'ctx'",
    })
    void rejectsMisusedBuiltins(String probe, String expr, String message) {
        assertEquals(message, error(probe + " { print(" + expr + "); }"));
    }

    @Test
    void iterCannotBeMixedWithOtherProbes() {
        assertEquals("Iterator probe can't be mixed with any other probe, not even another iterator",
                error("iter:task { print(1); } kprobe:vfs_read { print(2); }"));
        assertEquals("Iterator probe can't be mixed with any other probe, not even another iterator",
                error("iter:task, iter:task_file { print(1); }"));
        analyze("BEGIN { print(0); } iter:task { print(1); } END { print(2); }");
    }

    @Test
    void kernelProbesAreReportedAtTheirAttachPoint() {
        SourceFile src = new SourceFile("stdin", "kprobe:nosuchfn { }");
        CompileError e = assertThrows(CompileError.class, () -> new SemanticAnalyzer(new FakeTracepoints(),
                CompileOptions.defaults(), FUNCTIONS).analyze(src, Parser.parse(src)));
        assertEquals("""
                stdin:1:1-16: ERROR: kprobe target not found: nosuchfn is not a function in the kernel's BTF (/sys/kernel/btf/vmlinux)
                kprobe:nosuchfn { }
                ~~~~~~~~~~~~~~~
                """, DiagnosticPrinter.error(src, e.span(), e.getMessage()));
    }
}
