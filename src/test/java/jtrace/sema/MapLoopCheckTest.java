package jtrace.sema;

import jtrace.types.Type;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jtrace.sema.LanguageCheckTest.analyze;
import static jtrace.sema.LanguageCheckTest.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code for ($kv : @map)}: the element tuple's type and the refusals. */
class MapLoopCheckTest {

    private static Type kv(String program) {
        return analyze(program, Map.of()).probes().getLast().variables().get("kv");
    }

    @Test
    void singleKeyGivesKeyValueTuple() {
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, Type.Int.INT64)),
                kv("BEGIN { @m[1] = 2; for ($kv : @m) { print($kv.0); } }"));
    }

    @Test
    void severalKeysNestAsATuple() {
        assertEquals(new Type.Tuple(List.of(new Type.Tuple(List.of(new Type.Str(2), Type.Int.INT64)), Type.Int.INT64)),
                kv("BEGIN { @m[\"a\", 1] = 2; for ($kv : @m) { print($kv.0.1); } }"));
    }

    @Test
    void aggregationsYieldTheirReadValue() {
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, Type.Int.UINT64)),
                kv("BEGIN { @c[1] = count(); for ($kv : @c) { print($kv.1); } }"));
    }

    @Test
    void mapAssignedInALaterProbeIsFound() {
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, Type.Int.INT64)),
                kv("BEGIN { @m[1] = 1; } END { for ($kv : @m) { print($kv); } }"));
    }

    @Test
    void lenIsAnIntegerAndDeleteABool() {
        var p = analyze("BEGIN { @m[1] = 1; $n = len(@m); $d = delete(@m, 1); } END { $e = len(@later); } interval:s:1 { @later[1] = 1; }", Map.of());
        assertEquals(Type.Int.INT64, p.probes().getFirst().variables().get("n"));
        assertEquals(new Type.Bool(), p.probes().getFirst().variables().get("d"));
        assertEquals("stdin:1:9-19: ERROR: len() expects a map or a stack argument", message("BEGIN { len(@m[1]); @m[1] = 1; }"));
    }

    @Test
    void bufferTypesAndRefusals() {
        var p = analyze("config = { max_strlen = 32 } BEGIN { $a = buf(0, 4); $b = buf(0, 100); $c = buf(0, $1); $d = buf(\"abc\"); }", Map.of());
        var vars = p.probes().getFirst().variables();
        assertEquals(new Type.Buffer(4), vars.get("a"));
        assertEquals(new Type.Buffer(32), vars.get("b"));
        assertEquals(new Type.Buffer(32), vars.get("c"));
        assertEquals(new Type.Buffer(3), vars.get("d"));
        assertEquals("stdin:1:9-15: ERROR: buf() needs a length argument unless its data is an array", message("BEGIN { buf(0); }"));
        assertEquals("stdin:1:16-17: ERROR: buf() length must be greater than 0", message("BEGIN { buf(0, 0); }"));
        assertEquals("stdin:1:9-24: ERROR: printf: unsupported format specifier for type 'int64': r",
                message("BEGIN { printf(\"%r\", 1); }"));
    }

    @Test
    void recordsAreNamedTuples() {
        var p = analyze("BEGIN { $r = (a=1, b=\"x\"); $v = $r.b; }", Map.of());
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, new Type.Str(2)), List.of("a", "b")),
                p.probes().getFirst().variables().get("r"));
        assertEquals(new Type.Str(2), p.probes().getFirst().variables().get("v"));
        assertEquals("stdin:1:26-30: ERROR: Record does not contain a field named 'c'",
                message("BEGIN { $r = (a=1, b=2); $r.c; }"));
        assertEquals("stdin:1:20-21: ERROR: Duplicate field name in record: a", message("BEGIN { $r = (a=1, a=2); }"));
        assertEquals(new Type.Tuple(List.of(Type.Int.INT64, Type.Int.INT64), List.of("a", "b")),
                analyze("BEGIN { $r = (a=1, b=2); $r = (3, 4); }", Map.of()).probes().getFirst().variables().get("r"));
        assertEquals("stdin:1:26-28: ERROR: Type mismatch for $r: trying to assign value of type '(c=int64, d=int64)'"
                        + " when variable already contains a value of type '(a=int64, b=int64)'",
                message("BEGIN { $r = (a=1, b=2); $r = (c=3, d=4); }"));
    }

    @Test
    void refusals() {
        assertEquals("stdin:1:28-30: ERROR: Maps used as for-loop expressions must have keys to iterate over",
                message("BEGIN { @m = 1; for ($kv : @m) { } }"));
        assertEquals("stdin:1:37-39: ERROR: Loop over map of type hist_t is not supported",
                message("BEGIN { @h[1] = hist(5); for ($kv : @h) { } }"));
        assertEquals("stdin:1:20-22: ERROR: Undefined map: @x",
                message("BEGIN { for ($kv : @x) { } }"));
        assertEquals("stdin:1:45-48: ERROR: Undefined or undeclared variable: $kv",
                message("BEGIN { @m[1] = 1; for ($kv : @m) { } print($kv); }"));
    }
}
