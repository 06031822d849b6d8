package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.diag.CompileError;
import jtrace.diag.Span;
import jtrace.elf.UsdtArgument;
import jtrace.elf.UsdtProbe;
import jtrace.types.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserProbeBuiltinsTest {
    static final ProbeTarget.Uprobe ENTRY = new ProbeTarget.Uprobe("uprobe:/bin/x:f", "/bin/x", "f", 0x1000, false, -1, false);
    static final ProbeTarget.Uprobe RETURN = new ProbeTarget.Uprobe("uretprobe:/bin/x:fn", "/bin/x", "fn", 0x1000, true, -1, false);
    static final ProbeTarget.Usdt USDT = new ProbeTarget.Usdt("usdt:/bin/x:p:n", "/bin/x", new UsdtProbe("p", "n", 0x1000, 0x1000, 0,
            "-4@%edi 2@%ax", List.of(new UsdtArgument.Register(4, true, "rdi"), new UsdtArgument.Register(2, false, "rax")), null), -1);

    private static Type type(String name, ProbeTarget t) {
        return UserProbeBuiltins.typeOf(new Expr.Ident(name, new Span(0, name.length())), t);
    }

    @Test
    void types() {
        assertEquals(Type.Int.UINT64, type("arg0", ENTRY));
        assertEquals(Type.Int.UINT64, type("arg9", ENTRY));
        assertEquals(Type.Int.UINT64, type("retval", RETURN));
        assertEquals(new Type.Str(2), type("func", ENTRY));
        assertEquals(new Type.Str(3), type("func", RETURN));
        assertEquals(Type.Int.INT64, type("arg0", USDT));
        assertEquals(Type.Int.UINT64, type("arg1", USDT));
        assertNull(type("pid", ENTRY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "retval|ENTRY|The retval builtin can only be used with 'kretprobe' and 'uretprobe' probes (uprobe used here)",
            "arg0|RETURN|The arg0 builtin can only be used with 'kprobe', 'uprobe' and 'usdt' probes (uretprobe used here)",
            "arg32|ENTRY|arg32 is out of range: uprobes read arg0 to arg31",
            "arg2|USDT|arg2 is out of range: usdt:/bin/x:p:n has 2 arguments",
            "args|ENTRY|Could not parse arguments of \"uprobe:/bin/x:f\": no debuginfo found for /bin/x",
            "args|RETURN|Could not parse arguments of \"uretprobe:/bin/x:fn\": args builtin is not supported for probe type \"uretprobe\"",
            "retval|USDT|The retval builtin can not be used with usdt probes"})
    void refused(String name, String target, String message) {
        ProbeTarget t = switch (target) {
            case "ENTRY" -> ENTRY;
            case "RETURN" -> RETURN;
            default -> USDT;
        };
        CompileError e = assertThrows(CompileError.class, () -> type(name, t));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
