package jtrace.sema;

import jtrace.tracefs.Glob;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A few tracepoints with the fields kernel 6.18's format files give them; no tracefs needed. */
final class FakeTracepoints implements Tracepoints {
    private static final Map<String, List<TracepointField>> EVENTS = new TreeMap<>(Map.of(
            "syscalls:sys_exit_read", List.of(
                    new TracepointField("__syscall_nr", "int", 8, 4, true, false, 0),
                    new TracepointField("ret", "long", 16, 8, true, false, 0)),
            "syscalls:sys_enter_openat", List.of(
                    new TracepointField("__syscall_nr", "int", 8, 4, true, false, 0),
                    new TracepointField("dfd", "int", 16, 8, false, false, 0),
                    new TracepointField("filename", "const char *", 24, 8, false, false, 0),
                    new TracepointField("flags", "int", 32, 8, false, false, 0),
                    new TracepointField("mode", "umode_t", 40, 8, false, false, 0)),
            "syscalls:sys_enter_read", List.of(
                    new TracepointField("__syscall_nr", "int", 8, 4, true, false, 0),
                    new TracepointField("fd", "unsigned int", 16, 8, false, false, 0),
                    new TracepointField("buf", "char *", 24, 8, false, false, 0),
                    new TracepointField("count", "size_t", 32, 8, false, false, 0)),
            "sched:sched_switch", List.of(
                    new TracepointField("prev_comm", "char", 8, 16, false, false, 16),
                    new TracepointField("prev_pid", "pid_t", 24, 4, true, false, 0),
                    new TracepointField("prev_prio", "int", 28, 4, true, false, 0),
                    new TracepointField("prev_state", "long", 32, 8, true, false, 0),
                    new TracepointField("next_comm", "char", 40, 16, false, false, 16),
                    new TracepointField("next_pid", "pid_t", 56, 4, true, false, 0),
                    new TracepointField("next_prio", "int", 60, 4, true, false, 0)),
            "sched:sched_process_exec", List.of(
                    new TracepointField("filename", "__data_loc char[]", 8, 4, false, true, 0),
                    new TracepointField("pid", "pid_t", 12, 4, true, false, 0),
                    new TracepointField("old_pid", "pid_t", 16, 4, true, false, 0))));

    @Override
    public List<String> match(String categoryGlob, String eventGlob) {
        return EVENTS.keySet().stream().filter(name -> {
            int colon = name.indexOf(':');
            return Glob.matches(categoryGlob, name.substring(0, colon)) && Glob.matches(eventGlob, name.substring(colon + 1));
        }).toList();
    }

    @Override
    public List<TracepointField> fields(String category, String event) {
        return EVENTS.get(category + ":" + event);
    }
}
