package jtrace.sema;

import jtrace.types.StructLayout;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** {@code args} as a whole value of tracepoints: the struct's members, their types and offsets. */
class WholeArgsTest {

    /** The members of {@code $v = args} as "name:type@offset", and the struct's name and size. */
    private static String members(String probe) {
        CheckedProgram p = TypeCheckerTest.analyze(probe + " { $v = args; }");
        Type.Struct s = assertInstanceOf(Type.Struct.class, p.probes().getFirst().variables().get("v"));
        return s.display() + " (" + s.size() + ") " + s.layout().fields().stream()
                .map((StructLayout.Field f) -> f.name() + ":" + f.type().display() + "@" + f.byteOffset())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tracepoint:syscalls:sys_enter_read|struct _tracepoint_syscalls_sys_enter_read (32) "
                    + "__syscall_nr:int32@0 fd:uint64@8 buf:char *@16 count:uint64@24",
            "tracepoint:syscalls:sys_exit_read|struct _tracepoint_syscalls_sys_exit_read (16) __syscall_nr:int32@0 ret:int64@8",
            // char arrays stay strings of their length; 4-byte members pack after them.
            "tracepoint:sched:sched_switch|struct _tracepoint_sched_sched_switch (56) prev_comm:string[16]@0 prev_pid:int32@16 "
                    + "prev_prio:int32@20 prev_state:int64@24 next_comm:string[16]@32 next_pid:int32@48 next_prio:int32@52",
            // A __data_loc field is the address of its data, a u64 as in bpftrace.
            "tracepoint:sched:sched_process_exec|struct _tracepoint_sched_sched_process_exec (16) "
                    + "filename:uint64@0 pid:int32@8 old_pid:int32@12",
    })
    void tracepointArgsStruct(String probe, String expected) {
        assertEquals(expected, members(probe));
    }

    /** An iterator's ctx and fentry's args: one member per context word, pointers printed as addresses. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "iter:task { $v = ctx; }|struct bpf_iter__task (16) meta:struct bpf_iter_meta *@0 task:struct task_struct *@8",
            "iter:task_file { $v = ctx; }|struct bpf_iter__task_file (32) meta:struct bpf_iter_meta *@0 "
                    + "task:struct task_struct *@8 fd:uint32@16 file:struct file *@24",
            "fentry:vfs_read { $v = args; }|struct _fentry_vfs_read (32) file:struct file *@0 buf:uint64@8 "
                    + "count:uint64@16 pos:uint64@24",
    })
    void kernelContextStruct(String program, String expected) {
        CheckedProgram p = TypeCheckerTest.analyze(program);
        Type.Struct s = assertInstanceOf(Type.Struct.class, p.probes().getFirst().variables().get("v"));
        assertEquals(expected, s.display() + " (" + s.size() + ") " + s.layout().fields().stream()
                .map((StructLayout.Field f) -> f.name() + ":" + f.type().display() + "@" + f.byteOffset())
                .collect(Collectors.joining(" ")));
    }

    @Test
    void iteratorCtxFieldsStillReadTheirWords() {
        CheckedProgram p = TypeCheckerTest.analyze("iter:task /ctx.task != 0/ { print(ctx); $p = ctx.task.pid; $t = ctx->task; }");
        assertEquals(Type.Int.INT32, p.probes().getFirst().variables().get("p"));
        assertEquals("struct task_struct *", p.probes().getFirst().variables().get("t").display());
    }

    @Test
    void printOfArgsIsAccepted() {
        TypeCheckerTest.analyze("tracepoint:syscalls:sys_enter_read { print(args); @m[args.fd] = args; }");
    }

    @Test
    void membersOfAnArgsVariable() {
        CheckedProgram p = TypeCheckerTest.analyze("tracepoint:syscalls:sys_exit_read { $a = args; $r = $a.ret; }");
        assertEquals(Type.Int.INT64, p.probes().getFirst().variables().get("r"));
    }

    @Test
    void fieldAccessStillReadsTheField() {
        CheckedProgram p = TypeCheckerTest.analyze("tracepoint:syscalls:sys_enter_read { $c = args.count; $d = args->fd; }");
        assertEquals(Type.Int.UINT64, p.probes().getFirst().variables().get("c"));
        assertEquals(Type.Int.UINT64, p.probes().getFirst().variables().get("d"));
    }

    @Test
    void argsOutsideArgsProbesIsStillRefused() {
        assertEquals("stdin:1:15-19: ERROR: The args builtin can only be used with tracepoint probes (begin used here)\n"
                        + "BEGIN { print(args); }\n              ~~~~\n",
                TypeCheckerTest.error("BEGIN { print(args); }"));
    }
}
