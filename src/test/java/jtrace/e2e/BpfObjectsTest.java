package jtrace.e2e;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class BpfObjectsTest {
    private static BpfObjects.Snapshot snap(Set<Integer> progs, Set<Integer> maps, Set<Integer> links) {
        return new BpfObjects.Snapshot(new TreeSet<>(progs), new TreeSet<>(maps), new TreeSet<>(links));
    }

    @Test
    void setAlgebra() {
        BpfObjects.Snapshot a = snap(Set.of(1, 2, 3), Set.of(10), Set.of());
        BpfObjects.Snapshot b = snap(Set.of(2, 4), Set.of(10, 11), Set.of(7));
        assertEquals(snap(Set.of(1, 3), Set.of(), Set.of()), a.minus(b));
        assertEquals(snap(Set.of(4), Set.of(11), Set.of(7)), b.minus(a));
        assertEquals(snap(Set.of(2), Set.of(10), Set.of()), a.intersect(b));
        assertTrue(a.minus(a).isEmpty());
    }

    @Test
    void walkAndFdinfoNeedNoTracer() {
        assumeTrue(BpfObjects.available(), "bpf(2) id walk needs root");
        BpfObjects.Snapshot all = BpfObjects.snapshot();
        assertTrue(all.progs().stream().allMatch(id -> id > 0));
        assertTrue(BpfObjects.heldBy(ProcessHandle.current().pid()).isEmpty(), "this JVM holds no BPF fds");
        BpfObjects.assertReleased(snap(Set.of(), Set.of(), Set.of()));
        assertTrue(BpfObjects.progName(Integer.MAX_VALUE).isEmpty());
    }

    @Test
    void heldByAnExitedProcessFails() {
        assertThrows(AssertionError.class, () -> BpfObjects.heldBy(Integer.MAX_VALUE - 1));
    }

    @Test
    void tracefsListsAreReadable() {
        // No kprobes in some kernels: the list is then empty, never an error.
        assertTrue(TracefsEvents.all().stream().noneMatch(String::isBlank));
    }
}
