package jtrace.sema;

import java.util.List;
import java.util.Map;

/**
 * A tracepoint that sees the same event as a kprobe on a kernel function, for the error on a
 * kernel without kprobes. jtrace suggests it rather than attaching it silently: its arguments
 * are not the function's ({@code args.filename}, not {@code arg1}), so the script must change.
 */
final class TracepointAlternatives {
    private TracepointAlternatives() {}

    /** Kernel functions whose syscall is not in their name, or not the one users mean. */
    private static final Map<String, String> SYSCALL_OF = Map.of(
            "do_sys_openat2", "openat", "do_sys_open", "openat", "do_filp_open", "openat",
            "vfs_read", "read", "vfs_write", "write", "do_execveat_common", "execve",
            "kernel_clone", "clone", "do_exit", "exit", "__x64_sys_exit_group", "exit_group");

    /** Prefixes of the functions that implement syscall NAME. */
    private static final List<String> SYSCALL_PREFIXES = List.of("__x64_sys_", "__ia32_sys_", "__se_sys_",
            "__do_sys_", "do_sys_", "ksys_", "sys_");

    /** A tracepoint as {@code tracepoint:CAT:EVENT}, or "" when none is known. */
    static String of(String function, boolean ret, Tracepoints tracepoints) {
        String syscall = SYSCALL_OF.get(function);
        if (syscall == null) {
            for (String p : SYSCALL_PREFIXES) {
                if (function.startsWith(p)) {
                    syscall = function.substring(p.length());
                    break;
                }
            }
        }
        if (syscall != null) {
            String event = (ret ? "sys_exit_" : "sys_enter_") + syscall;
            if (exists(tracepoints, "syscalls", event)) return "tracepoint:syscalls:" + event;
        }
        // Many subsystems name a tracepoint after the function that fires it (tcp_retransmit_skb).
        List<String> same = tracepoints.match("*", function);
        if (!ret && same.size() == 1) return "tracepoint:" + same.getFirst();
        return "";
    }

    private static boolean exists(Tracepoints tracepoints, String category, String event) {
        return !tracepoints.match(category, event).isEmpty();
    }
}
