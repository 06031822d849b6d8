package jtrace.codegen;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StringTruncationTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // max_strlen | trailer | string | printed
            "8 | .. | abcdefg  | abcdefg..",
            "8 | .. | abcdef   | abcdef",
            "8 | '' | abcdefg  | abcdefg",
            "8 | ~  | abcdefg  | abcdefg~",
            "1 | .. | ''       | ..",
            "16 | .. | abcdefg | abcdefg"})
    void markedOnlyWhenTheStringFillsTheBuffer(int maxStrlen, String trailer, String s, String printed) {
        assertEquals(printed, new StringTruncation(maxStrlen, trailer).mark(s));
    }
}
