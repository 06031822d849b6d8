package jtrace.tracefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TracepointFormatTest {
    private static TracepointFormat.Field field(String name, String type, int offset, int size, boolean signed,
                                                boolean dataLoc, int arrayLen, boolean common, String decl) {
        return new TracepointFormat.Field(name, type, offset, size, signed, dataLoc, arrayLen, common, decl);
    }

    private static final List<TracepointFormat.Field> COMMON = List.of(
            field("common_type", "unsigned short", 0, 2, false, false, 0, true, "unsigned short common_type"),
            field("common_flags", "unsigned char", 2, 1, false, false, 0, true, "unsigned char common_flags"),
            field("common_preempt_count", "unsigned char", 3, 1, false, false, 0, true,
                    "unsigned char common_preempt_count"),
            field("common_pid", "int", 4, 4, true, false, 0, true, "int common_pid"));

    @Test
    void sysExitRead() {
        TracepointFormat f = TracepointFormat.parse(Fixtures.format("syscalls/sys_exit_read"));
        assertEquals("sys_exit_read", f.name());
        assertEquals(COMMON, f.fields().subList(0, 4));
        assertEquals(List.of(
                field("__syscall_nr", "int", 8, 4, true, false, 0, false, "int __syscall_nr"),
                field("ret", "long", 16, 8, true, false, 0, false, "long ret")), f.args());
        assertEquals(6, f.fields().size());
    }

    @Test
    void sysEnterOpenatPointerAndWidenedInts() {
        TracepointFormat f = TracepointFormat.parse(Fixtures.format("syscalls/sys_enter_openat"));
        var args = f.args();
        assertEquals(field("filename", "const char *", 24, 8, false, false, 0, false, "const char * filename"),
                args.get(2));
        assertEquals(field("dfd", "int", 16, 8, false, false, 0, false, "int dfd"), args.get(1));
        assertEquals("s64", args.get(1).effectiveCType());
        assertEquals("int", args.get(0).effectiveCType()); // __syscall_nr is 4 bytes
        assertEquals("const char *", args.get(2).effectiveCType());
        assertEquals("umode_t", args.get(4).cType());
    }

    @Test
    void schedSwitchArrays() {
        TracepointFormat f = TracepointFormat.parse(Fixtures.format("sched/sched_switch"));
        assertEquals("sched_switch", f.name());
        assertEquals(field("prev_comm", "char", 8, 16, false, false, 16, false, "char prev_comm[16]"),
                f.args().get(0));
        assertEquals(field("next_prio", "int", 60, 4, true, false, 0, false, "int next_prio"), f.args().get(6));
        assertEquals("pid_t", f.args().get(1).effectiveCType());
        assertEquals(7, f.args().size());
    }

    @Test
    void schedProcessExecDataLoc() {
        TracepointFormat f = TracepointFormat.parse(Fixtures.format("sched/sched_process_exec"));
        assertEquals(field("filename", "char[]", 8, 4, false, true, 0, false, "__data_loc char[] filename"),
                f.args().get(0));
        assertEquals(field("old_pid", "pid_t", 16, 4, true, false, 0, false, "pid_t old_pid"), f.args().get(2));
        assertEquals("\"filename=%s pid=%d old_pid=%d\", __get_str(filename), REC->pid, REC->old_pid",
                f.printFmt());
    }

    @Test
    void idIsRead() {
        String text = "name: foo\nID: 1234\nformat:\n\tfield:int x;\toffset:8;\tsize:4;\tsigned:1;\n\nprint fmt: \"\"\n";
        TracepointFormat f = TracepointFormat.parse(text);
        assertEquals(1234, f.id());
        assertEquals("x", f.args().getFirst().name());
    }

    @Test
    void nonNumericArrayLengthAndMissingSigned() {
        String text = "name: foo\nID: 1\nformat:\n\tfield:u8 addr[TASK_COMM_LEN];\toffset:8;\tsize:16;\n";
        var field = TracepointFormat.parse(text).args().getFirst();
        assertEquals(-1, field.arrayLen());
        assertEquals("addr", field.name());
        assertEquals(false, field.signed());
    }

    @Test
    void malformedFileIsAnError() {
        var e = assertThrows(TracefsException.class, () -> TracepointFormat.parse("format:\n"));
        assertEquals("malformed tracepoint format file: missing name", e.getMessage());
    }
}
