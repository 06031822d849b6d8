package jtrace.e2e;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutputFilterTest {
    private static final String HIST = """
            Attaching 1 probe...


            @h[bash]:\s
            [1]                    2 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

            @h[jtwl]:\s
            [64, 128)              5 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

            @n: 3
            """;

    static Stream<Arguments> onlyComm() {
        return Stream.of(
                Arguments.of("Attaching 1 probe...\n\n\n@b[bash]: 12\n@b[jtwl]: 500\n@r[sshd]: 1\n@r[jtwl]: 5\n",
                        "Attaching 1 probe...\n\n\n@b[jtwl]: 500\n@r[jtwl]: 5\n"),
                Arguments.of("@[jtwl, -9]: 7\n@[bash, -9]: 1\n@[jtwlx, -9]: 1\n", "@[jtwl, -9]: 7\n"),
                Arguments.of("@total: 9\n\n@[cat]: 1\n", "@total: 9\n\n"),
                Arguments.of("printf line\n@[jtwl]: 1", "printf line\n@[jtwl]: 1"),
                Arguments.of(HIST, """
                        Attaching 1 probe...


                        @h[jtwl]:\s
                        [64, 128)              5 |@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@|

                        @n: 3
                        """));
    }

    @ParameterizedTest
    @MethodSource("onlyComm")
    void keepsOnlyTheCommsEntries(String output, String expected) {
        GoldenText.assertSameText(expected, OutputFilter.onlyComm(output, "jtwl"));
    }

    @Test
    void onlyKeysSeesTheWholeKey() {
        assertEquals("@[1, 2]: 3\n", OutputFilter.onlyKeys("@[1, 2]: 3\n@[2, 1]: 4\n", k -> k.equals("1, 2")));
    }

    @Test
    void keepAndDropLines() {
        String out = "jtwl 1\nbash 2\n\njtwl 3";
        assertEquals("jtwl 1\njtwl 3", OutputFilter.keepLines(out, l -> l.startsWith("jtwl ")));
        assertEquals("jtwl 1\n\njtwl 3", OutputFilter.dropLines(out, l -> l.startsWith("bash ")));
    }
}
