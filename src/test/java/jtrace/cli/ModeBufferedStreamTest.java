package jtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModeBufferedStreamTest {
    /**
     * What reached the underlying stream after "ab", after "c\nd", after flush() (the tracer's,
     * at the end of each batch of events: line mode writes out once a line is complete), and at finish().
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            NONE | ab | true  | true
            LINE | '' | false | true
            FULL | '' | false | false
            """)
    void writesOutAsTheModeSays(BufferMode mode, String afterFirst, boolean newlineWritesOut, boolean flushWritesOut)
            throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ModeBufferedStream s = new ModeBufferedStream(sink, mode);
        s.write("ab".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(afterFirst, sink.toString(StandardCharsets.ISO_8859_1));
        s.write("c\nd".getBytes(StandardCharsets.ISO_8859_1));
        String afterSecond = newlineWritesOut ? "abc\nd" : "";
        assertEquals(afterSecond, sink.toString(StandardCharsets.ISO_8859_1));
        s.flush();
        String afterFlush = flushWritesOut ? "abc\nd" : afterSecond;
        assertEquals(afterFlush, sink.toString(StandardCharsets.ISO_8859_1));
        s.flush(); // nothing new: nothing more
        assertEquals(afterFlush, sink.toString(StandardCharsets.ISO_8859_1));
        s.finish();
        assertEquals("abc\nd", sink.toString(StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest
    @CsvSource({"FULL", "LINE"})
    void aFullBufferIsWrittenOut(BufferMode mode) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ModeBufferedStream s = new ModeBufferedStream(sink, mode);
        s.write(new byte[ModeBufferedStream.SIZE + 10]);
        assertEquals(ModeBufferedStream.SIZE, sink.size());
    }
}
