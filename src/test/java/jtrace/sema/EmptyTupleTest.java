package jtrace.sema;

import jtrace.ast.Expr;
import jtrace.ast.Stmt;
import jtrace.diag.SourceFile;
import jtrace.parse.Parser;
import jtrace.types.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The empty tuple {@code ()} (bpftrace 0.24+, Python's syntax): a value of no size, printable, not storable in maps. */
class EmptyTupleTest {
    @Test
    void parsesAsATupleOfNoElements() {
        SourceFile src = new SourceFile("stdin", "BEGIN { $t = (); }");
        Stmt first = Parser.parse(src).probes().getFirst().body().stmts().getFirst();
        Expr.Tuple t = assertInstanceOf(Expr.Tuple.class, ((Stmt.Assign) first).value());
        assertEquals(List.of(), t.elements());
        assertEquals(13, t.span().start());
        assertEquals(15, t.span().end());
    }

    @Test
    void typesAsTheEmptyTupleAlsoInsideOthers() {
        CheckedProgram p = TypeCheckerTest.analyze("BEGIN { $t = (); @a[1] = (1, $t); }");
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, new Type.Tuple(List.of()))), p.maps().get("@a").value());
        assertEquals("()", new Type.Tuple(List.of()).display());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BEGIN { @m = (); }|stdin:1:9-11: ERROR: The empty tuple () has no size: it can not be a map value",
            "BEGIN { @m[1] = ((), ()); }|stdin:1:9-14: ERROR: The empty tuple () has no size: it can not be a map value",
            "BEGIN { @m[()] = 1; }|stdin:1:9-15: ERROR: The empty tuple () has no size: it can not be a map key"})
    void mapsCannotHoldIt(String program, String firstLine) {
        assertEquals(firstLine, TypeCheckerTest.error(program).lines().findFirst().orElseThrow());
    }
}
