package jtrace.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProbeListerTest {
    /** Fake sources; candidates deliberately unsorted to prove the lister sorts. */
    static Map<String, ProbeSource> sources() {
        Map<String, ProbeSource> m = new LinkedHashMap<>();
        m.put("tracepoint", new ProbeSource() {
            @Override
            public Collection<String> candidates(String target) {
                return List.of("syscalls:sys_exit_read", "sched:sched_switch", "syscalls:sys_enter_read",
                        "syscalls:sys_enter_readv", "sched-x:a");
            }

            @Override
            public List<String> params(String match) {
                return match.equals("syscalls:sys_exit_read") ? List.of("int __syscall_nr", "long ret") : List.of();
            }
        });
        m.put("rawtracepoint", ProbeSource.of(List.of("vmlinux:sched_switch", "vmlinux:sys_enter")));
        m.put("software", ProbeSource.of(ProbeSources.eventNames(jtrace.sema.PerfEventDef.SOFTWARE)));
        m.put("hardware", ProbeSource.of(List.of("cycles:", "cpu-cycles:")));
        m.put("interval", ProbeSource.of(ProbeSources.TIME_UNITS));
        m.put("iter", ProbeSource.of(List.of("task", "bpf_map")));
        m.put("profile", ProbeSource.of(ProbeSources.TIME_UNITS));
        m.put("self", ProbeSource.of(ProbeSources.SELF_EVENTS));
        m.put("uprobe", new ProbeSource() {
            @Override
            public Collection<String> candidates(String target) {
                return target.equals("/bin/prog") ? List.of("/bin/prog:main", "/bin/prog:helper") : List.of();
            }

            @Override
            public String canonicalTarget(String target) {
                return target.equals("prog") ? "/bin/prog" : target;
            }
        });
        return m;
    }

    static List<String> list(String pattern) {
        return new ProbeLister(sources(), false, "/bin/prog"::equals).list(pattern);
    }

    @Test
    void everythingIsKernelTypesSortedByTypeThenName() {
        // bpftrace lists its kernel types (those its -l shows: iterators too) in name order.
        assertEquals(List.of("hardware:cpu-cycles:", "hardware:cycles:", "iter:bpf_map", "iter:task",
                "rawtracepoint:vmlinux:sched_switch", "rawtracepoint:vmlinux:sys_enter"),
                list(null).subList(0, 6));
        List<String> all = list(null);
        assertEquals(2 + 2 + 2 + 14 + 5, all.size(), "no interval, profile or uprobe without an explicit type");
        assertEquals(List.of("tracepoint:sched-x:a", "tracepoint:sched:sched_switch", "tracepoint:syscalls:sys_enter_read",
                "tracepoint:syscalls:sys_enter_readv", "tracepoint:syscalls:sys_exit_read"), all.subList(20, 25));
        assertEquals(all, list("*:*"));
        assertEquals(all, list(""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tracepoint:syscalls:sys_enter_read*|tracepoint:syscalls:sys_enter_read,tracepoint:syscalls:sys_enter_readv",
            "t:syscalls:sys_enter_read|tracepoint:syscalls:sys_enter_read",
            "t:sys_exit_read|tracepoint:syscalls:sys_exit_read",
            "tracepoint:syscalls:sys_enter_rea?v|tracepoint:syscalls:sys_enter_readv",
            "*sched_switch*|rawtracepoint:vmlinux:sched_switch,tracepoint:sched:sched_switch",
            "sys_enter|''",
            "rt:*|rawtracepoint:vmlinux:sched_switch,rawtracepoint:vmlinux:sys_enter",
            "rawtracepoint:sched_switch|''",
            "s:cpu*|software:cpu-clock:,software:cpu-migrations:,software:cpu:",
            "software:cpu-clock|''",
            "software:|software:alignment-faults:,software:bpf-output:,software:context-switches:,software:cpu-clock:,software:cpu-migrations:,software:cpu:,software:cs:,software:dummy:,software:emulation-faults:,software:faults:,software:major-faults:,software:minor-faults:,software:page-faults:,software:task-clock:",
            "h:cycles:|hardware:cycles:",
            "i:*|interval:hz:,interval:ms:,interval:s:,interval:us:",
            "it:t*|iter:task",
            "*task*|iter:task,software:task-clock:",
            "profile:hz*|profile:hz:",
            "*file:*|''",
            "uprobe:/bin/prog:*|uprobe:/bin/prog:helper,uprobe:/bin/prog:main",
            "u:prog:ma*|uprobe:/bin/prog:main",
            "*:/bin/prog:m*|uprobe:/bin/prog:main",
            "uprobe:/bin/other:*|''",
            "kprobe:*|''",
            "nomatch|''",
            // bpftrace 0.24+ (#5200): explicit self patterns list the one self probe; a wildcard type does not.
            "self:*|self:signal:SIGUSR1",
            "self:*:*|self:signal:SIGUSR1",
            "self:signal:*|self:signal:SIGUSR1",
            "self:signal:SIG*|self:signal:SIGUSR1",
            "self:signal:SIGUSR2|''",
            "*:signal:*|''",
    })
    void patterns(String pattern, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertEquals(want, list(pattern));
    }

    @Test
    void verboseAddsIndentedArguments() {
        ProbeLister lister = new ProbeLister(sources(), true, s -> false);
        assertEquals(List.of("tracepoint:syscalls:sys_exit_read", "    int __syscall_nr", "    long ret"),
                lister.list("tracepoint:syscalls:sys_exit_read"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tracepoint,syscalls,sys_enter_read*|tracepoint:syscalls:sys_enter_read,tracepoint:syscalls:sys_enter_readv",
            "t,sched,sched_switch|tracepoint:sched:sched_switch",
            "software,cpu,1000|software:cpu:",
            "s,page-faults|software:page-faults:",
            "interval,s,1|interval:s:",
            "profile,hz,99|profile:hz:",
            "rt,sys_enter|rawtracepoint:vmlinux:sys_enter",
            "u,prog,main|uprobe:/bin/prog:main",
            "BEGIN|''",
            "kprobe,vfs_read|''",
    })
    void attachPointsOfAProgram(String parts, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertEquals(want, new ProbeLister(sources(), false, s -> false).listAttachPoint(List.of(parts.split(","))));
    }

    @Test
    void splitKeepsInnerEmptyPartsOnly() {
        assertEquals(List.of("software"), ProbeLister.split("software:"));
        assertEquals(List.of("a", "", "b"), ProbeLister.split("a::b"));
        assertEquals(List.of("*", "*"), ProbeLister.split("*:*"));
    }
}
