package jtrace.tracefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TracepointCatalogTest {
    @TempDir Path tmp;

    private static List<String> names(List<String[]> pairs) {
        return pairs.stream().map(p -> p[0] + ":" + p[1]).toList();
    }

    @Test
    void listsEventsWithFormatFilesSorted() throws IOException {
        var catalog = new TracepointCatalog(Fixtures.tracefs(tmp));
        assertEquals(List.of("sched:sched_process_exec", "sched:sched_switch",
                "syscalls:sys_enter_openat", "syscalls:sys_exit_read"), names(catalog.list()));
    }

    @Test
    void matchesGlobs() throws IOException {
        var catalog = new TracepointCatalog(Fixtures.tracefs(tmp));
        assertEquals(List.of("syscalls:sys_enter_openat"), names(catalog.match("syscalls", "sys_enter_*")));
        assertEquals(List.of("syscalls:sys_exit_read"), names(catalog.match("sys*", "sys_?xit_read")));
        assertEquals(List.of("sched:sched_switch"), names(catalog.match("s*", "s*_s*")));
        assertEquals(List.of(), names(catalog.match("nope", "*")));
    }

    @Test
    void readsFormats() throws IOException {
        var catalog = new TracepointCatalog(Fixtures.tracefs(tmp));
        assertEquals("sched_switch", catalog.format("sched", "sched_switch").name());
        assertTrue(catalog.exists("syscalls", "sys_exit_read"));
        assertFalse(catalog.exists("syscalls", "sys_enter_noformat"));
        assertFalse(catalog.exists("..", "events"));
    }

    @Test
    void missingTracepoint() throws IOException {
        var catalog = new TracepointCatalog(Fixtures.tracefs(tmp));
        var e = assertThrows(TracepointNotFoundException.class, () -> catalog.format("syscall", "sys_exit_read"));
        assertEquals("Tracepoint not found: syscall:sys_exit_read", e.getMessage());
        assertEquals("Did you mean syscalls:sys_exit_read?", e.hint().orElseThrow());
        assertThrows(TracepointNotFoundException.class, () -> catalog.format("../events", "x"));
    }

    @Test
    void missingRootListsNothing() {
        assertEquals(List.of(), new TracepointCatalog(tmp.resolve("absent")).list());
    }
}
