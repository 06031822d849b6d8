package jtrace.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrnoMessagesTest {
    @ParameterizedTest(name = "strerror({0})")
    @CsvSource(delimiter = '|', textBlock = """
            0    | Success
            1    | Operation not permitted
            2    | No such file or directory
            9    | Bad file descriptor
            11   | Resource temporarily unavailable
            13   | Permission denied
            14   | Bad address
            22   | Invalid argument
            40   | Too many levels of symbolic links
            41   | Unknown error 41
            58   | Unknown error 58
            95   | Operation not supported
            110  | Connection timed out
            133  | Memory page has hardware error
            134  | Unknown error 134
            -9   | Unknown error -9
            4294967305 | Bad file descriptor
            """)
    void glibcWording(long errno, String expected) {
        assertEquals(expected, ErrnoMessages.of(errno));
    }
}
