package jtrace.e2e;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenTextTest {

    static Stream<Arguments> diffs() {
        return Stream.of(
                Arguments.of("a\nb\nc\n", "a\nB\nc\n", "  a\n- b\n+ B\n  c\n"),
                Arguments.of("@x: 1\n", "@x: 1 \n", "- @x: 1\n+ @x: 1·\n"),
                Arguments.of("a\n", "a", "- a\n+ a  \\ no newline at end\n"),
                Arguments.of("a\n\nb\n", "a\nb\n", "  a\n- \n  b\n"),
                Arguments.of("k\tv\n", "k v\n", "- k→v\n+ k v\n"),
                Arguments.of("1\n2\n3\n4\n5\n6\n7\n8\n9\nx\n", "1\n2\n3\n4\n5\n6\n7\n8\n9\ny\n",
                        "  ... (6 equal lines)\n  7\n  8\n  9\n- x\n+ y\n"),
                Arguments.of("", "extra\n", "+ extra\n"));
    }

    @ParameterizedTest
    @MethodSource("diffs")
    void showsReadableDiff(String expected, String actual, String diff) {
        assertEquals(diff, GoldenText.diff(expected, actual));
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> GoldenText.assertSameText(expected, actual));
        assertTrue(e.getMessage().endsWith(diff), e.getMessage());
        assertEquals(expected, e.getExpected().getValue());
    }

    @Test
    void equalTextPasses() {
        GoldenText.assertSameText("Attaching 1 probe...\n\n\n@[jtwl]: 5\n", "Attaching 1 probe...\n\n\n@[jtwl]: 5\n");
        assertEquals("", GoldenText.diff("x", "x"));
    }

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("@start: {{\\d+}}\n", "@start: 123456\n", true),
                Arguments.of("@start: {{\\d+}}\n", "@start: 12a\n", false),
                Arguments.of("pid {{\\d+}} comm {{\\w+}}.\n", "pid 7 comm jtwl.\n", true),
                Arguments.of("a.b {{x}}\n", "aXb x\n", false), // literal parts are quoted
                Arguments.of("{{.*}}\n", "anything\n", true),
                Arguments.of("{{.*}}\n", "anything", false),   // final newline still counts
                Arguments.of("a\n{{.*}}\n", "a\n", false));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void matchesTemplates(String template, String actual, boolean matches) {
        if (matches) {
            GoldenText.assertMatches(template, actual);
        } else {
            assertThrows(AssertionFailedError.class, () -> GoldenText.assertMatches(template, actual));
        }
    }

    @Test
    void templateFailureShowsOnlyMismatchedLines() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> GoldenText.assertMatches("x: {{\\d+}}\ny: 2\n", "x: 99\ny: 3\n"));
        assertTrue(e.getMessage().endsWith("  x: 99\n- y: 2\n+ y: 3\n"), e.getMessage());
    }
}
