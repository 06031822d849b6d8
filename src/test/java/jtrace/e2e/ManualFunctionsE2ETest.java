package jtrace.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** The builtins and functions of bpftrace's current stdlib.md that the sweep found missing (SWEEP.md), run in the kernel. */
class ManualFunctionsE2ETest {
    @BeforeEach
    void root() {
        Kernel.assumeRoot();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                // username: the uid named in user space; as a map key too
                Arguments.of("begin { printf(\"%s|\\n\", username); print(username()); @[username] = count(); exit(); }",
                        "root|\nroot\n\n\n@[root]: 1\n"),
                // usermode: begin runs for jtrace itself (1), a tracepoint in the kernel (0)
                Arguments.of("begin { print(usermode); } tracepoint:raw_syscalls:sys_enter { print(usermode); exit(); }", "1\n0\n"),
                // pton: the address bytes; ntop turns them back into text
                Arguments.of("begin { $a = pton(\"127.0.0.1\"); print($a); print(pton(\"::1\")); printf(\"%s %s\\n\","
                        + " ntop(pton(\"10.1.2.3\")), ntop(pton(\"fe80::1\"))); exit(); }",
                        "[127,0,0,1]\n[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]\n10.1.2.3 fe80::1\n"),
                // memcmp and strcap
                Arguments.of("begin { $a = \"hello\"; $b = \"help\"; print((memcmp($a, $b, 3), memcmp($a, $b, 4) < 0,"
                        + " memcmp($a, \"hello\", 6), memcmp(pton(\"1.2.3.4\"), pton(\"1.2.3.5\"), 4), strcap($a))); exit(); }",
                        "(0, true, 0, -1, 6)\n"),
                // syscall_name: the x86-64 table, "Unknown syscall" past it
                Arguments.of("begin { print(syscall_name(0)); printf(\"%s %s\\n\", syscall_name(257), syscall_name(9999)); exit(); }",
                        "read\nopenat Unknown syscall\n"),
                // cgroup_path of the root cgroup, filtered to cgroup2
                Arguments.of("begin { print(cgroup_path(1, \"unified\")); exit(); }", "unified:/\n"),
                // fail() in a branch ruled out at compile time is no error; static_assert of a true condition
                Arguments.of("begin { if (2 < 1) { fail(\"never %d\", 1); } static_assert(sizeof(int32) == 4, \"int32\");"
                        + " printf(\"ok\\n\"); exit(); }", "ok\n"),
                // kfunc_exist: BTF knows the kfunc; kfunc_allowed: jtrace calls no kfuncs
                Arguments.of("begin { print((kfunc_exist(\"bpf_task_from_pid\"), kfunc_exist(\"no_such_kfunc\"),"
                        + " kfunc_allowed(\"bpf_task_from_pid\"))); exit(); }", "(true, false, false)\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void printsWhatTheManualSays(String program, String stdout) {
        JtraceProcess.Result r = Kernel.selfExiting("-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", stdout, r.stdout());
    }

    /** stdlib.md, fail: the manual's example, an error with the call's location when the branch is taken. */
    @org.junit.jupiter.api.Test
    void failStopsCompilationWithItsMessage() {
        String program = "begin { if ($1 < 2) { fail(\"Expected the first positional param to be greater than 1. Got %d\", $1); } }";
        JtraceProcess.Result r = Kernel.selfExiting("-e", program, "1").assertExitCode(1);
        org.junit.jupiter.api.Assertions.assertTrue(r.stderr().startsWith(
                "stdin:1:23-99: ERROR: Expected the first positional param to be greater than 1. Got 1\n"), r.stderr());
    }

    /**
     * stdlib.md, uaddr: a global read through uaddr() in a uprobe of a position-independent
     * executable (the manual's bash example, on a PIE built here), and of a fixed-address one.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"-fPIE -pie", "-fno-PIE -no-pie"})
    void uaddrReadsGlobalsOfTheTracedProcess(String flags) {
        java.util.List<String> f = new java.util.ArrayList<>(java.util.List.of("-O1"));
        f.addAll(java.util.List.of(flags.split(" ")));
        java.nio.file.Path bin = CProgram.build("uaddr_target.c", "uaddr_target" + (flags.contains("no") ? "_fixed" : "_pie"),
                f.toArray(String[]::new));
        String program = "uprobe:" + bin + ":show { printf(\"PS1: %s %d %d\\n\", str(*uaddr(\"prompt_text\")),"
                + " *uaddr(\"counter\"), usermode); }";
        JtraceProcess.Result r = Kernel.selfExiting("-c", bin + " hello", "-e", program).assertExitCode(0);
        GoldenText.assertSameText("stdout", "PS1: hello 42 1\n", r.stdout());
    }
}
