package jtrace.runtime;

import org.junit.jupiter.api.Test;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Program output and stderr sharing one file (2>&1): warnings come after what was printed before them. */
class TextOutputTest {
    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(new BufferedOutputStream(file), false, StandardCharsets.ISO_8859_1);
    private final PrintStream err = new PrintStream(file, true, StandardCharsets.ISO_8859_1);
    private final TextOutput text = new TextOutput(out, err);

    @Test
    void lostEventsFollowTheOutputBeforeThem() {
        text.printf("1\n2\n");
        text.lostEvents(5);
        text.printf("3\n");
        text.flush();
        assertEquals("1\n2\nLost 5 events\n3\n", file.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void mapFullFollowsTheOutputBeforeIt() {
        text.printf("a\n");
        text.mapFull(2);
        assertEquals("a\n" + MapFullWarning.text(2) + "\n", file.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void printOfAnEmptyMapIsAnEmptyLine() {
        text.printf("x: ");
        text.map(new MapDump("@m", List.of()), 0, 0);
        text.flush();
        assertEquals("x: \n", file.toString(StandardCharsets.ISO_8859_1));
    }
}
