package jtrace.sys;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CpusTest {
    @Test
    void parsesKernelCpuLists() {
        var table = java.util.Map.of(
                "0", List.of(0),
                "0-1\n", List.of(0, 1),
                "0-3,5,7-8", List.of(0, 1, 2, 3, 5, 7, 8),
                "2,4", List.of(2, 4),
                "", List.<Integer>of());
        table.forEach((list, want) -> assertEquals(want, Cpus.parse(list), list));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "3-1", "1-", "-"})
    void rejectsMalformedLists(String list) {
        assertThrows(IllegalArgumentException.class, () -> Cpus.parse(list));
    }

    @Test
    void systemListsAreConsistent() {
        var possible = Cpus.possible();
        assertFalse(possible.isEmpty());
        assertEquals(0, possible.getFirst());
        assertTrue(possible.containsAll(Cpus.online()));
        assertEquals(Runtime.getRuntime().availableProcessors() <= possible.size(), true);
    }
}
