package jtrace.tracefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real format files copied from /sys/kernel/tracing (kernel 6.18), kept as test resources. */
final class Fixtures {
    static final List<String> EVENTS = List.of(
            "syscalls/sys_exit_read", "syscalls/sys_enter_openat", "sched/sched_switch", "sched/sched_process_exec");

    private Fixtures() {}

    static String format(String categoryAndEvent) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/jtrace/tracefs/events/" + categoryAndEvent + "/format")) {
            if (in == null) throw new IllegalStateException("missing fixture " + categoryAndEvent);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fake tracefs root with the fixture events, plus the stray files real events/ dirs have. */
    static Path tracefs(Path root) throws IOException {
        Path events = root.resolve("events");
        Files.createDirectories(events);
        Files.writeString(events.resolve("enable"), "0\n");
        Files.writeString(events.resolve("header_page"), "");
        for (String ev : EVENTS) {
            Path dir = events.resolve(ev);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("format"), format(ev));
            Files.writeString(dir.getParent().resolve("filter"), "none\n");
        }
        Files.createDirectories(events.resolve("syscalls/sys_enter_noformat")); // no format file: skipped
        return root;
    }
}
