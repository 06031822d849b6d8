package jtrace.e2e;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignalTest {
    @ParameterizedTest
    @CsvSource({"INT, 2", "SIGINT, 2", "int, 2", "TERM, 15", "KILL, 9", "sigusr1, 10", "HUP, 1"})
    void parsesNames(String name, int number) {
        assertEquals(number, Signal.parse(name).number);
    }

    @Test
    void rejectsUnknownNames() {
        assertThrows(IllegalArgumentException.class, () -> Signal.parse("SIGFOO"));
    }

    @Test
    void sendingToAMissingProcessFails() {
        assertThrows(IllegalStateException.class, () -> Signal.TERM.sendTo(Integer.MAX_VALUE - 1));
    }
}
