package jtrace.runtime;

import jtrace.types.HistBuckets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden lines derived from current bpftrace's src/output/json.cpp and types_format.cpp; the
 * shapes shared with bpftrace 0.17 (installed here) were also checked against its output.
 */
class JsonOutputTest {
    private static Value i(long v) { return Value.Int.int64(v); }

    private static Value u(long v) { return Value.Int.uint64(v); }

    private static Value s(String v) { return new Value.Str(v); }

    private static Map.Entry<List<Value>, MapValue> e(List<Value> key, MapValue v) { return Map.entry(key, v); }

    private static MapDump scalar(String name, MapValue v) { return new MapDump(name, List.of(e(List.of(), v))); }

    private static long[] log2(int k, long... values) {
        long[] b = new long[HistBuckets.log2Count(k)];
        for (long v : values) b[HistBuckets.log2Index(v, k)]++;
        return b;
    }

    private static long[] linear(long min, long max, long step, long... values) {
        long[] b = new long[HistBuckets.linearCount(min, max, step)];
        for (long v : values) b[HistBuckets.linearIndex(v, min, max, step)]++;
        return b;
    }

    /** Everything the output printed for the calls made on it. */
    private static String run(Consumer<JsonOutput> calls) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(bytes, true, StandardCharsets.ISO_8859_1);
        JsonOutput out = new JsonOutput(ps);
        calls.accept(out);
        out.flush();
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String valueLine(Value v) { return run(o -> o.value(v)); }

    private static String mapLine(MapDump m) { return run(o -> o.map(m, 0, 0)); }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(i(0), "0"),
                Arguments.of(i(-1), "-1"),
                Arguments.of(i(Long.MAX_VALUE), "\"9223372036854775807\""), // a double cannot hold it
                Arguments.of(i(Long.MIN_VALUE), "-9223372036854775808"),   // -2^63 it can
                Arguments.of(i(1L << 53), "9007199254740992"),
                Arguments.of(i((1L << 53) + 1), "\"9007199254740993\""),
                Arguments.of(i(-(1L << 53) - 1), "\"-9007199254740993\""),
                Arguments.of(u(-1), "\"18446744073709551615\""),
                Arguments.of(u(1L << 63), "9223372036854775808"),
                Arguments.of(new Value.Int(0xff, 1, true), "-1"),
                Arguments.of(new Value.Int(0xff, 1, false), "255"),
                Arguments.of(new Value.Bool(true), "true"),
                Arguments.of(new Value.Bool(false), "false"),
                Arguments.of(s(""), "\"\""),
                Arguments.of(s("a\"b\\c\n\r\t\u0001\u001f\u007f z"), "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\u007f z\""),
                // UTF-8 "é" as its two bytes: bpftrace escapes each as a negative char.
                Arguments.of(s("\u00c3\u00a9"), "\"\\uffffffc3\\uffffffa9\""),
                Arguments.of(s("\u00e9"), "\"\\uffffffe9\""),
                Arguments.of(new Value.Tuple(List.of(i(1), s("a"), new Value.Tuple(List.of(i(2), new Value.Bool(true))))),
                        "[1,\"a\",[2,true]]"),
                Arguments.of(new Value.Array(List.of(i(1), i(2))), "[1,2]"),
                Arguments.of(new Value.Record(List.of(new Value.Record.Field("a", i(1)), new Value.Record.Field("b", s("x")))),
                        "{\"a\": 1, \"b\": \"x\"}"),
                Arguments.of(new Value.Record(List.of()), "{}"),
                Arguments.of(new Value.Buffer(new byte[] {'h', (byte) 0xc3, 0}), "[104,-61,0]"),
                Arguments.of(new Value.Sym("0xffffffff81234567", 0xffffffff81234567L), "\"18446744071581156711\""),
                Arguments.of(new Value.Sym("0xffffffff81000000", 0xffffffff81000000L), "18446744071578845184"),
                Arguments.of(new Value.Sym("0x1000", 0x1000), "4096"),
                Arguments.of(new Value.None(), "null"));
    }

    @ParameterizedTest
    @MethodSource
    void values(Value v, String json) {
        assertEquals("{\"type\": \"value\", \"data\": " + json + "}\n", valueLine(v));
    }

    @Test
    void printfAndTimeAreEscapedStrings() {
        assertEquals("{\"type\": \"printf\", \"data\": \"hi \\\"you\\\"\\n\"}\n", run(o -> o.printf("hi \"you\"\n")));
        assertEquals("{\"type\": \"printf\", \"data\": \"\"}\n", run(o -> o.printf("")));
        assertEquals("{\"type\": \"time\", \"data\": \"12:34:56\\n\"}\n", run(o -> o.time("12:34:56\n")));
    }

    @Test
    void attachedProbesAndLostEventsCarryTheCountTwice() {
        assertEquals("{\"type\": \"attached_probes\", \"count\": 3, \"data\": {\"probes\": 3}}\n", run(o -> o.attachedProbes(3)));
        assertEquals("{\"type\": \"lost_events\", \"count\": 12, \"data\": {\"events\": 12}}\n", run(o -> o.lostEvents(12)));
    }

    static Stream<Arguments> maps() {
        return Stream.of(
                Arguments.of(scalar("@c", new MapValue.Count(1)), "map", "{\"@c\": 1}"),
                Arguments.of(scalar("@", new MapValue.Sum(-5, true)), "map", "{\"@\": -5}"),
                Arguments.of(scalar("@u", new MapValue.Sum(-1, false)), "map", "{\"@u\": \"18446744073709551615\"}"),
                Arguments.of(scalar("@mn", new MapValue.Min(-3)), "map", "{\"@mn\": -3}"),
                Arguments.of(scalar("@mx", new MapValue.Max(Long.MAX_VALUE)), "map", "{\"@mx\": \"9223372036854775807\"}"),
                Arguments.of(scalar("@a", new MapValue.Avg(7, 2)), "stats", "{\"@a\": 3}"),
                Arguments.of(scalar("@a", new MapValue.Avg(-7, 2)), "stats", "{\"@a\": -3}"),
                Arguments.of(scalar("@st", new MapValue.Stats(2, 7)), "stats",
                        "{\"@st\": {\"count\": 2, \"average\": 3, \"total\": 7}}"),
                Arguments.of(scalar("@s", new MapValue.Scalar(s("a\"b"))), "map", "{\"@s\": \"a\\\"b\"}"),
                Arguments.of(scalar("@b", new MapValue.Scalar(new Value.Bool(true))), "map", "{\"@b\": true}"),
                Arguments.of(scalar("@t", new MapValue.Scalar(new Value.Tuple(List.of(i(1), s("x"))))), "map",
                        "{\"@t\": [1,\"x\"]}"),
                // Keys: text form, tuple parentheses dropped, every space removed (also inside strings).
                Arguments.of(new MapDump("@s", List.of(e(List.of(i(1), s("a b")), new MapValue.Sum(3, true)))), "map",
                        "{\"@s\": {\"1,ab\": 3}}"),
                Arguments.of(new MapDump("@k", List.of(e(List.of(new Value.Tuple(List.of(i(1), i(2))), i(3)),
                        new MapValue.Count(1)))), "map", "{\"@k\": {\"(1,2),3\": 1}}"),
                Arguments.of(new MapDump("@k", List.of(e(List.of(s("(x)")), new MapValue.Count(1)))), "map",
                        "{\"@k\": {\"x\": 1}}"),
                Arguments.of(new MapDump("@k", List.of(e(List.of(s("q\"\u0002")), new MapValue.Count(1)))), "map",
                        "{\"@k\": {\"q\\\"\\u0002\": 1}}"),
                Arguments.of(new MapDump("@k", List.of(e(List.of(new Value.Bool(false)), new MapValue.Count(1)))), "map",
                        "{\"@k\": {\"false\": 1}}"),
                // Sorted as text sorts: ascending by value.
                Arguments.of(new MapDump("@c", List.of(
                        e(List.of(s("b")), new MapValue.Count(5)),
                        e(List.of(s("a")), new MapValue.Count(7)),
                        e(List.of(s("c")), new MapValue.Count(0)))), "map", "{\"@c\": {\"c\": 0, \"b\": 5, \"a\": 7}}"),
                Arguments.of(new MapDump("@str", List.of(
                        e(List.of(i(2)), new MapValue.Scalar(s("y"))),
                        e(List.of(i(-1)), new MapValue.Scalar(s("x"))))), "map", "{\"@str\": {\"-1\": \"x\", \"2\": \"y\"}}"),
                Arguments.of(new MapDump("@a", List.of(
                        e(List.of(s("x")), new MapValue.Avg(10, 2)),
                        e(List.of(s("y")), new MapValue.Avg(3, 1))), true), "stats", "{\"@a\": {\"y\": 3, \"x\": 5}}"),
                Arguments.of(new MapDump("@st", List.of(e(List.of(i(1)), new MapValue.Stats(1, -4))), true), "stats",
                        "{\"@st\": {\"1\": {\"count\": 1, \"average\": -4, \"total\": -4}}}"),
                // An empty avg()/stats() map still prints.
                Arguments.of(new MapDump("@e", List.of(), true), "stats", "{\"@e\": {}}"));
    }

    @ParameterizedTest
    @MethodSource
    void maps(MapDump m, String type, String data) {
        assertEquals("{\"type\": \"" + type + "\", \"data\": " + data + "}\n", mapLine(m));
    }

    @Test
    void emptyMapsPrintNothing() {
        assertEquals("", mapLine(new MapDump("@c", List.of())));
        assertEquals("", run(o -> o.exitMaps(List.of(new MapDump("@c", List.of()), new MapDump("@h", List.of())))));
    }

    static Stream<Arguments> histograms() {
        return Stream.of(
                Arguments.of(new MapValue.Hist(log2(0, 0, 1, 2, 3, 4), 0),
                        "[{\"min\": 0, \"max\": 0, \"count\": 1},{\"min\": 1, \"max\": 1, \"count\": 1},"
                                + "{\"min\": 2, \"max\": 3, \"count\": 2},{\"min\": 4, \"max\": 7, \"count\": 1}]"),
                // The negatives' bucket has no "min"; empty buckets inside the range stay.
                Arguments.of(new MapValue.Hist(log2(0, -5, 1), 0),
                        "[{\"max\": -1, \"count\": 1},{\"min\": 0, \"max\": 0, \"count\": 0},{\"min\": 1, \"max\": 1, \"count\": 1}]"),
                Arguments.of(new MapValue.Hist(log2(0, 1024), 0), "[{\"min\": 1024, \"max\": 2047, \"count\": 1}]"),
                Arguments.of(new MapValue.Hist(log2(2, 9), 2), "[{\"min\": 8, \"max\": 9, \"count\": 1}]"),
                Arguments.of(new MapValue.Hist(log2(2, 7), 2), "[{\"min\": 7, \"max\": 7, \"count\": 1}]"),
                Arguments.of(new MapValue.Hist(log2(0, Long.MAX_VALUE), 0),
                        "[{\"min\": 4611686018427387904, \"max\": \"9223372036854775807\", \"count\": 1}]"),
                Arguments.of(new MapValue.Hist(log2(0), 0), "[]"),
                Arguments.of(new MapValue.Lhist(linear(-10, 10, 5, -7, -3, 12, -20), -10, 10, 5),
                        "[{\"max\": -11, \"count\": 1},{\"min\": -10, \"max\": -6, \"count\": 1},"
                                + "{\"min\": -5, \"max\": -1, \"count\": 1},{\"min\": 0, \"max\": 4, \"count\": 0},"
                                + "{\"min\": 5, \"max\": 9, \"count\": 0},{\"min\": 10, \"count\": 1}]"),
                Arguments.of(new MapValue.Lhist(linear(0, 100, 10, 100, 100), 0, 100, 10), "[{\"min\": 100, \"count\": 2}]"),
                // Steps of 1024 make the bounds symbolic: unsigned "min", and big ones quoted.
                Arguments.of(new MapValue.Lhist(linear(-2048, 2048, 1024, -1500), -2048, 2048, 1024),
                        "[{\"min\": 18446744073709549568, \"max\": -1025, \"count\": 1}]"),
                Arguments.of(new MapValue.Lhist(linear(-2048, 2048, 1024, -600), -2048, 2048, 1024),
                        "[{\"min\": \"18446744073709550592\", \"max\": -1, \"count\": 1}]"),
                Arguments.of(new MapValue.Lhist(linear(0, 10240, 1024, 3000), 0, 10240, 1024),
                        "[{\"min\": 2048, \"max\": 3071, \"count\": 1}]"));
    }

    @ParameterizedTest
    @MethodSource
    void histograms(MapValue h, String rows) {
        assertEquals("{\"type\": \"hist\", \"data\": {\"@h\": " + rows + "}}\n", mapLine(scalar("@h", h)));
    }

    @Test
    void keyedHistogramsSortByTotalCount() {
        MapDump m = new MapDump("@h", List.of(
                e(List.of(s("a b")), new MapValue.Hist(log2(0, 1, 1), 0)),
                e(List.of(s("c")), new MapValue.Hist(log2(0, 2), 0))));
        assertEquals("{\"type\": \"hist\", \"data\": {\"@h\": {\"c\": [{\"min\": 2, \"max\": 3, \"count\": 1}], "
                + "\"ab\": [{\"min\": 1, \"max\": 1, \"count\": 2}]}}}\n", mapLine(m));
    }

    @Test
    void printTakesTopAndDivides() {
        MapDump m = new MapDump("@c", List.of(
                e(List.of(i(1)), new MapValue.Count(10)),
                e(List.of(i(2)), new MapValue.Count(30)),
                e(List.of(i(3)), new MapValue.Count(20))));
        assertEquals("{\"type\": \"map\", \"data\": {\"@c\": {\"3\": 2, \"2\": 3}}}\n", run(o -> o.map(m, 2, 10)));
        MapDump h = scalar("@h", new MapValue.Hist(log2(0, 4, 4, 4), 0));
        assertEquals("{\"type\": \"hist\", \"data\": {\"@h\": [{\"min\": 4, \"max\": 7, \"count\": 1}]}}\n",
                run(o -> o.map(h, 0, 2)));
        MapDump l = scalar("@l", new MapValue.Lhist(linear(0, 10, 1, 4, 4), 0, 10, 1));
        assertEquals("{\"type\": \"hist\", \"data\": {\"@l\": [{\"min\": 4, \"max\": 4, \"count\": 2}]}}\n",
                run(o -> o.map(l, 0, 2))); // div does not apply to lhist
    }

    @Test
    void exitMapsOnePerLineInNameOrderWithoutBlankLines() {
        List<MapDump> maps = List.of(
                scalar("@z", new MapValue.Count(1)),
                new MapDump("@empty", List.of()),
                scalar("@", new MapValue.Count(2)),
                scalar("@a", new MapValue.Avg(4, 2)));
        assertEquals("""
                {"type": "map", "data": {"@": 2}}
                {"type": "stats", "data": {"@a": 2}}
                {"type": "map", "data": {"@z": 1}}
                """, run(o -> o.exitMaps(maps)));
        assertEquals("", run(o -> o.exitMaps(List.of())));
    }

    /**
     * bpftrace writes a control character's escape by switching its stream to hex, which sticks:
     * counts it streams afterwards (histogram rows, lost events) come out in hex.
     */
    @Test
    void escapeSwitchesStreamedCountsToHex() {
        MapDump h = scalar("@h", new MapValue.Hist(log2(0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5), 0));
        String before = run(o -> {
            o.printf("\n\t\"");
            o.map(h, 0, 0);
            o.lostEvents(26);
        });
        assertEquals("""
                {"type": "printf", "data": "\\n\\t\\""}
                {"type": "hist", "data": {"@h": [{"min": 4, "max": 7, "count": 26}]}}
                {"type": "lost_events", "count": 26, "data": {"events": 26}}
                """, before);
        String after = run(o -> {
            o.printf("\u0001");
            o.map(h, 0, 0);
            o.lostEvents(26);
            o.value(i(26)); // numbers bpftrace formats itself stay decimal
        });
        assertEquals("""
                {"type": "printf", "data": "\\u0001"}
                {"type": "hist", "data": {"@h": [{"min": 4, "max": 7, "count": 1a}]}}
                {"type": "lost_events", "count": 1a, "data": {"events": 1a}}
                {"type": "value", "data": 26}
                """, after);
    }
}
