package jtrace.runtime;

import jtrace.attach.Attachment;
import jtrace.attach.LinkAttachment;

import java.util.List;

/** Runs iterator probes: each iterator link is read once, after begin; then the run ends, as in bpftrace. */
final class IterRunner {
    private IterRunner() {}

    /** Runs every iterator among {@code attachments}; returns whether there was one. */
    static boolean runAll(List<Attachment> attachments) {
        boolean ran = false;
        for (Attachment a : attachments) {
            if (a instanceof LinkAttachment link && link.target().startsWith("iter:")) {
                link.runIterator();
                ran = true;
            }
        }
        return ran;
    }
}
