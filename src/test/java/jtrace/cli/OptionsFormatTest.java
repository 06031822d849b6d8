package jtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** -f FORMAT as getopt reads it, separate or attached; the name is checked later, after compiling. */
class OptionsFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-e BEGIN{}                  | text",
            "-f json -e BEGIN{}          | json",
            "-fjson -e BEGIN{}           | json",
            "-f text -e BEGIN{}          | text",
            "-f xml -e BEGIN{}           | xml",
            "-f json -f text -e BEGIN{}  | text",
            "-q -f json prog.bt          | json"})
    void format(String args, String expected) throws Exception {
        assertEquals(expected, Options.parse(args.split(" ")).format());
    }

    @Test
    void formatNeedsAnArgument() {
        Options.UsageException e = assertThrows(Options.UsageException.class, () -> Options.parse(new String[] {"-f"}));
        assertEquals("option '-f' requires an argument", e.getMessage());
    }
}
