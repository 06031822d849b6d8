package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.Stmt;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** username/usermode, pton, memcmp, strcap, fail, static_assert, syscall_name, cgroup_path and the refused ones. */
class ManualFunctionsCheckTest {

    private static Type variable(String body, String name) {
        CheckedProgram p = LanguageCheckTest.analyze("BEGIN { " + body + " }", Map.of());
        return p.probes().getFirst().variables().get(name);
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("$v = username;", new Type.Username()),
                Arguments.of("$v = username();", new Type.Username()),
                Arguments.of("$v = usermode;", new Type.Int(1, false)),
                Arguments.of("$v = pton(\"127.0.0.1\");", new Type.Array(new Type.Int(1, false), 4)),
                Arguments.of("$v = pton(\"::ffff:1.2.3.4\");", new Type.Array(new Type.Int(1, false), 16)),
                Arguments.of("$v = memcmp(\"ab\", \"ac\", 2);", Type.Int.INT64),
                Arguments.of("$v = strcap(\"hello\");", Type.Int.INT64),
                Arguments.of("$v = syscall_name(0);", new Type.SyscallName()),
                Arguments.of("$v = cgroup_path(1);", new Type.CgroupPath(null)),
                Arguments.of("$v = cgroup_path(1, \"uni*\");", new Type.CgroupPath("uni*")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void typesAsBpftrace(String body, Type expected) {
        assertEquals(expected, variable(body, "v"));
    }

    @Test
    void strcapIsTheCapacityKnownAtCompileTime() {
        CheckedProgram p = LanguageCheckTest.analyze("BEGIN { $v = strcap(\"hello\"); }", Map.of());
        CheckedProbe probe = p.probes().getFirst();
        Expr call = ((Stmt.Assign) probe.ast().body().stmts().getFirst()).value();
        assertEquals(6L, probe.constant(call));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("BEGIN { fail(\"bad %d %s\", 3, \"x\"); }", "stdin:1:9-34: ERROR: bad 3 x"),
                Arguments.of("BEGIN { if (1 > 2) { fail(\"never\"); } fail(\"now\"); }", "stdin:1:39-50: ERROR: now"),
                Arguments.of("BEGIN { if (1 < 2) { } else { fail(\"never\"); } static_assert(1 == 2, \"one is not two\"); }",
                        "stdin:1:48-87: ERROR: one is not two"),
                Arguments.of("BEGIN { static_assert(pid == 1, \"x\"); }",
                        "stdin:1:23-31: ERROR: static_assert() expects a condition known at compile time"),
                Arguments.of("BEGIN { fail(\"%d\", pid); }",
                        "stdin:1:20-23: ERROR: fail() arguments must be literals: they are evaluated at compile time"),
                Arguments.of("BEGIN { $a = pton(\"localhost\"); }",
                        "stdin:1:14-31: ERROR: pton() expects a string argument of an IPv4/IPv6 address, got localhost"),
                Arguments.of("BEGIN { $a = memcmp(\"ab\", \"cd\", 4); }",
                        "stdin:1:14-35: ERROR: memcmp() count (4) is larger than argument 1 (string[3], 3 bytes)"),
                Arguments.of("BEGIN { $a = strcap(1); }", "stdin:1:21-22: ERROR: strcap() expects a string or an array (int64 provided)"),
                Arguments.of("BEGIN { $a = cgroup_path(\"x\"); }", "stdin:1:26-29: ERROR: cgroup_path() expects an integer argument (string[2] provided)"),
                Arguments.of("BEGIN { $a = comm(1); }",
                        "stdin:1:14-21: ERROR: comm(pid) needs the bpf_task_from_pid kfunc: jtrace does not generate kfunc calls; use comm for the current task"),
                Arguments.of("BEGIN { @a = tseries(1, 1000, 5); }",
                        "stdin:1:14-33: ERROR: tseries() is not supported by jtrace yet: use hist(), lhist() or an interval probe printing a map"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void errorsName(String program, String expected) {
        assertEquals(expected, LanguageCheckTest.message(program));
    }
}
