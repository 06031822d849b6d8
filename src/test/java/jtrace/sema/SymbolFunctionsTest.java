package jtrace.sema;

import jtrace.types.Type;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Types and errors of kstack/ustack, the symbol and address functions, and the unsafe actions. */
class SymbolFunctionsTest {
    private static final CompileOptions UNSAFE = CompileOptions.defaults().withUnsafe(true);

    private static Type mapValue(String program, CompileOptions options) {
        return TypeCheckerTest.analyze(program, options).maps().get("@x").value();
    }

    @Test
    void stackTypesCarryModeAndDepth() {
        Object[][] cases = {
                {"BEGIN { @x = kstack; }", new Type.Stack(false, "bpftrace", 127)},
                {"BEGIN { @x = ustack; }", new Type.Stack(true, "bpftrace", 127)},
                {"BEGIN { @x = kstack(); }", new Type.Stack(false, "bpftrace", 127)},
                {"BEGIN { @x = kstack(5); }", new Type.Stack(false, "bpftrace", 5)},
                {"BEGIN { @x = ustack(perf); }", new Type.Stack(true, "perf", 127)},
                {"BEGIN { @x = kstack(raw, 3); }", new Type.Stack(false, "raw", 3)},
        };
        for (Object[] c : cases) assertEquals(c[1], mapValue((String) c[0], CompileOptions.defaults()), (String) c[0]);
        assertEquals(new Type.Stack(false, "perf", 127), mapValue("BEGIN { @x = kstack; }", CompileOptions.defaults().withStackMode("perf")));
    }

    @Test
    void stacksAreMapKeys() {
        CheckedProgram p = TypeCheckerTest.analyze("BEGIN { @x[kstack, comm] = count(); }");
        assertEquals(List.of(new Type.Stack(false, "bpftrace", 127), new Type.Str(16)), p.maps().get("@x").keys());
    }

    @Test
    void resolvedValueTypes() {
        String[][] cases = {
                {"BEGIN { @x = ksym(0); }", "ksym_t"},
                {"BEGIN { @x = usym(0); }", "usym_t"},
                {"BEGIN { @x = ntop(1); }", "inet"},
                {"BEGIN { @x = ntop(10, 1); }", "inet"},
                {"BEGIN { @x = strftime(\"%H\", nsecs); }", "timestamp"},
                {"BEGIN { @x = macaddr(0); }", "macaddr_t"},
                {"profile:hz:99 { @x = reg(\"ip\"); }", "uint64"},
        };
        for (String[] c : cases) assertEquals(c[1], mapValue(c[0], CompileOptions.defaults()).display(), c[0]);
    }

    @Test
    void errors() {
        String[][] cases = {
                {"BEGIN { system(\"ls\"); }", "stdin:1:9-21: ERROR: system() is an unsafe function being used in safe mode"},
                {"BEGIN { kstack(fast); }", "stdin:1:16-20: ERROR: kstack(): invalid stack mode 'fast' (bpftrace, perf or raw)"},
                {"BEGIN { kstack(0); }", "stdin:1:16-17: ERROR: kstack() limit must be between 1 and "},
                {"BEGIN { ksym(\"x\"); }", "stdin:1:9-18: ERROR: ksym() expects an integer argument (string[2] provided)"},
                {"BEGIN { strftime(1, 2); }", "stdin:1:18-19: ERROR: strftime() expects a string literal"},
                {"BEGIN { uaddr(\"main\"); }", "stdin:1:9-22: ERROR: uaddr can not be used with \"begin\" probes"},
                {"BEGIN { @ = reg(\"ip\"); }", "stdin:1:13-22: ERROR: reg can not be used with \"begin\" probes"},
                {"profile:hz:1 { @ = reg(\"rip\"); }", "stdin:1:20-30: ERROR: 'rip' is not a valid register on this architecture (x86_64)"},
        };
        for (String[] c : cases) {
            String err = TypeCheckerTest.error(c[0]);
            assertTrue(err.startsWith(c[1]), c[0] + " gave:\n" + err);
        }
        String[][] unsafe = {
                {"profile:hz:1 { signal(\"SIGNOPE\"); }", "stdin:1:23-32: ERROR: Signal not supported: SIGNOPE"},
                {"profile:hz:1 { signal(65); }", "stdin:1:23-25: ERROR: sig must be between 1 and 64"},
                {"tracepoint:syscalls:sys_exit_read { signal(9); }", "ERROR: signal can not be used with \"tracepoint\" probes"},
                {"BEGIN { override(1); }", "stdin:1:9-20: ERROR: override can only be used with kprobes."},
        };
        for (String[] c : unsafe) {
            String err = TypeCheckerTest.error(c[0], UNSAFE);
            assertTrue(err.contains(c[1]), c[0] + " gave:\n" + err);
        }
        TypeCheckerTest.analyze("profile:hz:1 { signal(\"KILL\"); signal(15); }", UNSAFE);
        TypeCheckerTest.analyze("BEGIN { system(\"echo %d\", pid); cat(\"/proc/%d/status\", pid); }", UNSAFE);
    }
}
