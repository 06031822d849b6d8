package jtrace.attach;

/** A program hooked to an event source; closing unhooks it. */
public sealed interface Attachment extends AutoCloseable permits TracepointAttachment, PerfEventAttachment,
        RawTracepointAttachment, UprobeAttachment,

        KprobeAttachment, LinkAttachment, WatchpointAttachment {
    /** What the program is attached to, for messages (e.g. {@code tracepoint:syscalls:sys_enter_read}). */
    String target();

    @Override
    void close();
}
