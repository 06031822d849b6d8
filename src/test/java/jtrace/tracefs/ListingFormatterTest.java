package jtrace.tracefs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected texts are bpftrace 0.17's `-lv` output on this machine (current reads the same format files). */
class ListingFormatterTest {
    private static String lv(String category, String event) {
        return ListingFormatter.tracepointWithArgs(category, event,
                TracepointFormat.parse(Fixtures.format(category + "/" + event)));
    }

    @Test
    void sysExitRead() {
        assertEquals("tracepoint:syscalls:sys_exit_read\n    int __syscall_nr\n    long ret\n",
                lv("syscalls", "sys_exit_read"));
    }

    @Test
    void sysEnterOpenat() {
        assertEquals("tracepoint:syscalls:sys_enter_openat\n    int __syscall_nr\n    int dfd\n"
                + "    const char * filename\n    int flags\n    umode_t mode\n", lv("syscalls", "sys_enter_openat"));
    }

    @Test
    void schedSwitch() {
        assertEquals("tracepoint:sched:sched_switch\n    char prev_comm[16]\n    pid_t prev_pid\n    int prev_prio\n"
                + "    long prev_state\n    char next_comm[16]\n    pid_t next_pid\n    int next_prio\n",
                lv("sched", "sched_switch"));
    }

    @Test
    void schedProcessExec() {
        assertEquals("tracepoint:sched:sched_process_exec\n    __data_loc char[] filename\n    pid_t pid\n"
                + "    pid_t old_pid\n", lv("sched", "sched_process_exec"));
    }

    @Test
    void plainListing() {
        assertEquals("tracepoint:sched:sched_switch\n", ListingFormatter.tracepoint("sched", "sched_switch"));
    }
}
