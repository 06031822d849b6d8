package jtrace.attach;

/**
 * A program hooked to an event source; closing unhooks it. Each kind is a record of its target
 * and the descriptors that hold it attached, which {@link #close()} closes (once).
 */
public sealed interface Attachment extends AutoCloseable permits TracepointAttachment, PerfEventAttachment,
        RawTracepointAttachment, UprobeAttachment, KprobeAttachment, LinkAttachment, WatchpointAttachment {
    /** What the program is attached to, for messages (e.g. {@code tracepoint:syscalls:sys_enter_read}). */
    String target();

    /** The perf event, link or raw tracepoint descriptors that keep the program attached. */
    AttachedFds fds();

    @Override
    default void close() {
        fds().close();
    }
}
