package jtrace.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnlistedTypesTest {
    /** pattern | PMUs present (space-separated) | note, or empty for none */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "kprobe:*|uprobe|kprobe probes are not listed: this kernel has no kprobe support (CONFIG_KPROBES is off)",
            "kr:vfs_*|uprobe|kretprobe probes are not listed: this kernel has no kprobe support (CONFIG_KPROBES is off)",
            "k:*|kprobe|kprobe probes are not listed: jtrace does not list kernel functions: any FUNC of /sys/kernel/btf/vmlinux can be probed",
            "f:vfs_read|kprobe|fentry probes are not listed: jtrace does not list kernel functions: any FUNC of /sys/kernel/btf/vmlinux can be probed where the kernel loads fentry/fexit programs (a refusal is reported at load)",
            "watchpoint:*|breakpoint|watchpoint probes take an address and have nothing to list",
            "h:*|software|hardware probes are listed, but this machine has no hardware performance counters: they fail to attach",
            "hardware:*|cpu|-",
            "tracepoint:*|-|-",
            "*:*|-|-",
            "k*:*|-|-",
            "vfs_read|-|-",
    })
    void notes(String pattern, String pmus, String expected) {
        Set<String> present = pmus == null ? Set.of() : Set.of(pmus.split(" "));
        String type = UnlistedTypes.typeOf(pattern);
        String note = type == null ? null : new UnlistedTypes(present::contains).note(type).orElse(null);
        assertEquals(expected, note);
    }
}
