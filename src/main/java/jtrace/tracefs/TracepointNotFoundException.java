package jtrace.tracefs;

import java.util.Optional;

/** No format file for category:event; the message is bpftrace's. */
public final class TracepointNotFoundException extends TracefsException {
    private final String category;
    private final String event;

    public TracepointNotFoundException(String category, String event) {
        super("Tracepoint not found: " + category + ":" + event);
        this.category = category;
        this.event = event;
    }

    public String category() { return category; }

    public String event() { return event; }

    /** bpftrace's hint for the common slip of writing "syscall" for "syscalls". */
    public Optional<String> hint() {
        return category.equals("syscall") ? Optional.of("Did you mean syscalls:" + event + "?") : Optional.empty();
    }
}
